import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { IMAGE_LIMITS, imageDecodes } from './image-decode.ts';

describe('the image decode slots', () => {
  it('runs two at once, queues eight, and tells the next one to retry later', async () => {
    imageDecodes.peak = 0;
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const work = (i: number) => () =>
      new Promise<number>((resolve) => {
        started.push(i);
        releases.push(() => resolve(i));
      });
    const admitted = Array.from({ length: IMAGE_LIMITS.inFlight + IMAGE_LIMITS.waiting }, (_, i) => imageDecodes.run(work(i)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    const refused = await imageDecodes.run(work(99)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'unavailable', message: 'Tribu is busy with other images; try again in a moment' });
    // Each one finishing lets exactly one waiting one start, in arrival order.
    for (let done = 0; done < admitted.length; done++) {
      releases[done]!();
      await admitted[done];
      await new Promise((r) => setImmediate(r));
      expect(imageDecodes.inFlight).toBe(Math.min(IMAGE_LIMITS.inFlight, admitted.length - done - 1));
    }
    expect(await Promise.all(admitted)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(started).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(imageDecodes.peak).toBe(2);
  });
});
