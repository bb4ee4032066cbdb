import type { ActionState } from '@/lib/actions/action-state';

const keys = new WeakMap<object, string>();
let next = 0;

/**
 * React resets a form after its action. Keyed by the answer (one key per answer object, stable across
 * re-renders), the form mounts again with the typed values (echoed by the action wrapper) as defaults
 * after a refusal, and with the saved ones after a save.
 */
export function formKey(state: ActionState | null): string {
  if (!state) return 'initial';
  let key = keys.get(state);
  if (!key) {
    key = `answer-${++next}`;
    keys.set(state, key);
  }
  return key;
}
