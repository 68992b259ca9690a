import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { WEBHOOK_HEADERS } from '@tribu/protocol';
import { resolveTarget, UnsafeTarget } from '../../lib/ssrf.ts';
import { signWebhook } from './webhook.signature.ts';

export interface SenderOptions {
  /** Loopback and private addresses, and plain http://, allowed (tests and development only). */
  allowPrivate: boolean;
  /** The whole exchange (connect, send, answer) must end within this. */
  timeoutMs: number;
  /** Certificates to trust besides the usual public authorities (PEM), e.g. a test receiver's. */
  extraCa?: string | undefined;
}

export interface SendResult {
  ok: boolean;
  /** The receiver's status, when it answered. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface OutgoingDelivery {
  id: string;
  event: string;
  attempt: number;
  url: string;
  secret: string;
  body: string;
}

/** What is read of an answer at most: the status is what counts; the body is drained up to this, then the socket closed. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Sends one delivery: the host is resolved and checked at send time (a name that now points inside
 * the network is refused: DNS rebinding), the connection goes to that very address, redirects are
 * not followed, the whole exchange is bounded in time and the answer in size.
 */
export class WebhookSender {
  private readonly ca: string[] | undefined;

  constructor(private readonly opts: SenderOptions) {
    this.ca = opts.extraCa ? [...rootCertificates, opts.extraCa] : undefined;
  }

  async send(d: OutgoingDelivery, now = new Date()): Promise<SendResult> {
    const started = Date.now();
    const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Date.now() - started });
    let url: URL;
    try {
      url = new URL(d.url);
    } catch {
      return done({ ok: false, statusCode: null, error: 'Not a valid address' });
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.opts.allowPrivate)) {
      return done({ ok: false, statusCode: null, error: 'Only https:// addresses are allowed' });
    }
    let target;
    try {
      target = await resolveTarget(url.hostname, this.opts.allowPrivate);
    } catch (e) {
      return done({ ok: false, statusCode: null, error: e instanceof UnsafeTarget ? e.message : 'The address could not be resolved' });
    }
    const t = Math.floor(now.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Tribu-Webhooks/1',
      [WEBHOOK_HEADERS.signature]: signWebhook(d.secret, t, d.body),
      [WEBHOOK_HEADERS.id]: d.id,
      [WEBHOOK_HEADERS.event]: d.event,
      [WEBHOOK_HEADERS.attempt]: String(d.attempt),
      'content-length': String(Buffer.byteLength(d.body)),
    };
    // The connection goes to the address just checked, whatever the resolver would answer now.
    const lookup: LookupFunction = (_host, options, cb) => {
      if (options.all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
      else cb(null, target.address, target.family);
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (r: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(done(r));
      };
      const req = client.request(url, { method: 'POST', headers, lookup, agent: false, ca: this.ca, timeout: this.opts.timeoutMs }, (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) end();
        });
        const end = () => {
          if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, error: null });
          else if (status >= 300 && status < 400) finish({ ok: false, statusCode: status, error: `Redirects are not followed (HTTP ${status})` });
          else finish({ ok: false, statusCode: status, error: `HTTP ${status}` });
        };
        res.on('end', end);
        res.on('error', end);
      });
      const timer = setTimeout(() => finish({ ok: false, statusCode: null, error: `No answer within ${this.opts.timeoutMs} ms` }), this.opts.timeoutMs);
      req.on('timeout', () => finish({ ok: false, statusCode: null, error: `No answer within ${this.opts.timeoutMs} ms` }));
      req.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, error: networkError(err) }));
      req.end(d.body);
    });
  }
}

/** A short reason for the backoffice, without the stack. */
function networkError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ECONNREFUSED') return 'Connection refused';
  if (err.code === 'ECONNRESET') return 'Connection reset';
  if (err.code === 'ETIMEDOUT') return 'Connection timed out';
  if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT') || err.code === 'DEPTH_ZERO_SELF_SIGNED_CERT') return `TLS: ${err.code}`;
  return (err.code ?? err.message).slice(0, 200);
}
