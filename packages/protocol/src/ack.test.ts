import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryWhileUnavailable } from './ack.ts';
import type { AckResult } from './errors.ts';

const unavailable: AckResult<string> = { ok: false, error: { code: 'unavailable', message: 'down' } };

describe('retryWhileUnavailable', () => {
  afterEach(() => vi.useRealTimers());

  it('sends again after 1, 2 and 4 s while the server is unavailable, and resolves with the first real answer', async () => {
    vi.useFakeTimers();
    const answers: AckResult<string>[] = [unavailable, unavailable, unavailable, { ok: true, data: 'stored' }];
    const run = vi.fn(async () => answers.shift()!);
    const result = retryWhileUnavailable(run);
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000 + 4000);
    expect(await result).toEqual({ ok: true, data: 'stored' });
    expect(run).toHaveBeenCalledTimes(4);
  });

  it('does not repeat a refusal that is not unavailable', async () => {
    const run = vi.fn(async (): Promise<AckResult<string>> => ({ ok: false, error: { code: 'conflict', message: 'other text' } }));
    expect((await retryWhileUnavailable(run)).ok).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives up with the last unavailable answer once every wait has passed', async () => {
    const run = vi.fn(async () => unavailable);
    expect(await retryWhileUnavailable(run, [1, 1])).toEqual(unavailable);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
