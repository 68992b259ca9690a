import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { connectVisitor, mintVisitors, pool } from '../load/clients.ts';
import type { ServerChild } from '../server/child.ts';
import type { Target } from '../server/targets.ts';
import { sleep } from './throughput.ts';

export interface IdleResult {
  sockets: number;
  /** Visitor handshakes (token, site and origin checked) completed per second. */
  connectionsPerSec: number;
  concurrency: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Server RSS added per idle visitor socket (after full GCs). */
  bytesPerSocket: number;
}

/**
 * Connects `n` visitor sockets that then stay idle (identities minted beforehand, untimed): the
 * handshake rate, and the server's memory per connected socket.
 */
export async function connectIdle(target: Target, node: ServerChild, n: number, concurrency: number): Promise<{ result: IdleResult; sockets: Socket[] }> {
  const identities = await mintVisitors(target, node, n);
  await sleep(300);
  const before = await node.settledRss();
  const start = performance.now();
  const sockets = await pool(n, concurrency, (i) => connectVisitor(target, node, identities[i]!));
  const seconds = (performance.now() - start) / 1000;
  await sleep(500);
  const after = await node.settledRss();
  const mb = (b: number) => Math.round(b / 1e5) / 10;
  return {
    sockets,
    result: {
      sockets: n,
      connectionsPerSec: Math.round(n / seconds),
      concurrency,
      rssBeforeMb: mb(before),
      rssAfterMb: mb(after),
      bytesPerSocket: Math.round((after - before) / n),
    },
  };
}
