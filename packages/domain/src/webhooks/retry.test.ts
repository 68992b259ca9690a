import { describe, expect, it } from 'vitest';
import { nextWebhookAttempt, shouldDisableEndpoint, webhookRetryDelay, WEBHOOK_RETRY_WINDOW_MS } from './retry.ts';

const MIN = 60_000;
const HOUR = 3_600_000;

describe('webhook retries', () => {
  it.each([
    [1, 30_000],
    [2, MIN],
    [3, 2 * MIN],
    [4, 4 * MIN],
    [5, 8 * MIN],
    [8, 64 * MIN],
    [9, 128 * MIN],
    [10, 4 * HOUR],
    [14, 4 * HOUR],
    [100, 4 * HOUR],
  ])('waits base × 2^(n−1) after the %i-th failure, at most 4 h: %i ms', (attempt, ms) => {
    expect(webhookRetryDelay(attempt, { baseMs: 30_000 })).toBe(ms);
  });

  it('jitters by at most ±10 %', () => {
    expect(webhookRetryDelay(3, { baseMs: 1000 }, 0)).toBe(3600);
    expect(webhookRetryDelay(3, { baseMs: 1000 }, 0.999999)).toBe(4400);
  });

  it('tries 14 times over 24 hours with the production schedule, then gives up', () => {
    const start = new Date('2026-04-01T00:00:00Z');
    const deadline = new Date(start.getTime() + WEBHOOK_RETRY_WINDOW_MS);
    const at: number[] = [0];
    let now = start;
    for (let attempt = 1; ; attempt++) {
      const next = nextWebhookAttempt(attempt, now, deadline, { baseMs: 30_000 });
      if (!next) break;
      now = next;
      at.push(now.getTime() - start.getTime());
    }
    expect(at.length).toBe(14);
    // 30 s, 1, 2, 4, 8, 16, 32, 64, 128 min, then every 4 h.
    expect(at.slice(0, 10)).toEqual([0, 30_000, 90_000, 210_000, 450_000, 930_000, 1_890_000, 3_810_000, 7_650_000, 15_330_000]);
    expect(at.at(-1)).toBe(15_330_000 + 4 * 4 * HOUR);
  });
});

describe('turning a failing endpoint off', () => {
  const now = new Date('2026-04-02T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    ['failing for 24 h, 14 failures', { consecutiveFailures: 14, failingSince: ago(24 * HOUR) }, true],
    ['failing for 23 h 59', { consecutiveFailures: 14, failingSince: ago(24 * HOUR - MIN) }, false],
    ['one old failure only', { consecutiveFailures: 1, failingSince: ago(30 * HOUR) }, false],
    ['healthy', { consecutiveFailures: 0, failingSince: null }, false],
    ['1000 failures in a row within minutes', { consecutiveFailures: 1000, failingSince: ago(10 * MIN) }, true],
    ['999 failures', { consecutiveFailures: 999, failingSince: ago(10 * MIN) }, false],
  ])('%s → %s', (_name, health, off) => {
    expect(shouldDisableEndpoint(health, now, { maxFailures: 1000 })).toBe(off);
  });
});
