import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { PermanentDeliveryError } from '../transports/types';
import { renderNotification, templateKeys } from './index';

const ctx = { db: null as unknown as Db };
const link = '/verify-email?token=abc_DEF-123';

describe('verify_email template', () => {
  it('is registered, and renders the link in Dutch and English in the shop’s layout', async () => {
    expect(templateKeys()).toContain('verify_email');
    const nl = await renderNotification('verify_email', 'nl', { name: 'Maria', link, claim: false }, ctx);
    const en = await renderNotification('verify_email', 'en', { name: 'Maria', link, claim: false }, ctx);
    expect(nl.subject).toBe('Bevestig je e-mailadres');
    expect(en.subject).toBe('Confirm your email address');
    expect(en.text).toContain('Hello Maria,');
    expect(en.text).toContain('Confirm email address: http://localhost:3000/verify-email?token=abc_DEF-123');
    expect(en.html).toContain('href="http://localhost:3000/verify-email?token=abc_DEF-123"');
    expect(nl.html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(en.text).not.toContain('earlier purchases');
  });

  it('says that confirming brings the earlier history along when it is a claim', async () => {
    const en = await renderNotification('verify_email', 'en', { name: 'Maria', link, claim: true }, ctx);
    const nl = await renderNotification('verify_email', 'nl', { name: 'Maria', link, claim: true }, ctx);
    expect(en.text).toContain('We already know this address from earlier purchases');
    expect(nl.html).toContain('We kennen dit adres al van eerdere aankopen');
  });

  it('escapes the name and refuses a payload that does not fit', async () => {
    const out = await renderNotification('verify_email', 'en', { name: '<b>Eve</b>', link, claim: false }, ctx);
    expect(out.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,');
    await expect(renderNotification('verify_email', 'en', { name: 'Eve', link: 'javascript:alert(1)', claim: false }, ctx)).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(renderNotification('verify_email', 'en', { name: 'Eve', link }, ctx)).rejects.toThrow(/claim/);
  });
});
