import type { Socket } from 'socket.io-client';
import type { ServerChild } from '../server/child.ts';
import type { Target } from '../server/targets.ts';
import { command, connectHelper, connectVisitor, mintVisitors, pool, type Identity } from './clients.ts';

export type Side = 'visitor' | 'helper';
export interface Delivered {
  conversationId: string;
  author: string;
  text: string;
  seq: number;
}

/** A visitor and the helper who took their request, in an active conversation. */
export interface Pair {
  index: number;
  conversationId: string;
  visitor: Socket;
  helper: Socket;
  /** Called when `to` receives a message written by the other side. */
  onMessage: ((to: Side, m: Delivered) => void) | null;
  /** Called when `to` receives the other side's typing indicator. */
  onTyping: ((to: Side) => void) | null;
}

export interface PairSet {
  pairs: Pair[];
  helpers: Socket[];
  /** Opens one more conversation (a new visitor identity, taken by helper `index % helpers`); not added to `pairs`. */
  add(index: number): Promise<Pair>;
  /** The visitor ends the conversation (Tribu only) and leaves; the helper stays. */
  end(pair: Pair): Promise<void>;
  close(): void;
}

let run = Date.now().toString(36);
/** A client id unique in this bench run. */
export const clientId = (pair: number, k: number | string) => `${run}-${pair}-${k}`;
export function newRun(): void {
  run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Opens `n` active conversations: each visitor asks, a helper takes it (each helper holds
 * `perHelper` chats, like a volunteer with a few chats at once). Visitors may be on another node.
 */
export async function openPairs(
  target: Target,
  n: number,
  o: { visitorNode: ServerChild; helperNode: ServerChild; perHelper?: number; firstHelper?: number },
): Promise<PairSet> {
  const helperCount = Math.ceil(n / (o.perHelper ?? 4));
  const first = o.firstHelper ?? 0;
  if (first + helperCount > target.helpers) throw new Error(`need ${first + helperCount} helper accounts`);
  const sockets: Socket[] = [];
  const close = () => sockets.splice(0).forEach((s) => s.disconnect());
  try {
    const helpers = await pool(helperCount, 8, async (i) => {
      const s = await connectHelper(target, o.helperNode, first + i);
      sockets.push(s);
      return s;
    });
    const byConversation = new Map<string, Pair>();
    for (const h of helpers) {
      h.on('message:created', (m: Delivered) => {
        if (m.author === 'visitor') byConversation.get(m.conversationId)?.onMessage?.('helper', m);
      });
      h.on('typing:updated', (t: { conversationId: string; author: string }) => {
        if (t.author === 'visitor') byConversation.get(t.conversationId)?.onTyping?.('helper');
      });
    }
    const open = async (index: number, identity: Identity): Promise<Pair> => {
      const visitor = await connectVisitor(target, o.visitorNode, identity);
      sockets.push(visitor);
      const { conversation } = await command<{ conversation: { id: string } }>(visitor, 'conversation:start', {
        clientId: clientId(index, 'start'),
        text: `Bench question ${index}`,
      });
      const helper = helpers[index % helperCount]!;
      await command(helper, 'conversation:claim', { conversationId: conversation.id });
      const pair: Pair = { index, conversationId: conversation.id, visitor, helper, onMessage: null, onTyping: null };
      byConversation.set(conversation.id, pair);
      visitor.on('message:created', (m: Delivered) => {
        if (m.author === 'helper') pair.onMessage?.('visitor', m);
      });
      visitor.on('typing:updated', (t: { author: string }) => {
        if (t.author === 'helper') pair.onTyping?.('visitor');
      });
      return pair;
    };
    const identities = await mintVisitors(target, o.visitorNode, n);
    const pairs = await pool(n, 16, (index) => open(index, identities[index]!));
    const add = async (index: number) => open(index, (await mintVisitors(target, o.visitorNode, 1))[0]!);
    const end = async (pair: Pair) => {
      pair.onMessage = null;
      pair.onTyping = null;
      if (target.kind === 'tribu') await command(pair.visitor, 'conversation:end', { conversationId: pair.conversationId });
      byConversation.delete(pair.conversationId);
      pair.visitor.disconnect();
      const at = sockets.indexOf(pair.visitor);
      if (at >= 0) sockets.splice(at, 1);
    };
    return { pairs, helpers, add, end, close };
  } catch (e) {
    close();
    throw e;
  }
}

/** Sends a message from one side of a pair; its text names the test phase and its number. */
export function sendFrom(pair: Pair, side: Side, k: number, phase: string): Promise<unknown> {
  return command(side === 'visitor' ? pair.visitor : pair.helper, 'message:send', {
    conversationId: pair.conversationId,
    clientId: clientId(pair.index, `${phase}${k}`),
    text: `${phase}${k}`,
  });
}

/** The number of a message of `phase`, or undefined for a late one of an earlier phase. */
export function numberOf(m: Delivered, phase: string): number | undefined {
  if (!m.text.startsWith(phase)) return undefined;
  const k = Number(m.text.slice(phase.length));
  return Number.isInteger(k) ? k : undefined;
}
