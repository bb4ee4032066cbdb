import type { Locale } from '@/lib/i18n/config';
import { PermanentDeliveryError } from '../transports/types';
import { cancelled } from './cancelled';
import { collected } from './collected';
import { conversationReply } from './conversation-reply';
import { counterReceipt } from './counter-receipt';
import { orderConfirmation } from './order-confirmation';
import { passwordReset } from './password-reset';
import { paymentReceived } from './payment-received';
import { readyForPickup } from './ready-for-pickup';
import { refundIssued } from './refund-issued';
import { returnReceived } from './return-received';
import { satisfactionSurvey } from './satisfaction-survey';
import { shipped } from './shipped';
import { staffInvite } from './staff-invite';
import { verifyEmail } from './verify-email';
import type { NotificationTemplate, RenderContext, RenderedNotification } from './types';

export type { NotificationAttachment, RenderedNotification } from './types';

/**
 * Every message kind the outbox can send. Adding one: a file beside this one with `defineTemplate`
 * (key, zod payload, render) and its line here. A row whose key is not listed goes dead, clearly.
 */
const TEMPLATES: NotificationTemplate[] = [
  passwordReset,
  verifyEmail,
  staffInvite,
  conversationReply,
  // Order messages (lib/order-messages picks the template, recipients and channels per event).
  orderConfirmation,
  paymentReceived,
  readyForPickup,
  collected,
  shipped,
  cancelled,
  counterReceipt,
  // After-sales (lib/returns/notify.ts).
  returnReceived,
  refundIssued,
  // After a completed order: the satisfaction survey (lib/insight/satisfaction-notify.ts).
  satisfactionSurvey,
];

const BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));

export function templateKeys(): string[] {
  return [...BY_KEY.keys()];
}

/**
 * Renders a message in its locale. Throws PermanentDeliveryError for an unknown template or a payload
 * that does not fit its schema (retrying cannot help); a template's own failure (e.g. loading an
 * attachment) is thrown as is and retried.
 */
export async function renderNotification(
  templateKey: string,
  locale: Locale,
  payload: unknown,
  ctx: Omit<RenderContext, 'locale'>,
): Promise<RenderedNotification> {
  const template = BY_KEY.get(templateKey);
  if (!template) throw new PermanentDeliveryError(`Unknown template "${templateKey}"`);
  const parsed = template.payload.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new PermanentDeliveryError(`Payload does not fit template "${templateKey}": ${issues}`);
  }
  return template.render(parsed.data, { ...ctx, locale });
}
