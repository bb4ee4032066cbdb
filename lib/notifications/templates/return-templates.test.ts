import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { PermanentDeliveryError } from '../transports/types';
import { renderNotification, templateKeys } from './index';

const ctx = { db: null as unknown as Db };
const base = { orderNumber: 'W-100123', name: 'Anna', link: '/orders/0b6f0c2e-4c1e-4d3a-9a51-6a5c1d1f2e3a', returnNumber: 'R-100007' };

describe('after-sales messages', () => {
  it('are registered under the keys lib/returns/notify.ts sends', () => {
    expect(templateKeys()).toEqual(expect.arrayContaining(['return_received', 'refund_issued']));
  });

  it('return_received names the RMA, the order and what comes back, in both languages', async () => {
    const en = await renderNotification('return_received', 'en', { ...base, amountCents: 8095 }, ctx);
    expect(en.subject).toBe('Return R-100007 received');
    expect(en.text).toContain('We have received your return R-100007 of order W-100123.');
    expect(en.text).toContain('You get €80.95 back');
    const nl = await renderNotification('return_received', 'nl', { ...base, amountCents: 0 }, ctx);
    expect(nl.subject).toBe('Retour R-100007 ontvangen');
    expect(nl.text).toContain('Je hoort van ons zodra de retour is afgehandeld.');
    expect(nl.html).toContain('<span style="white-space:nowrap">R-100007</span>');
  });

  it('refund_issued says how much went where; store credit says where to spend it', async () => {
    const en = await renderNotification('refund_issued', 'en', { ...base, amountCents: 8095, method: 'store_credit' }, ctx);
    expect(en.subject).toBe('Refund for return R-100007');
    expect(en.text).toContain('We refunded €80.95 for return R-100007 of order W-100123, to store credit.');
    expect(en.text).toContain('You can spend your store credit in every store and in the webshop.');
    const nl = await renderNotification('refund_issued', 'nl', { ...base, amountCents: 1250, method: 'cash' }, ctx);
    expect(nl.text).toContain('via contant');
    expect(nl.text).not.toContain('tegoed kun je');
  });

  it('refuses a payload that does not fit (unknown method, extra field)', async () => {
    await expect(renderNotification('refund_issued', 'en', { ...base, amountCents: 1, method: 'bitcoin' }, ctx)).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(renderNotification('return_received', 'en', { ...base, amountCents: 1, extra: true }, ctx)).rejects.toBeInstanceOf(PermanentDeliveryError);
  });
});
