import { describe, expect, it, vi } from 'vitest';
import { admitSubmit, beginRefresh, reportActionPending, whenNoActionPending, type SubmittableForm } from './router-gate';

function fakeForm(): SubmittableForm & { submits: (HTMLElement | null | undefined)[] } {
  const submits: (HTMLElement | null | undefined)[] = [];
  return { isConnected: true, submits, requestSubmit: (submitter) => void submits.push(submitter) };
}

describe('whenNoActionPending', () => {
  it('runs at once when no action is pending', () => {
    let runs = 0;
    whenNoActionPending(() => runs++);
    expect(runs).toBe(1);
  });

  it('waits until the last pending action is done, and runs once', () => {
    let runs = 0;
    const first = reportActionPending();
    const second = reportActionPending();
    whenNoActionPending(() => runs++);
    first();
    first(); // a second release of the same action counts once
    expect(runs).toBe(0);
    second();
    expect(runs).toBe(1);
    whenNoActionPending(() => runs++);
    expect(runs).toBe(2);
  });

  it('waits a moment after a submit let through, before its pending state is reported', () => {
    vi.useFakeTimers();
    try {
      const now = performance.now();
      expect(admitSubmit(fakeForm(), null, now)).toBe(true);
      let runs = 0;
      whenNoActionPending(() => runs++, now + 10);
      expect(runs).toBe(0);
      vi.advanceTimersByTime(300);
      expect(runs).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('admitSubmit during a live refresh', () => {
  it('holds a submit while a refresh is in flight and submits it again, once, when the refresh is done', () => {
    const form = fakeForm();
    const submitter = {} as HTMLElement;
    const release = beginRefresh();
    expect(admitSubmit(form, submitter)).toBe(false);
    expect(admitSubmit(form, submitter)).toBe(false); // a second click: still one submit
    expect(form.submits).toEqual([]);
    release();
    release();
    expect(form.submits).toHaveLength(1);
    expect(admitSubmit(form, submitter)).toBe(true);
  });

  it('waits for the last of overlapping refreshes, and drops a form that left the page', () => {
    const kept = fakeForm();
    const gone = fakeForm();
    const first = beginRefresh();
    const second = beginRefresh();
    admitSubmit(kept, null);
    admitSubmit(gone, null);
    gone.isConnected = false;
    first();
    expect(kept.submits).toEqual([]);
    second();
    expect(kept.submits).toEqual([null]);
    expect(gone.submits).toEqual([]);
  });

  it('lets the held forms go when a refresh never commits', () => {
    vi.useFakeTimers();
    try {
      const form = fakeForm();
      beginRefresh();
      admitSubmit(form, null);
      vi.advanceTimersByTime(10_000);
      expect(form.submits).toEqual([null]);
    } finally {
      vi.useRealTimers();
    }
  });
});
