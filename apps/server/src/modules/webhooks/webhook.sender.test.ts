import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert } from '../../test/support/webhook-receiver.ts';
import { WebhookSender, type OutgoingDelivery } from './webhook.sender.ts';
import { verifyWebhook } from './webhook.signature.ts';

const cert = selfSignedCert();
const delivery = (url: string): OutgoingDelivery => ({ id: 'e1', event: 'conversation.started', attempt: 1, url, secret: 'whsec_t', body: '{"id":"e1"}' });

describe('the webhook sender (a real HTTPS server on loopback)', () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  let lastSignature = '';
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/ok': (_req, res) => res.writeHead(204).end(),
    '/redirect': (_req, res) => res.writeHead(302, { location: `${base}/target` }).end(),
    '/target': (_req, res) => res.writeHead(200).end('followed'),
    '/slow': () => undefined, // never answers
    '/huge': (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      // An endless answer: only the sender's bound stops it.
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
      res.on('error', () => undefined);
    },
    '/error': (_req, res) => res.writeHead(500).end('nope'),
  };
  beforeAll(async () => {
    server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
      hits.push(req.url ?? '');
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        lastSignature = String(req.headers['tribu-signature']);
        if (verifyWebhook('whsec_t', lastSignature, body)) routes[req.url ?? '']?.(req, res);
        else res.writeHead(400).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const sender = new WebhookSender({ allowPrivate: true, timeoutMs: 800, extraCa: cert.cert });

  it('posts the signed body and takes a 2xx as delivered', async () => {
    expect(await sender.send(delivery(`${base}/ok`))).toMatchObject({ ok: true, statusCode: 204, error: null });
    expect(lastSignature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('does not follow a redirect', async () => {
    hits.length = 0;
    expect(await sender.send(delivery(`${base}/redirect`))).toMatchObject({ ok: false, statusCode: 302, error: 'Redirects are not followed (HTTP 302)' });
    expect(hits).toEqual(['/redirect']);
  });

  it('gives up on a receiver that does not answer within the time limit', async () => {
    expect(await sender.send(delivery(`${base}/slow`))).toMatchObject({ ok: false, statusCode: null, error: 'No answer within 800 ms' });
  });

  it('stops reading an endless answer after 64 KB', async () => {
    // Without the bound the answer never ends and the time limit would fail it.
    expect(await sender.send(delivery(`${base}/huge`))).toMatchObject({ ok: true, statusCode: 200, error: null });
  });

  it('takes any other status as a failure', async () => {
    expect(await sender.send(delivery(`${base}/error`))).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500' });
  });

  it('refuses a certificate it does not trust, plain http, and loopback when private targets are not allowed', async () => {
    const untrusting = new WebhookSender({ allowPrivate: true, timeoutMs: 800 });
    expect(await untrusting.send(delivery(`${base}/ok`))).toMatchObject({ ok: false, statusCode: null, error: 'TLS: DEPTH_ZERO_SELF_SIGNED_CERT' });
    const strict = new WebhookSender({ allowPrivate: false, timeoutMs: 800, extraCa: cert.cert });
    hits.length = 0;
    expect(await strict.send(delivery(`${base}/ok`))).toMatchObject({
      ok: false,
      statusCode: null,
      error: '127.0.0.1 is a loopback address; only public addresses are allowed',
    });
    expect(await strict.send(delivery('http://93.184.216.34/hook'))).toMatchObject({ ok: false, error: 'Only https:// addresses are allowed' });
    expect(hits).toEqual([]);
  });
});
