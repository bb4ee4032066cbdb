// For tests that call server actions the way a form does (imported by *.test.ts only).

/** Calls an action; a redirect (how a successful action often answers) comes back as its URL. */
export async function callAction<T>(fn: (input: unknown) => Promise<T>, input: unknown): Promise<T | { redirected: string }> {
  try {
    return await fn(input);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { redirected: digest.split(';')[2] };
    throw error;
  }
}
