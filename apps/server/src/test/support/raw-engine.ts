import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

/** What a raw engine.io WebSocket handshake got: 101 with the socket, or a refusal with its answer. */
export interface RawUpgrade {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The upgraded TCP socket (status 101); the test closes it. */
  socket?: net.Socket;
  /** Resolves when the server closed the upgraded socket (a WebSocket close frame, or the TCP connection). */
  closed: Promise<void>;
  /** The first text frame from the server that matches (e.g. engine.io's open packet `0{…}`). */
  frame: (match: (text: string) => boolean) => Promise<string>;
}

const opened: net.Socket[] = [];
/** Destroys every raw socket opened so far. */
export function closeRawSockets(): void {
  for (const s of opened.splice(0)) s.destroy();
}

/**
 * A plain engine.io WebSocket, as a script would open it: an HTTP upgrade on `/socket.io/` that never
 * joins a namespace (unless the test sends a frame). Either a forwarded address (behind
 * `TRUST_PROXY`) or a loopback source address (`127.x.y.z`) makes it come from a given address.
 */
export function rawUpgrade(base: string, opts: { forwardedFor?: string; localAddress?: string; headers?: Record<string, string> } = {}): Promise<RawUpgrade> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname,
      port: Number(u.port),
      path: '/socket.io/?EIO=4&transport=websocket',
      localAddress: opts.localAddress,
      agent: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}),
        ...opts.headers,
      },
    });
    req.on('upgrade', (res, socket, head) => {
      opened.push(socket);
      let onClose = () => undefined as void;
      const closed = new Promise<void>((r) => (onClose = r));
      socket.once('close', onClose);
      socket.on('error', () => undefined);
      const frame = readFrames(socket, head, onClose);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', socket, closed, frame });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, closed: Promise.resolve(), frame: () => new Promise(() => undefined) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends one masked text frame (what a browser sends), e.g. a Socket.IO packet `40/visitor,{…}`. */
export function sendText(socket: net.Socket, text: string): void {
  const payload = Buffer.from(text);
  if (payload.length > 0xffff) throw new Error('frame too long for this helper');
  const mask = randomBytes(4);
  const head = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length]) : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  socket.write(Buffer.concat([head, mask, masked]));
}

/** Collects the (unmasked) text frames the server sends on an upgraded socket, from `head` on. */
function readFrames(socket: net.Socket, head: Buffer, onClose: () => void): RawUpgrade['frame'] {
  const frames: string[] = [];
  const waiting = new Set<() => void>();
  let buffered = head;
  const parse = () => {
    for (;;) {
      if (buffered.length < 2) return;
      let length = buffered[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + length) return;
      const opcode = buffered[0]! & 0x0f;
      if (opcode === 1) frames.push(buffered.subarray(offset, offset + length).toString());
      if (opcode === 8) onClose();
      buffered = buffered.subarray(offset + length);
      for (const w of waiting) w();
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    parse();
  });
  parse();
  return (match) =>
    new Promise((resolve) => {
      const check = () => {
        const found = frames.find(match);
        if (found === undefined) return false;
        waiting.delete(check);
        resolve(found);
        return true;
      };
      if (!check()) waiting.add(check);
    });
}

/** A raw engine.io long-polling handshake (`GET /socket.io/?transport=polling`). */
export async function rawPolling(base: string, forwardedFor?: string): Promise<{ status: number; retryAfter: string | null; body: string }> {
  const res = await fetch(`${base}/socket.io/?EIO=4&transport=polling`, {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
}
