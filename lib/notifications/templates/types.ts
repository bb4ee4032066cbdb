import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';

/** A file sent with an email, produced at send time (e.g. the invoice PDF). */
export interface NotificationAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Content-ID of an inline image that the HTML shows as `cid:…` (e.g. the pickup QR code). */
  cid?: string;
}

/** What a template makes of a payload: the email's subject, text and HTML; `sms` for the SMS channel. */
export interface RenderedNotification {
  subject: string;
  text: string;
  html?: string;
  /** The SMS text when it should differ from `text` (shorter); otherwise `text` is sent. */
  sms?: string;
  attachments?: NotificationAttachment[];
}

export interface RenderContext {
  locale: Locale;
  /** For templates that load what they attach (an invoice PDF); not inside any transaction. */
  db: Db;
}

/**
 * One message kind. The payload is parsed by `payload` first: a row whose payload does not fit goes
 * dead with the schema's error instead of sending half a message. (`render` takes what `payload`
 * produced; the registry holds templates of every payload type, hence `unknown` here.)
 */
export interface NotificationTemplate {
  key: string;
  payload: z.ZodType;
  render(payload: unknown, ctx: RenderContext): RenderedNotification | Promise<RenderedNotification>;
}

/** Declares a template, its `render` typed by the payload schema. */
export function defineTemplate<S extends z.ZodType>(template: {
  key: string;
  payload: S;
  render(payload: z.output<S>, ctx: RenderContext): RenderedNotification | Promise<RenderedNotification>;
}): NotificationTemplate {
  // Sound because renderNotification only calls render with the output of this same schema.
  return template as unknown as NotificationTemplate;
}
