import type { FastifyBaseLogger } from 'fastify';
import type { Server } from 'socket.io';

/**
 * A node leaving on SIGTERM without losing anyone. Readiness fails at once (a load balancer stops
 * routing here), new handshakes are refused, and every connected client's transport is closed:
 * Socket.IO clients reconnect on a "transport close" (they would not after a server-side
 * `disconnect()`), so they land on another node and resync from their last seq. Then the message
 * batches already taken finish (each is acknowledged only once committed) before the app closes.
 */
export class Drain {
  private started = false;

  constructor(
    private readonly io: Server,
    /** Resolves once no message batch is queued or being written. */
    private readonly settled: () => Promise<void>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** True from the moment the node starts leaving: `/readyz` answers 503. */
  get draining(): boolean {
    return this.started;
  }

  /** Starts leaving; resolves when in-flight writes are done, or after `maxMs` (the caller then closes anyway). */
  async run(maxMs: number): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.io.engine.opts.allowRequest = (_req, answer) => answer('This server is shutting down', false);
    const clients = Object.values(this.io.engine['clients']);
    this.log.info({ clients: clients.length }, 'draining: clients sent to reconnect elsewhere');
    for (const client of clients) client.close();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), maxMs)));
    const outcome = await Promise.race([this.settled(), late]);
    clearTimeout(timer);
    if (outcome === 'late') this.log.warn({ maxMs }, 'draining: message writes still running; closing anyway');
  }
}
