import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ORIGIN_COOKIE } from '@/lib/geo/shopper-origin';
import { setShopperOriginAction } from './actions';

const state = vi.hoisted(() => ({
  locale: 'en' as 'en' | 'nl',
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));

vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: () => undefined,
    set: (name: string, value: string, options: Record<string, unknown>) => state.set.push({ name, value, options }),
  }),
}));
vi.mock('@/lib/auth/session', () => ({ ADMIN_ROLES: ['admin'], COUNTER_ROLES: ['clerk', 'admin'], getActor: async () => null }));
vi.mock('@/lib/i18n/translate', async () => {
  const { createTranslator } = await import('next-intl');
  const { MESSAGES } = await import('@/lib/i18n/messages');
  return { getTranslator: async () => ({ locale: state.locale, t: createTranslator({ locale: state.locale, messages: MESSAGES[state.locale] }) }) };
});

beforeEach(() => {
  state.set = [];
  state.locale = 'en';
});

describe('setShopperOriginAction', () => {
  it('remembers a valid postcode in an httpOnly cookie', async () => {
    expect(await setShopperOriginAction({ postcode: '3511az' })).toEqual({ ok: true });
    expect(state.set).toEqual([{ name: ORIGIN_COOKIE, value: 'pc:3511AZ', options: expect.objectContaining({ httpOnly: true, sameSite: 'lax' }) }]);
  });

  it('remembers the browser’s location', async () => {
    expect(await setShopperOriginAction({ near: '52.3731,4.8922' })).toEqual({ ok: true });
    expect(state.set[0].value).toBe('geo:52.3731,4.8922');
  });

  it('answers a bad postcode with a localized field error and sets no cookie', async () => {
    expect(await setShopperOriginAction({ postcode: '123' })).toMatchObject({ ok: false, fieldErrors: { postcode: ['Enter a Dutch postcode, like 3511 AZ.'] } });
    state.locale = 'nl';
    expect(await setShopperOriginAction({ postcode: '' })).toMatchObject({ ok: false, fieldErrors: { postcode: ['Vul een postcode in.'] } });
    expect(await setShopperOriginAction({ near: '48.85,2.35' })).toMatchObject({ ok: false, fieldErrors: { postcode: ['Je locatie ligt buiten Nederland. Vul een postcode in.'] } });
    expect(state.set).toEqual([]);
  });

  it('refuses unknown fields', async () => {
    expect(await setShopperOriginAction({ postcode: '3511 AZ', store: '1' })).toMatchObject({ ok: false });
    expect(state.set).toEqual([]);
  });
});
