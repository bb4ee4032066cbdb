import type { PaymentMethod } from '@/db/schema';
import { createMollieProvider } from './mollie-provider';
import type { PaymentProvider } from './provider';
import { testProvider } from './test-provider';

type Env = Record<string, string | undefined>;

/**
 * The provider new online payments are opened with: PAYMENT_PROVIDER=mollie with MOLLIE_API_KEY (and
 * MOLLIE_API_ENDPOINT only for the local fake), else the built-in test provider. A misconfiguration
 * (mollie without a key) fails loudly instead of silently taking test payments.
 */
export function getPaymentProvider(env: Env = process.env): PaymentProvider {
  const chosen = (env.PAYMENT_PROVIDER ?? 'test').trim().toLowerCase();
  if (chosen === 'mollie') return mollie(env);
  if (chosen === '' || chosen === 'test' || chosen === 'test_provider' || chosen === 'omnipay') return testProvider;
  throw new Error(`PAYMENT_PROVIDER=${env.PAYMENT_PROVIDER} is not a known provider (use 'mollie' or 'test')`);
}

/** The provider that handles payments recorded with `method` (a webhook or refund of an older payment). */
export function providerFor(method: PaymentMethod, env: Env = process.env): PaymentProvider {
  if (method === 'mollie') return mollie(env);
  if (method === 'test_provider') return testProvider;
  throw new Error(`no online provider for method ${method}`);
}

const cache = new Map<string, PaymentProvider>();

function mollie(env: Env): PaymentProvider {
  const apiKey = env.MOLLIE_API_KEY?.trim();
  if (!apiKey) throw new Error('PAYMENT_PROVIDER=mollie needs MOLLIE_API_KEY');
  const key = `${apiKey}|${env.MOLLIE_API_ENDPOINT ?? ''}|${env.MOLLIE_WEBHOOK_URL ?? ''}`;
  let provider = cache.get(key);
  if (!provider) {
    provider = createMollieProvider({ apiKey, apiEndpoint: env.MOLLIE_API_ENDPOINT || undefined, webhookUrl: env.MOLLIE_WEBHOOK_URL || undefined });
    cache.set(key, provider);
  }
  return provider;
}
