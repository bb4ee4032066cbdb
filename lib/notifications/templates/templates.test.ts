import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { PermanentDeliveryError } from '../transports/types';
import { renderNotification, templateKeys } from './index';
import { escapeHtml, html, linkUrl } from './layout';

// Rendering needs no database for these templates; the context's db is for templates that load an attachment.
const ctx = { db: null as unknown as Db };
const EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)> & \'quotes\'';

describe('notification templates', () => {
  it('lists the example templates', () => {
    expect(templateKeys()).toEqual(expect.arrayContaining(['password_reset', 'conversation_reply']));
  });

  it('escapes HTML and script in every payload field: it comes out as text', async () => {
    const out = await renderNotification('conversation_reply', 'en', { customerName: EVIL, excerpt: `${EVIL}\nline 2`, link: '/account/messages/7?a=1&b=2' }, ctx);
    expect(out.html).not.toContain('<script>');
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;');
    expect(out.html).toContain('<br>line 2'); // line breaks of the excerpt kept, as markup of our own
    expect(out.html).toContain('href="http://localhost:3000/account/messages/7?a=1&amp;b=2"');
    // The plain text is text: it carries the characters as they were.
    expect(out.text).toContain(`Hello ${EVIL},`);
    expect(out.subject).toBe('You have a reply from the shop');
  });

  it('renders Dutch and English, in the shop’s layout', async () => {
    const payload = { name: 'Anna', resetUrl: 'https://shop.example.com/reset/abc', expiresInMinutes: 30 };
    const nl = await renderNotification('password_reset', 'nl', payload, ctx);
    const en = await renderNotification('password_reset', 'en', payload, ctx);
    expect(nl.subject).toBe('Stel je wachtwoord opnieuw in');
    expect(en.subject).toBe('Reset your password');
    expect(nl.text).toContain('De link werkt 30 minuten.');
    expect(nl.text).toContain('Nieuw wachtwoord kiezen: https://shop.example.com/reset/abc');
    expect(nl.html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(nl.html).toContain('background:#1f6f5b');
    expect(en.html).toContain('<html lang="en">');
  });

  it('an unknown template or a payload that does not fit is a permanent error', async () => {
    await expect(renderNotification('nope', 'nl', {}, ctx)).rejects.toEqual(new PermanentDeliveryError('Unknown template "nope"'));
    await expect(renderNotification('password_reset', 'nl', { resetUrl: 'javascript:alert(1)', expiresInMinutes: 5 }, ctx)).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    // .strict(): a field the template does not know is refused too, not silently ignored.
    await expect(renderNotification('password_reset', 'nl', { resetUrl: '/r', expiresInMinutes: 5, extra: 1 }, ctx)).rejects.toThrow(/extra/);
  });

  it('the layout helpers escape, and refuse non-http links', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<b>${'<i>'}</b>${html`<i>ok</i>`}`.value).toBe('<b>&lt;i&gt;</b><i>ok</i>');
    expect(linkUrl('/orders/1', 'https://shop.example.com')).toBe('https://shop.example.com/orders/1');
    expect(() => linkUrl('javascript:alert(1)')).toThrow(PermanentDeliveryError);
    expect(() => linkUrl('data:text/html,<script>', 'https://shop.example.com')).toThrow(PermanentDeliveryError);
  });
});
