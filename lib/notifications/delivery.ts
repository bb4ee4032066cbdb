import type { Notification } from '@/db/schema';
import type { Job, JobContext } from '@/lib/jobs/runner';
import { log } from '@/lib/logging/logger';
import { deliveryConfig, type DeliveryConfig } from './config';
import { DELIVERY_JOB } from './outbox';
import { claimDue, DEFAULT_DELIVERY_RULES, markFailed, markSent, nextDueAt, releaseClaims, retryDelayMs, type DeliveryRules } from './store';
import { renderNotification, type RenderedNotification } from './templates';
import { devOutboxTransport } from './transports/dev-outbox';
import { httpSmsTransport } from './transports/sms-http';
import { smtpTransport } from './transports/smtp';
import { PermanentDeliveryError, type OutgoingMessage, type Transport } from './transports/types';

export type Transports = Record<Notification['channel'], Transport>;

export interface DeliveryJobOptions {
  /** Overrides (tests); by default from deliveryConfig(). */
  transports?: Partial<Transports>;
  config?: DeliveryConfig;
  rules?: Partial<DeliveryRules>;
  /** Jitter source (tests make back-off exact). */
  random?: () => number;
  /** Polls this often when no NOTIFY comes (default 30 s). */
  pollMs?: number;
}

/** The transports the configuration asks for: SMTP / HTTP SMS, or the development outbox. */
export function transportsFromConfig(config: DeliveryConfig): Transports {
  return {
    email: config.email.kind === 'smtp' ? smtpTransport(config.email) : devOutboxTransport(),
    sms: config.sms.kind === 'http' ? httpSmsTransport(config.sms) : devOutboxTransport(),
  };
}

const MAX_ERROR_LENGTH = 1000;

type ChannelContent = Pick<OutgoingMessage, 'subject' | 'text' | 'html' | 'attachments'>;

/** An SMS is its short text only; an email gets everything. This is also what the admin outbox shows. */
function forChannel(channel: Notification['channel'], rendered: RenderedNotification): ChannelContent {
  if (channel === 'sms') return { subject: rendered.subject, text: rendered.sms ?? rendered.text };
  return { subject: rendered.subject, text: rendered.text, html: rendered.html, attachments: rendered.attachments };
}

/** The error as a person can read it in the admin outbox, with its cause (fetch's "fetch failed" says little). */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ').slice(0, MAX_ERROR_LENGTH);
}

/**
 * The outbox delivery job (DESIGN invariant 8): claims due rows (SKIP LOCKED + a lease), renders and
 * sends them outside any transaction, records sent / failed with back-off / dead after
 * `maxAttempts`. Only the worker holding a row's lease may record its outcome, so a row is never sent
 * by two workers while the lease holds; a crashed worker's rows are taken over once it runs out.
 */
export function createDeliveryJob(options: DeliveryJobOptions = {}): Job {
  const rules: DeliveryRules = { ...DEFAULT_DELIVERY_RULES, ...options.rules };
  const given = options.transports ?? {};
  const transports: Transports =
    given.email && given.sms ? { email: given.email, sms: given.sms } : { ...transportsFromConfig(options.config ?? deliveryConfig()), ...given };
  const random = options.random ?? Math.random;
  // No child logger with the job's name: the runner gives every line of a run `job` and `jobId`.

  async function deliver(ctx: JobContext, row: Notification): Promise<void> {
    let content: ChannelContent | undefined;
    let outcome: { providerMessageId: string } | { error: unknown };
    try {
      content = forChannel(row.channel, await renderNotification(row.templateKey, row.locale, row.payload, { db: ctx.db }));
      outcome = await transports[row.channel].send({ id: row.id, channel: row.channel, to: row.recipient, ...content });
    } catch (error) {
      outcome = { error };
    }

    // Outside the try: a failure to record the outcome is the runner's error (the lease then expires and
    // the row is retried), not a failed send.
    if ('providerMessageId' in outcome) {
      const held = await markSent(ctx.db, row.id, ctx.workerId, { providerMessageId: outcome.providerMessageId, content: content! });
      if (!held) log.warn({ notificationId: row.id }, 'sent after its lease was taken over');
      return;
    }
    const permanent = outcome.error instanceof PermanentDeliveryError;
    const dead = permanent || row.attempts >= rules.maxAttempts;
    const error = describe(outcome.error);
    await markFailed(ctx.db, row.id, ctx.workerId, { dead, error, retryInMs: retryDelayMs(row.attempts, rules, random), content });
    const fields = { notificationId: row.id, template: row.templateKey, channel: row.channel, attempts: row.attempts, error };
    if (dead) log.warn(fields, 'notification is dead: retry it from /admin/outbox');
    else log.info(fields, 'notification failed, will retry');
  }

  return {
    name: DELIVERY_JOB,
    pollMs: options.pollMs ?? 30_000,
    async runBatch(ctx) {
      const rows = await claimDue(ctx.db, ctx.workerId, rules);
      if (rows.length === 0) return { handled: 0, nextDueAt: await nextDueAt(ctx.db) };
      // Side by side: each send holds only its own lease, so one slow provider does not delay the rest.
      await Promise.all(rows.map((row) => deliver(ctx, row)));
      return { handled: rows.length };
    },
    async release(ctx) {
      try {
        const released = await releaseClaims(ctx.db, ctx.workerId);
        if (released > 0) log.info({ released }, 'released notification claims on shutdown');
      } finally {
        for (const transport of new Set(Object.values(transports))) transport.close?.();
      }
    },
  };
}
