/**
 * Where messages go, read from the environment in this one module. Without SMTP_URL (email) or SMS_URL
 * (SMS) a channel delivers to the development outbox: the message is marked sent by 'dev-outbox' and
 * stays readable in /admin/outbox — never dropped. A half-configured channel (a URL without its sender
 * or token) is a deployment mistake and throws at start-up rather than losing mail later.
 */
type Env = Record<string, string | undefined>;

export type EmailConfig = { kind: 'smtp'; url: string; from: string } | { kind: 'dev-outbox' };
export type SmsConfig = { kind: 'http'; url: string; token: string; from: string } | { kind: 'dev-outbox' };

export interface DeliveryConfig {
  email: EmailConfig;
  sms: SmsConfig;
}

export class NotificationConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationConfigError';
  }
}

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

function requireUrl(raw: string, name: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NotificationConfigError(`${name} is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new NotificationConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Reads SMTP_URL + MAIL_FROM and SMS_URL + SMS_TOKEN + SMS_FROM. */
export function deliveryConfig(env: Env = process.env): DeliveryConfig {
  const smtpUrl = value(env, 'SMTP_URL');
  const mailFrom = value(env, 'MAIL_FROM');
  let email: EmailConfig = { kind: 'dev-outbox' };
  if (smtpUrl) {
    if (!mailFrom) throw new NotificationConfigError('SMTP_URL is set but MAIL_FROM is not');
    email = { kind: 'smtp', url: requireUrl(smtpUrl, 'SMTP_URL', ['smtp:', 'smtps:']), from: mailFrom };
  }

  const smsUrl = value(env, 'SMS_URL');
  let sms: SmsConfig = { kind: 'dev-outbox' };
  if (smsUrl) {
    const token = value(env, 'SMS_TOKEN');
    const from = value(env, 'SMS_FROM');
    if (!token || !from) throw new NotificationConfigError('SMS_URL is set but SMS_TOKEN or SMS_FROM is not');
    sms = { kind: 'http', url: requireUrl(smsUrl, 'SMS_URL', ['https:', 'http:']), token, from };
  }
  return { email, sms };
}

/**
 * The shop's public address, for links in messages whose payload carries a path: APP_URL, else
 * AUTH_URL (next-auth's), else the dev server.
 */
export function publicBaseUrl(env: Env = process.env): string {
  return (value(env, 'APP_URL') ?? value(env, 'AUTH_URL') ?? 'http://localhost:3000').replace(/\/+$/, '');
}
