import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed certificate for 127.0.0.1 and localhost (made by openssl, once per test file). */
export function selfSignedCert(): { cert: string; key: string; caFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tribu-hook-cert-'));
  const caFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(caFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), caFile };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status this receiver answered with (null: it never answered). */
  answered: number | null;
}

/** What to answer the n-th request (1-based) carrying a given event id: a status, or `hang` (never answer). */
export type Responder = (r: Received, nthForId: number) => number | 'hang';

/** A real HTTPS server on a loopback port that records every delivery and answers as told. */
export interface Receiver {
  url: string;
  received: Received[];
  respond: Responder;
  /** Milliseconds the receiver takes before answering (a slow endpoint). */
  delayMs: number;
  /** The requests that carried this event id, in order. */
  forId(id: string): Received[];
  /** Resolves once `count` requests matched (or fails after `ms`). */
  waitFor(match: (r: Received) => boolean, count?: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(cert: { cert: string; key: string }): Promise<Receiver> {
  const hanging: ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    received: [],
    respond: () => 200,
    delayMs: 0,
    forId: (id) => receiver.received.filter((r) => r.headers['tribu-webhook-id'] === id),
    async waitFor(match, count = 1, ms = 20_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = receiver.received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`only ${found.length} of ${count} deliveries within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const r: Received = { headers: req.headers, body, answered: null };
      const id = String(req.headers['tribu-webhook-id']);
      const nth = receiver.forId(id).length + 1;
      receiver.received.push(r);
      const answer = receiver.respond(r, nth);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      r.answered = answer;
      setTimeout(() => res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no'), receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tribu`;
  return receiver;
}
