import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepConnecting, reconnectDelay, secondsUntil, type LinkWait, type ReconnectingSocket } from './reconnect.ts';

describe('reconnectDelay', () => {
  it.each([
    // attempt, random, wait (ms): between half and all of a ceiling doubling from 1 s, capped at 30 s
    [1, 0, 500],
    [1, 0.5, 750],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [2, 1, 2000],
    [3, 0.5, 3000],
    [4, 1, 8000],
    [5, 0, 8000],
    [5, 1, 16_000],
    [6, 0, 15_000],
    [6, 1, 30_000],
    [7, 0.5, 22_500],
    [60, 1, 30_000],
    [1000, 0, 15_000],
    // an attempt below 1 waits as the first
    [0, 1, 1000],
    [-3, 0, 500],
  ])('attempt %i with random %d waits %i ms', (attempt, random, ms) => {
    expect(reconnectDelay(attempt, random)).toBe(ms);
  });
});

describe('secondsUntil', () => {
  it.each([
    [10_000, 2_000, 8],
    [10_000, 9_001, 1],
    [10_000, 10_000, 0],
    [10_000, 12_000, 0],
  ])('at %i, now %i → %i s', (at, now, s) => expect(secondsUntil(at, now)).toBe(s));
});

/** A stand-in for a Socket.IO client socket: records connect() calls, and the test fires its events. */
function fakeSocket() {
  const listeners = new Map<string, ((arg?: unknown) => void)[]>();
  const s = {
    connected: false,
    connects: 0,
    connect() {
      s.connects++;
    },
    disconnect() {
      // Socket.IO emits `disconnect` only when it was connected.
      if (s.connected) s.fire('disconnect', 'io client disconnect');
    },
    on(event: string, fn: (arg: never) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn as (arg?: unknown) => void]);
    },
    fire(event: string, arg?: unknown) {
      if (event === 'connect') s.connected = true;
      if (event === 'disconnect') s.connected = false;
      for (const fn of listeners.get(event) ?? []) fn(arg);
    },
  };
  return s;
}
const refusal = (code: string) => Object.assign(new Error(code), { data: { code, message: code } });

describe('keepConnecting', () => {
  afterEach(() => vi.useRealTimers());

  const start = (random = 1) => {
    vi.useFakeTimers({ now: 0 });
    const socket = fakeSocket();
    const waits: LinkWait[] = [];
    const refused: string[] = [];
    const link = keepConnecting(socket satisfies ReconnectingSocket, { waiting: (w) => waits.push(w), refused: (c) => refused.push(c) }, () => random);
    return { socket, waits, refused, link };
  };

  it('connects again after 1, 2, 4 s while the handshake is refused as unavailable, internal or rate limited, then starts over from 1 s', async () => {
    const { socket, waits } = start();
    socket.fire('connect_error', refusal('unavailable'));
    await vi.advanceTimersByTimeAsync(999);
    expect(socket.connects).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.connects).toBe(1);
    socket.fire('connect_error', refusal('internal'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(socket.connects).toBe(2);
    socket.fire('connect_error', refusal('rate_limited'));
    await vi.advanceTimersByTimeAsync(4000);
    expect(socket.connects).toBe(3);
    expect(waits).toEqual([
      { attempt: 1, retryAt: 1000, reason: 'unavailable' },
      { attempt: 2, retryAt: 3000, reason: 'internal' },
      { attempt: 3, retryAt: 7000, reason: 'rate_limited' },
    ]);
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    expect(waits.at(-1)).toEqual({ attempt: 1, retryAt: 8000, reason: 'network' });
  });

  it('treats a transport error (no server, or refused before the handshake) and a server that put the socket out as network waits', () => {
    const { socket, waits } = start(0);
    socket.fire('connect_error', new Error('websocket error'));
    socket.fire('connect');
    socket.fire('disconnect', 'io server disconnect');
    expect(waits.map((w) => [w.attempt, w.reason, w.retryAt])).toEqual([
      [1, 'network', 500],
      [1, 'network', 500],
    ]);
  });

  it('stops at a refusal no retry fixes and reports it', async () => {
    for (const code of ['unauthorized', 'origin_not_allowed', 'banned', 'version_mismatch']) {
      const { socket, waits, refused } = start();
      socket.fire('connect_error', refusal(code));
      await vi.advanceTimersByTimeAsync(60_000);
      expect([socket.connects, waits.length, refused]).toEqual([0, 0, [code]]);
      vi.useRealTimers();
    }
  });

  it('does not reconnect a socket the app disconnected, even while it waited, until the app connects it again', async () => {
    const { socket, waits } = start();
    socket.fire('connect_error', refusal('unavailable'));
    socket.disconnect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connects).toBe(0);
    socket.connect();
    socket.fire('connect_error', refusal('unavailable'));
    await vi.advanceTimersByTimeAsync(2000);
    expect([socket.connects, waits.length]).toEqual([2, 2]);
    socket.fire('connect');
    socket.disconnect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([socket.connects, waits.length]).toEqual([2, 2]);
  });

  it('connects at once on retryNow, and the wait after that failure is the next step up', async () => {
    const { socket, waits, link } = start();
    socket.fire('connect_error', refusal('unavailable'));
    socket.fire('connect_error', refusal('unavailable'));
    link.retryNow();
    expect(socket.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.connects).toBe(1);
    socket.fire('connect_error', refusal('unavailable'));
    expect(waits.map((w) => w.attempt)).toEqual([1, 2, 3]);
  });
});
