import { describe, expect, it } from 'vitest';
import { withLogContext } from './context';
import { redact } from './redact';
import { captureLog } from './testing';

// Values that must never appear in a log line, whichever way they reach the logger.
const PERSONAL = {
  email: 'anna.jansen@example.com',
  password: 'hunter2-correct-horse',
  token: 'tok_9f8e7d6c5b4a',
  phone: '+31 6 12345678',
  street: 'Keizersgracht 123',
  postcode: '1015 CJ',
  name: 'Anna Jansen',
  cookie: 'omnishop_cart=8d1c1f7e-4f0b-4f5c-9a53-1f3b1f1e2a10',
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
  dbPassword: 's3cr3t-db-pass',
};

function expectNoPersonalData(output: string) {
  for (const [what, value] of Object.entries(PERSONAL)) {
    expect(output, `${what} leaked`).not.toContain(value);
  }
  expect(output).not.toContain('eyJhbGciOiJIUzI1NiJ9');
}

describe('logger redaction', () => {
  it('logs an object with personal data and secrets without any of them', () => {
    const { logger, lines } = captureLog();
    logger.info(
      {
        order: { number: 'W-1001', customerName: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone },
        shippingAddress: { name: PERSONAL.name, street: PERSONAL.street, postcode: PERSONAL.postcode, city: 'Utrecht' },
        delivery: { recipient: { name: PERSONAL.name, street: PERSONAL.street, zip: PERSONAL.postcode }, store: 'Amsterdam' },
        headers: new Headers({ cookie: PERSONAL.cookie, authorization: PERSONAL.authorization, 'user-agent': 'test' }),
        input: { password: PERSONAL.password, resetToken: PERSONAL.token },
        databaseUrl: `postgres://omnishop:${PERSONAL.dbPassword}@db.internal:5432/omnishop`,
      },
      'checkout for %s',
      PERSONAL.email,
    );
    const output = lines.join('\n');
    expectNoPersonalData(output);
    // What is not personal stays readable.
    expect(output).toContain('W-1001');
    expect(output).toContain('Amsterdam');
    expect(output).toContain('postgres://[redacted]@db.internal:5432/omnishop');
  });

  it('redacts errors: a Drizzle query error with params, a Postgres key detail, a message with an email', () => {
    const { logger, records, lines } = captureLog();
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_email_idx"'), {
      code: '23505',
      detail: `Key (email)=(${PERSONAL.email}) already exists.`,
    });
    const query = new Error(`Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: ${PERSONAL.email},${PERSONAL.password}`, {
      cause: driver,
    });
    logger.error(query);
    logger.error({ err: new Error(`no account for ${PERSONAL.email}`), attempt: 2 });
    logger.warn(`sign-in failed for ${PERSONAL.email}`);

    expectNoPersonalData(lines.join('\n'));
    const [first, second, third] = records();
    expect(first.err).toMatchObject({ type: 'Error', message: expect.stringContaining('params: [redacted]') });
    expect((first.err as { cause: { code: string; detail: string } }).cause).toMatchObject({
      code: '23505',
      detail: 'Key (email)=([redacted]) already exists.',
    });
    expect(first.msg).toContain('Failed query');
    expect(second).toMatchObject({ attempt: 2, msg: 'no account for [email]' });
    expect(third).toMatchObject({ level: 'warn', msg: 'sign-in failed for [email]' });
  });

  it('puts the request id of the surrounding context on every line, and a job id on a job child', async () => {
    const { logger, records } = captureLog();
    await withLogContext({ requestId: 'req-12345678' }, async () => {
      logger.info('first');
      await Promise.resolve();
      logger.child({ module: 'payments' }).warn('second');
    });
    logger.child({ job: 'outbox', jobId: 42 }).info('delivered');
    withLogContext({ job: 'expiry', jobId: 'run-7' }, () => logger.info('swept'));
    const [first, second, job, swept] = records();
    expect(first).toMatchObject({ requestId: 'req-12345678', msg: 'first', service: 'omnishop', level: 'info' });
    expect(second).toMatchObject({ requestId: 'req-12345678', module: 'payments' });
    expect(job).toMatchObject({ job: 'outbox', jobId: 42 });
    expect(job.requestId).toBeUndefined();
    expect(swept).toMatchObject({ job: 'expiry', jobId: 'run-7' });
  });

  it('never mutates what it is given and survives cycles', () => {
    const input: Record<string, unknown> = { email: PERSONAL.email, nested: { list: [{ password: 'x' }] } };
    input.self = input;
    const out = redact(input) as Record<string, unknown>;
    expect(out).toMatchObject({ email: '[redacted]', nested: { list: [{ password: '[redacted]' }] }, self: '[circular]' });
    expect(input.email).toBe(PERSONAL.email);
  });
});

describe('scrubbing text', () => {
  it('leaves file paths and package versions in stacks alone', async () => {
    const { scrubText } = await import('./redact');
    const stack = 'at file:///app/node_modules/@vitest/runner/dist/index.js:1903:20\n at /app/node_modules/pino@10.1.0/lib/proto.js:1';
    expect(scrubText(stack)).toBe(stack);
    expect(scrubText('mail to first.last+tag@shop.example.nl now')).toBe('mail to [email] now');
  });
});
