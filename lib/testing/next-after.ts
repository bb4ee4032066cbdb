// `after()` for integration tests: the work runs at once instead of after a response, and the test
// waits for it before resetting the database (a touchpoint still being written while the next test
// truncates its tables deadlocked on PostgreSQL).
const pending = new Set<Promise<unknown>>();

/** The `next/server` module with `after` replaced; use as `vi.mock('next/server', …)`'s factory result. */
export function nextServerAtOnce<T extends object>(original: T): T {
  return {
    ...original,
    after: (task: () => unknown) => {
      const work = Promise.resolve().then(task);
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
  };
}

/** Waits until every `after()` task started so far has finished (and fails with the first error). */
export async function settleAfterTasks(): Promise<void> {
  await Promise.all([...pending]);
}
