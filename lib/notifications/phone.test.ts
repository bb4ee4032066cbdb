import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { normalizePhoneNumber, parsePhone, toE164 } from './phone';

describe('phone numbers to E.164 (default region NL)', () => {
  it('reads a Dutch mobile number however it is typed', () => {
    for (const typed of ['06 12345678', '0612345678', '06-1234 5678', '+31 6 12345678', '0031612345678', ' +31612345678 ']) {
      expect(toE164(typed)).toBe('+31612345678');
    }
    expect(parsePhone('06 12345678')?.type).toBe('MOBILE');
  });

  it('keeps a foreign number with its country code (+32 Belgium)', () => {
    expect(toE164('+32 470 12 34 56')).toBe('+32470123456');
    expect(toE164('0032470123456')).toBe('+32470123456');
  });

  it('refuses what is not a valid number', () => {
    for (const typed of ['12345', '+31 6 1234', 'abc', '', '0470123456', '+32 12']) {
      expect(toE164(typed)).toBeNull();
    }
  });

  it('normalizePhoneNumber gives a localized DomainError for an invalid number', () => {
    expect(normalizePhoneNumber('06 12345678')).toBe('+31612345678');
    const error = (() => {
      try {
        normalizePhoneNumber('12345', 'phone');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalidPhoneNumber', values: { value: '12345' }, field: 'phone' });
  });
});
