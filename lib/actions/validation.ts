import type { z } from 'zod';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Turns zod issues into localized messages per field. Schemas name a key of the `validation` namespace
 * as their message (e.g. 'validation.email'); other issues get a generic message by their code.
 */
export function localizeIssues(issues: z.core.$ZodIssue[], t: Translate): { fieldErrors: Record<string, string[]>; formError?: string } {
  const fieldErrors: Record<string, string[]> = {};
  let formError: string | undefined;
  for (const issue of issues) {
    const message = messageFor(issue, t);
    const field = issue.path.length ? String(issue.path[0]) : undefined;
    if (!field) {
      formError ??= message;
      continue;
    }
    (fieldErrors[field] ??= []).push(message);
  }
  return { fieldErrors, formError };
}

function messageFor(issue: z.core.$ZodIssue, t: Translate): string {
  const params: Record<string, string | number> = {};
  if ('minimum' in issue) params.min = Number(issue.minimum);
  if ('maximum' in issue) params.max = Number(issue.maximum);
  if (issue.message.startsWith('validation.')) return t(issue.message, params);
  switch (issue.code) {
    case 'invalid_type':
      return t(issue.input === undefined || issue.input === '' ? 'validation.required' : 'validation.invalid');
    case 'too_small':
      return issue.origin === 'string'
        ? t(Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort', params)
        : t('validation.tooSmall', params);
    case 'too_big':
      return t(issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig', params);
    case 'invalid_format':
      return t(issue.format === 'email' ? 'validation.email' : 'validation.invalid');
    case 'invalid_value':
      return t('validation.choice');
    case 'unrecognized_keys':
      return t('validation.unknownField', { keys: issue.keys.join(', ') });
    default:
      return t('validation.invalid');
  }
}

/** FormData → plain object for zod. Repeated keys become arrays; Next's internal `$ACTION_*` keys are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = typeof value === 'string' ? value : value;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/**
 * The first field whose value holds a NUL character ('' for the input itself), or null. PostgreSQL text
 * cannot store U+0000: such input fails inside the query ("invalid byte sequence"), an unexpected
 * error, instead of getting the "not valid" answer every other impossible value gets.
 */
export function fieldWithNul(input: unknown): string | null {
  const holdsNul = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return value.includes('\u0000');
    if (depth > 16 || value === null || typeof value !== 'object') return false;
    return Object.values(value).some((v) => holdsNul(v, depth + 1));
  };
  if (input === null || typeof input !== 'object') return holdsNul(input, 0) ? '' : null;
  for (const [key, value] of Object.entries(input)) if (holdsNul(value, 0)) return key;
  return null;
}
