import type { FastifyBaseLogger } from 'fastify';
import { createTransport, type Transporter } from 'nodemailer';

/** One outgoing mail: plain text always, HTML optionally (build it with `mailBody`, which escapes). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers (List-Unsubscribe for mail a person can stop). */
  headers?: Record<string, string>;
  /** Files sent with it (an event's `.ics`). */
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** Shows enough of an address to tell mails apart in the logs, never the whole of it. */
export function maskAddress(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * Sends Tribu's mail through SMTP when `SMTP_URL` is set. Without it nothing is sent and
 * `configured` is false, so screens offer another way (a link to copy) instead.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;
  private readonly from: string;

  constructor(
    opts: { url: string | undefined; from: string },
    private readonly log: FastifyBaseLogger,
  ) {
    this.from = opts.from;
    // Short timeouts: a mail server that hangs must not hold a request or a job for minutes.
    this.transport = opts.url ? createTransport({ url: opts.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : undefined;
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  /** True when the mail server accepted the mail; false when mail is off or sending failed (logged). */
  async send(mail: Mail): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments,
        headers: mail.headers,
      });
      this.log.info({ to: maskAddress(mail.to) }, 'mail sent');
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn({ to: maskAddress(mail.to), error: message }, 'mail not sent');
      return false;
    }
  }

  close(): void {
    this.transport?.close();
  }
}
