'use client';

// One router update at a time on a page with live refreshes. A router.refresh() that overlaps a form's
// server action, in either order, can leave the action pending for good: the send button stuck on
// "Sending…" while the message was saved (Next's action queue; vercel/next.js#84299, #96233 — seen in
// CI after a live refresh). So a live refresh waits until no action is pending, and a form submitted
// while a refresh is in flight is held and submitted again once the refreshed page has committed.

// A submit's pending state reaches SubmitButton's effect a frame or so after the submit event; a
// refresh asked for in between waits this long too.
const SUBMIT_GRACE_MS = 300;
// A refresh that never commits must not hold the page's forms for good.
const REFRESH_HOLD_MAX_MS = 10_000;

let actions = 0;
let refreshes = 0;
let lastSubmitAt = -Infinity;
const waitingForActions = new Set<() => void>();
const heldSubmits = new Map<SubmittableForm, HTMLElement | null>();

/** The part of a form the gate uses (a plain object in tests). */
export type SubmittableForm = {
  isConnected: boolean;
  requestSubmit(submitter?: HTMLElement | null): void;
};

/** A form's server action started (SubmitButton); call the returned function when it is done. */
export function reportActionPending(): () => void {
  actions++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    actions--;
    if (actions > 0) return;
    const runs = [...waitingForActions];
    waitingForActions.clear();
    for (const run of runs) whenNoActionPending(run);
  };
}

/** Runs `run` now, or once no action of this page is pending (nor just submitted). */
export function whenNoActionPending(run: () => void, now = performance.now()): void {
  if (actions > 0) {
    waitingForActions.add(run);
    return;
  }
  const wait = lastSubmitAt + SUBMIT_GRACE_MS - now;
  if (wait > 0) setTimeout(() => whenNoActionPending(run), wait);
  else run();
}

/** A live refresh started; call the returned function once the refreshed page has committed. */
export function beginRefresh(): () => void {
  refreshes++;
  let done = false;
  const release = () => {
    if (done) return;
    done = true;
    clearTimeout(timeout);
    refreshes--;
    if (refreshes > 0) return;
    const held = [...heldSubmits];
    heldSubmits.clear();
    for (const [form, submitter] of held) resubmit(form, submitter);
  };
  const timeout = setTimeout(release, REFRESH_HOLD_MAX_MS);
  return release;
}

/**
 * Decides on a form's submit event: true lets it through (and notes it, for whenNoActionPending);
 * false means the caller must cancel it — it is held and submitted again when the refresh is done.
 */
export function admitSubmit(form: SubmittableForm, submitter: HTMLElement | null, now = performance.now()): boolean {
  if (refreshes === 0) {
    lastSubmitAt = now;
    return true;
  }
  heldSubmits.set(form, submitter);
  return false;
}

function resubmit(form: SubmittableForm, submitter: HTMLElement | null): void {
  if (!form.isConnected) return;
  try {
    form.requestSubmit(submitter?.isConnected ? submitter : null);
  } catch {
    form.requestSubmit(); // the submitter is no longer a submit button of this form
  }
}

let installed = false;

/** Holds submits during a live refresh on this page (capture phase: before React sees the event). */
export function installSubmitGate(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener(
    'submit',
    (event) => {
      if (!(event.target instanceof HTMLFormElement)) return;
      if (admitSubmit(event.target, event.submitter)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
}
