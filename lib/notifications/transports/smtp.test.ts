import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smtpTransport } from './smtp';
import { PermanentDeliveryError, type Transport } from './types';

// A real SMTP server in the test process: the transport speaks SMTP to it over a socket, and the test
// parses what arrived the way a mail client would.
let server: SMTPServer;
let port: number;
let received: { from: string; to: string[]; mail: ParsedMail; auth?: string }[] = [];
let transport: Transport;
let connections = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'], // plain SMTP on loopback; production uses smtps:// or STARTTLS
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'shop' && auth.password === 's3cret:pw') callback(null, { user: auth.username });
      else callback(new Error('Invalid login'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
            auth: session.user as string | undefined,
          });
          callback();
        })
        .catch(callback);
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  // Credentials in the URL, percent-encoded as operators write them.
  transport = smtpTransport({ url: `smtp://shop:${encodeURIComponent('s3cret:pw')}@127.0.0.1:${port}`, from: 'Omnishop <shop@example.com>' });
});
afterAll(async () => {
  transport?.close?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received = [];
});

describe('SMTP transport', () => {
  it('delivers subject, text, HTML and an attachment to the recipient, signed in', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% test invoice\n');
    const result = await transport.send({
      id: '00000000-0000-4000-8000-000000000001',
      channel: 'email',
      to: 'anna@example.com',
      subject: 'Je factuur',
      text: 'Hallo Anna',
      html: '<p>Hallo Anna</p>',
      attachments: [{ filename: 'factuur-2026-0001.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    expect(received).toHaveLength(1);
    const [{ from, to, mail, auth }] = received;
    expect(auth).toBe('shop');
    expect(from).toBe('shop@example.com');
    expect(to).toEqual(['anna@example.com']);
    expect(mail.subject).toBe('Je factuur');
    expect(mail.text?.trim()).toBe('Hallo Anna');
    expect(mail.html).toContain('<p>Hallo Anna</p>');
    expect(mail.headers.get('x-omnishop-message-id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'factuur-2026-0001.pdf', contentType: 'application/pdf' });
    expect(Buffer.compare(mail.attachments[0].content, pdf)).toBe(0);
    expect(result.providerMessageId).toBe(mail.messageId);
  });

  it('reuses its pooled connection for the next messages', async () => {
    const before = connections;
    for (let i = 0; i < 3; i++) {
      await transport.send({ id: `id-${i}`, channel: 'email', to: `c${i}@example.com`, subject: `S${i}`, text: 't' });
    }
    expect(received.map((r) => r.mail.subject)).toEqual(['S0', 'S1', 'S2']);
    expect(connections - before).toBeLessThanOrEqual(1); // one greeting, not one per message
  });

  it('a refused recipient is a permanent failure', async () => {
    await expect(transport.send({ id: 'x', channel: 'email', to: 'nobody@example.com', subject: 's', text: 't' })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
    expect(received).toHaveLength(0);
  });

  it('a server that is not there is a failure to retry (not permanent)', async () => {
    const closed = new SMTPServer({ authOptional: true, logger: false });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = smtpTransport({ url: `smtp://127.0.0.1:${deadPort}`, from: 'shop@example.com' });
    try {
      const error = await down.send({ id: 'x', channel: 'email', to: 'a@example.com', subject: 's', text: 't' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(PermanentDeliveryError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
    } finally {
      down.close?.();
    }
  });
});
