import 'server-only';

/**
 * Where the built-in provider delivers its webhooks: this very app over loopback (Next sets PORT for
 * `next dev` and `next start`). Never derived from the request's Host header, which a caller controls.
 * OMNIPAY_WEBHOOK_URL overrides it, e.g. behind a proxy that must see the call.
 */
export function testWebhookUrl(): string {
  return (
    process.env.OMNIPAY_WEBHOOK_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/api/payments/webhook`
  );
}
