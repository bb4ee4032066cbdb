import { describe, expect, it } from 'vitest';
import { deliveryConfig, NotificationConfigError, publicBaseUrl } from './config';

describe('delivery configuration', () => {
  it('without SMTP_URL and SMS_URL both channels go to the development outbox', () => {
    expect(deliveryConfig({})).toEqual({ email: { kind: 'dev-outbox' }, sms: { kind: 'dev-outbox' } });
    expect(deliveryConfig({ SMTP_URL: ' ', MAIL_FROM: 'x' })).toEqual({ email: { kind: 'dev-outbox' }, sms: { kind: 'dev-outbox' } });
  });

  it('reads SMTP and the HTTP SMS provider when configured', () => {
    expect(
      deliveryConfig({
        SMTP_URL: 'smtps://user:pw@mail.example.com:465',
        MAIL_FROM: 'Omnishop <shop@example.com>',
        SMS_URL: 'https://sms.example.com/v1/batches',
        SMS_TOKEN: 'tok',
        SMS_FROM: 'Omnishop',
      }),
    ).toEqual({
      email: { kind: 'smtp', url: 'smtps://user:pw@mail.example.com:465', from: 'Omnishop <shop@example.com>' },
      sms: { kind: 'http', url: 'https://sms.example.com/v1/batches', token: 'tok', from: 'Omnishop' },
    });
  });

  it('a half-configured channel fails at start-up with a clear message', () => {
    expect(() => deliveryConfig({ SMTP_URL: 'smtp://localhost:25' })).toThrow(new NotificationConfigError('SMTP_URL is set but MAIL_FROM is not'));
    expect(() => deliveryConfig({ SMTP_URL: 'http://localhost', MAIL_FROM: 'a@b.c' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => deliveryConfig({ SMS_URL: 'https://sms.example.com', SMS_TOKEN: 't' })).toThrow(/SMS_TOKEN or SMS_FROM/);
    expect(() => deliveryConfig({ SMS_URL: 'not a url', SMS_TOKEN: 't', SMS_FROM: 'f' })).toThrow(/SMS_URL is not a URL/);
  });

  it('links resolve against APP_URL, else AUTH_URL', () => {
    expect(publicBaseUrl({ APP_URL: 'https://shop.example.com/', AUTH_URL: 'https://auth.example.com' })).toBe('https://shop.example.com');
    expect(publicBaseUrl({ AUTH_URL: 'https://auth.example.com' })).toBe('https://auth.example.com');
    expect(publicBaseUrl({})).toBe('http://localhost:3000');
  });
});
