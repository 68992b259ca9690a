import sharp, { type Metadata, type Sharp } from 'sharp';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from './errors.ts';

/**
 * Bounds on decoding uploaded images, per node: a decoded image costs ~4 bytes per pixel whatever
 * its size on disk (a 40-megapixel PNG of one colour is a few kB, and 160 MB once decoded).
 * 24 MP is a 6000×4000 photo; two decodes at once, eight more waiting, the rest told to retry.
 */
export const IMAGE_LIMITS = { maxPixels: 24_000_000, inFlight: 2, waiting: 8 } as const;

export const NOT_AN_IMAGE = 'That file is not an image (JPEG, PNG, WebP or GIF)';
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

const megapixels = (n: number) => `${Math.round(n / 100_000) / 10}`;
export const tooManyPixels = (pixels: number) =>
  `This image is too large: ${megapixels(pixels)} megapixels, at most ${megapixels(IMAGE_LIMITS.maxPixels)}. Resize it and try again.`;

/** A small semaphore; `peak` is read by tests to prove the bound holds. */
class DecodeSlots {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  peak = 0;

  get inFlight(): number {
    return this.running;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= IMAGE_LIMITS.inFlight) {
      if (this.queue.length >= IMAGE_LIMITS.waiting) {
        throw new AppError(ErrorCode.unavailable, 'Tribu is busy with other images; try again in a moment');
      }
      // The slot is handed over by the one finishing (running stays counted), so none can jump the queue.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}

export const imageDecodes = new DecodeSlots();

/**
 * Decodes an uploaded image within the bounds: its header is read first (cheap), a picture over
 * `maxPixels` is refused with a clear 400 before any decoding, and the decode itself waits for
 * one of the node's few slots. `work` turns the decoder into the stored bytes.
 */
export async function decodeImage<T>(input: Buffer, work: (img: Sharp) => Promise<T>): Promise<T> {
  let meta: Metadata;
  try {
    // The header only: no pixel is decoded here, so no pixel limit is needed to read how many there are.
    meta = await sharp(input, { animated: false, limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(ErrorCode.badRequest, NOT_AN_IMAGE);
  }
  if (!meta.format || !FORMATS.has(meta.format) || !meta.width || !meta.height) throw new AppError(ErrorCode.badRequest, NOT_AN_IMAGE);
  const pixels = meta.width * meta.height;
  if (pixels > IMAGE_LIMITS.maxPixels) throw new AppError(ErrorCode.badRequest, tooManyPixels(pixels));
  return imageDecodes.run(async () => {
    try {
      return await work(sharp(input, { animated: false, limitInputPixels: IMAGE_LIMITS.maxPixels }));
    } catch {
      throw new AppError(ErrorCode.badRequest, NOT_AN_IMAGE);
    }
  });
}
