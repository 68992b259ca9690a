import net from 'node:net';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { PROTOCOL_VERSION, type Conversation } from '@tribu/protocol';
import { clientId, connected, login, mintVisitor, ok, type HelperSocket, type VisitorSocket } from './clients.ts';
import { ORIGIN_A, USERS } from './fixtures.ts';

export interface Balancer {
  url: string;
  close(): void;
}

/**
 * The load balancer of the tests: one port; each new connection goes to the first upstream that
 * accepts it, so once a node is dead (or draining and closed) every reconnect lands on the next
 * one under the same URL.
 */
export function balancer(upstreams: () => string[]): Promise<Balancer> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryFrom = (i: number) => {
      const target = upstreams()[i];
      if (!target) return client.destroy();
      const u = new URL(target);
      const up = net.connect({ host: u.hostname, port: Number(u.port) });
      up.once('error', () => {
        if (!up.readyState.startsWith('open')) tryFrom(i + 1);
        else client.destroy();
      });
      up.once('connect', () => {
        open.add(up);
        up.on('close', () => {
          open.delete(up);
          client.destroy();
        });
        up.on('error', () => up.destroy());
        client.on('close', () => up.destroy());
        client.pipe(up);
        up.pipe(client);
        client.resume();
      });
    };
    tryFrom(0);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => {
          for (const s of open) s.destroy();
          server.close();
        },
      });
    }),
  );
}

/**
 * What a load balancer's health check sees: polls each upstream's `/readyz` every `everyMs` and
 * lists, in order, those answering 200 (all are listed until their first answer).
 */
export function readyUpstreams(urls: string[], everyMs = 100): { list: () => string[]; stop: () => void } {
  const ready = new Map(urls.map((u) => [u, true]));
  let stopped = false;
  const poll = async (url: string) => {
    while (!stopped) {
      const ok = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      ready.set(url, ok);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  for (const url of urls) void poll(url);
  return { list: () => urls.filter((u) => ready.get(u)), stop: () => void (stopped = true) };
}

/** Socket options of a client that reconnects on its own, quickly (the tests' browsers). */
export const reconnecting: Partial<ManagerOptions & SocketOptions> = {
  transports: ['websocket'],
  reconnectionDelay: 50,
  reconnectionDelayMax: 300,
  forceNew: true,
};

/**
 * A visitor and a helper of shop-a, both connected through `base` with reconnecting sockets, in a
 * chat the helper has taken and answered (seq 1 the question, seq 2 the answer). The sockets are
 * pushed to `opened` for the caller to close.
 */
export async function liveChatThrough(base: string, question: string, opened: Socket[]) {
  const identity = await mintVisitor(base, 'shop-a', ORIGIN_A);
  const visitor: VisitorSocket = io(`${base}/visitor`, {
    ...reconnecting,
    extraHeaders: { origin: ORIGIN_A },
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
  });
  const { cookie } = await login(base, USERS.helperA1.email);
  const helper: HelperSocket = io(`${base}/helper`, {
    ...reconnecting,
    extraHeaders: { cookie, origin: new URL(base).origin },
    auth: { protocolVersion: PROTOCOL_VERSION },
  });
  opened.push(visitor, helper);
  await Promise.all([connected(visitor), connected(helper)]);
  const { conversation } = await ok<{ conversation: Conversation }>(visitor, 'conversation:start', { clientId: clientId(), text: question });
  await ok(helper, 'conversation:claim', { conversationId: conversation.id });
  await ok(helper, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes, ask away' });
  return { visitor, helper, conversation, identity };
}
