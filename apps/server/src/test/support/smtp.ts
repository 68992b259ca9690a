import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface Inbox {
  /** Every mail received so far, parsed. */
  mails: ParsedMail[];
  /** `smtp://127.0.0.1:<port>` once started. */
  url: string;
  /** The next mail to `to` (already arrived or arriving within `ms`). */
  mailTo(to: string, ms?: number): Promise<ParsedMail>;
}

const recipient = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));

/** A real SMTP server on a loopback port for the enclosing describe block; register it before the app. */
export function useSmtpInbox(): Inbox {
  const waiting: { to: string; resolve: (m: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.mails.push(mail);
          for (const w of waiting.splice(0)) {
            if (recipient(mail).includes(w.to)) w.resolve(mail);
            else waiting.push(w);
          }
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  const inbox: Inbox = {
    mails: [],
    url: '',
    mailTo(to, ms = 5000) {
      const address = to.toLowerCase();
      const found = inbox.mails.find((m) => recipient(m).includes(address));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${ms} ms`)), ms);
        waiting.push({ to: address, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
  };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    inbox.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return inbox;
}
