import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { command } from '../load/clients.ts';
import { Latency, type Percentiles } from '../load/stats.ts';
import { numberOf, sendFrom, type Pair, type Side } from '../load/pairs.ts';
import type { ServerChild } from '../server/child.ts';
import type { EventLoopDelay } from '../server/probe.ts';
import { sleep, type Correctness } from './throughput.ts';

export interface FixedRateResult {
  rate: number;
  achievedRate: number;
  durationSec: number;
  idleSockets: number;
  messages: Percentiles;
  typing: Percentiles;
  presence: Percentiles;
  correctness: Correctness;
  eventLoopDelay: Record<string, EventLoopDelay>;
}

/**
 * Open loop at a fixed rate (messages are sent on schedule whether or not earlier ones arrived),
 * spread over the pairs, alternating sides; meanwhile typing indicators at `typingRate` and a
 * helper switching presence so the site's other helpers are told. Latency is end to end:
 * from the sender's emit to the other side's event.
 */
export async function fixedRate(
  pairs: Pair[],
  helpers: Socket[],
  nodes: ServerChild[],
  o: { rate: number; typingRate: number; presenceRate: number; durationMs: number; idleSockets: number; phase: string },
): Promise<FixedRateResult> {
  const messages = new Latency();
  const typing = new Latency();
  const presence = new Latency();
  const c: Correctness = { acked: 0, delivered: 0, duplicates: 0, outOfOrder: 0, missing: 0, errors: 0 };
  const fail = (e: unknown) => {
    c.errors++;
    c.firstError ??= String(e);
  };
  type State = { k: number; sent: Map<number, number>; last: Record<Side, number>; typingOn: boolean; typingSent: Record<Side, number[]> };
  const state = new Map<Pair, State>(
    pairs.map((p) => [p, { k: 0, sent: new Map(), last: { visitor: -1, helper: -1 }, typingOn: false, typingSent: { visitor: [], helper: [] } }]),
  );
  let pending = 0;
  for (const pair of pairs) {
    const s = state.get(pair)!;
    pair.onMessage = (to, m) => {
      const k = numberOf(m, o.phase);
      if (k === undefined) return; // late from an earlier test
      const at = s.sent.get(k);
      if (at === undefined) return void c.duplicates++;
      s.sent.delete(k);
      pending--;
      if (k < s.last[to]) c.outOfOrder++;
      s.last[to] = k;
      c.delivered++;
      messages.record(performance.now() - at);
    };
    pair.onTyping = (to) => {
      const at = s.typingSent[to].shift();
      if (at !== undefined) typing.record(performance.now() - at);
    };
  }
  const watcher = helpers[1];
  const toggler = helpers[0];
  const presenceSent: number[] = [];
  const onPresence = () => {
    const at = presenceSent.shift();
    if (at !== undefined) presence.record(performance.now() - at);
  };
  watcher?.on('presence:changed', onPresence);

  await Promise.all(nodes.map((n) => n.resetEventLoopDelay()));
  const start = performance.now();
  let sent = 0;
  let typed = 0;
  let toggled = 0;
  let cursor = 0;
  while (performance.now() - start < o.durationMs) {
    const elapsed = (performance.now() - start) / 1000;
    for (; sent < Math.floor(o.rate * elapsed); sent++) {
      const pair = pairs[cursor++ % pairs.length]!;
      const s = state.get(pair)!;
      const k = s.k++;
      const side: Side = k % 2 === 0 ? 'visitor' : 'helper';
      s.sent.set(k, performance.now());
      pending++;
      sendFrom(pair, side, k, o.phase).then(
        () => c.acked++,
        (e: unknown) => {
          s.sent.delete(k);
          pending--;
          fail(e);
        },
      );
    }
    for (; typed < Math.floor(o.typingRate * elapsed); typed++) {
      const pair = pairs[(typed * 7) % pairs.length]!;
      const s = state.get(pair)!;
      const from: Side = typed % 2 === 0 ? 'helper' : 'visitor';
      s.typingOn = !s.typingOn;
      s.typingSent[from === 'helper' ? 'visitor' : 'helper'].push(performance.now());
      command(from === 'visitor' ? pair.visitor : pair.helper, 'typing:set', { conversationId: pair.conversationId, typing: s.typingOn }).catch(fail);
    }
    if (toggler && watcher) {
      for (; toggled < Math.floor(o.presenceRate * elapsed); toggled++) {
        presenceSent.push(performance.now());
        command(toggler, 'presence:set', { status: toggled % 2 === 0 ? 'away' : 'available' }).catch(fail);
      }
    }
    await sleep(1);
  }
  const wall = (performance.now() - start) / 1000;
  const eld = await Promise.all(nodes.map((n) => n.eventLoopDelay()));
  const drainUntil = performance.now() + 10_000;
  while (pending > 0 && performance.now() < drainUntil) await sleep(20);
  await sleep(200);
  c.missing = pending;
  for (const p of pairs) {
    p.onMessage = null;
    p.onTyping = null;
  }
  watcher?.off('presence:changed', onPresence);
  if (toggler) await command(toggler, 'presence:set', { status: 'available' }).catch(fail);
  return {
    rate: o.rate,
    achievedRate: Math.round(c.delivered / wall),
    durationSec: o.durationMs / 1000,
    idleSockets: o.idleSockets,
    messages: messages.summary(),
    typing: typing.summary(),
    presence: presence.summary(),
    correctness: c,
    eventLoopDelay: Object.fromEntries(nodes.map((n, i) => [n.name, eld[i]!])),
  };
}
