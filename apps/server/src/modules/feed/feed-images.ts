import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { images, type Db } from '@tribu/db';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { imageUrl } from './feed.mapper.ts';

export const FEED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const NOT_AN_IMAGE = 'That file is not an image (JPEG, PNG, WebP or GIF)';
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
const MAX_SIDE = 1600;

export interface StoredImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** Feed images: decoded, fitted into 1600 px, re-encoded as WebP without metadata, kept in the database. */
export class FeedImages {
  constructor(private readonly db: Db) {}

  async store(siteId: string, uploaderId: string, input: Buffer): Promise<StoredImage> {
    const { data, info } = await toWebp(input);
    const [row] = await this.db
      .insert(images)
      .values({ siteId, uploaderId, bytes: data, mime: 'image/webp', width: info.width, height: info.height })
      .returning({ id: images.id });
    return { id: row!.id, url: imageUrl(row!.id), width: info.width, height: info.height };
  }

  async get(id: string): Promise<typeof images.$inferSelect | undefined> {
    const [row] = await this.db.select().from(images).where(eq(images.id, id)).limit(1);
    return row;
  }

  async siteOf(id: string): Promise<string | undefined> {
    const [row] = await this.db.select({ siteId: images.siteId }).from(images).where(eq(images.id, id)).limit(1);
    return row?.siteId;
  }
}

async function toWebp(input: Buffer) {
  try {
    const img = sharp(input, { animated: false, limitInputPixels: 40_000_000 });
    const meta = await img.metadata();
    if (!meta.format || !FORMATS.has(meta.format)) throw new Error('format');
    // sharp writes no metadata unless asked: EXIF (GPS!) and ICC tags are dropped. rotate() applies EXIF orientation first.
    return await img
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError(ErrorCode.badRequest, NOT_AN_IMAGE);
  }
}
