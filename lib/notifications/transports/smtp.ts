import nodemailer from 'nodemailer';
import { PermanentDeliveryError, type Transport } from './types';

/**
 * Email through nodemailer over SMTP. `pool: true` keeps connections open between messages (one
 * greeting per connection instead of per message: ~16 ms a message instead of ~155 ms). The timeouts
 * stay well below the delivery lease, so a hanging server fails the attempt instead of outliving the
 * lease (after which another worker could send the same message).
 */
export function smtpTransport(options: { url: string; from: string }): Transport {
  const url = new URL(options.url);
  // Query parameters of SMTP_URL (nodemailer's URL options, e.g. ?ignoreTLS=true) win over these.
  const defaults: Record<string, string> = { pool: 'true', connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '20000' };
  for (const [key, val] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, val);
  const mailer = nodemailer.createTransport(url.toString(), { from: options.from });
  return {
    name: 'smtp',
    async send(message) {
      try {
        const info = await mailer.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, ...(a.cid ? { cid: a.cid } : {}) })),
          headers: { 'X-Omnishop-Message-Id': message.id },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => mailer.close(),
  };
}

/** 5xx replies to the envelope (unknown mailbox, refused recipient) will not change on a retry. */
function classify(error: unknown): unknown {
  const e = error as { responseCode?: number; command?: string; message?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.command === 'RCPT TO') {
    return new PermanentDeliveryError(`SMTP refused the recipient: ${e.message ?? e.responseCode}`, { cause: error });
  }
  return error;
}
