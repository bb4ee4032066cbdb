/** What every server action returns to its form: one shape for all surfaces. */
export type ActionState<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export const initialActionState = null as ActionState | null;
