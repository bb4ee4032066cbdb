import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { ADMIN_ROLES, authorize, COUNTER_ROLES, getActor, type RoleRequirement } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getTranslator } from '@/lib/i18n/translate';
import type { Locale } from '@/lib/i18n/config';
import { requestIdFrom, withLogContext } from '@/lib/logging/context';
import { log } from '@/lib/logging/logger';
import type { ActionState } from './action-state';
import { fieldWithNul, formDataToObject, localizeIssues } from './validation';

export type { ActionState } from './action-state';

/** Who may call an action: anyone (a shopper, signed in or not), or the listed roles. */
export type Access = 'public' | RoleRequirement;
export const access = { public: 'public', customer: ['customer'], counter: COUNTER_ROLES, admin: ADMIN_ROLES } as const;

export interface ActionContext<A extends Access> {
  actor: A extends 'public' ? Actor | null : Actor;
  locale: Locale;
  t: Awaited<ReturnType<typeof getTranslator>>['t'];
}

type HandlerResult<T> = { message?: string; data?: T } | void;

/**
 * The one wrapper every server action goes through: session → role → zod parse → handler → ActionState.
 * Works with `useActionState` (prevState, formData) and with direct calls (input object).
 * Expected failures (DomainError, invalid input) become localized messages; anything else is logged and
 * shown as a generic error — never a stack or SQL. Every log line of the action carries the request's
 * `x-request-id` (or a new id).
 */
export function action<S extends z.ZodType, A extends Access, T = unknown>(
  options: { schema: S; access: A },
  handler: (input: z.output<S>, ctx: ActionContext<A>) => Promise<HandlerResult<T>>,
) {
  const run = async (prevOrInput: unknown, maybeFormData?: unknown): Promise<ActionState<T>> =>
    withLogContext({ requestId: await incomingRequestId() }, () => perform(prevOrInput, maybeFormData));
  const perform = async (prevOrInput: unknown, maybeFormData?: unknown): Promise<ActionState<T>> => {
    const raw = maybeFormData !== undefined ? maybeFormData : prevOrInput;
    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    const { t, locale } = await getTranslator();
    const values = echoValues(input);
    try {
      const actor = options.access === 'public' ? await getActor() : await authorize(options.access);
      const nulField = fieldWithNul(input);
      if (nulField !== null) {
        const message = t('validation.invalid');
        return nulField ? { ok: false, fieldErrors: { [nulField]: [message] }, values } : { ok: false, formError: message, values };
      }
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        const { fieldErrors, formError } = localizeIssues(parsed.error.issues, t as never);
        return { ok: false, fieldErrors, formError, values };
      }
      const result = await handler(parsed.data, { actor, locale, t } as ActionContext<A>);
      return { ok: true, ...(result ?? {}) };
    } catch (error) {
      unstable_rethrow(error); // redirect() / notFound() from a handler keep working
      if (error instanceof DomainError) {
        const message = (t as (k: string, v?: object) => string)(`errors.${error.code}`, error.values);
        return error.field
          ? { ok: false, fieldErrors: { [error.field]: [message] }, values }
          : { ok: false, formError: message, values };
      }
      log.error({ err: error }, 'action failed unexpectedly');
      return { ok: false, formError: t('errors.generic'), values };
    }
  };
  // The access rule travels with the action so the security suite can call every action as every wrong role.
  return Object.assign(run, { access: options.access });
}

/** The proxy's request id, or a new one; outside a request (scripts, unit tests) there are no headers. */
async function incomingRequestId(): Promise<string> {
  try {
    return requestIdFrom(await headers());
  } catch (error) {
    unstable_rethrow(error);
    return requestIdFrom(null);
  }
}

/** The submitted text values, echoed back so a form keeps what the person typed. Never passwords. */
function echoValues(input: unknown): Record<string, string> | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string' && !/password/i.test(key)) out[key] = value;
  }
  return out;
}
