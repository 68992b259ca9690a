import { eq } from 'drizzle-orm';
import { images, type Db } from '@tribu/db';
import { decodeImage, NOT_AN_IMAGE } from '../../lib/image-decode.ts';
import { imageUrl } from './feed.mapper.ts';

export const FEED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export { NOT_AN_IMAGE };
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

function toWebp(input: Buffer) {
  // sharp writes no metadata unless asked: EXIF (GPS!) and ICC tags are dropped. rotate() applies EXIF orientation first.
  return decodeImage(input, (img) =>
    img.rotate().resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 82 }).toBuffer({ resolveWithObject: true }),
  );
}
