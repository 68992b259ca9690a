import { eq } from 'drizzle-orm';
import { avatars, users, type Db } from '@tribu/db';
import { decodeImage } from '../../lib/image-decode.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
const SIZE = 256;

/** Helper photos: decoded, cover-cropped to 256×256 WebP without metadata, kept in the database. */
export class ProfilePhotos {
  constructor(private readonly db: Db) {}

  async set(userId: string, input: Buffer): Promise<void> {
    const webp = await toAvatar(input);
    const now = new Date();
    await this.db
      .insert(avatars)
      .values({ userId, bytes: webp, mime: 'image/webp', updatedAt: now })
      .onConflictDoUpdate({ target: avatars.userId, set: { bytes: webp, mime: 'image/webp', updatedAt: now } });
    // The version in the URL lets browsers cache a photo for a day and still see a new one at once.
    await this.db
      .update(users)
      .set({ avatarUrl: `/api/avatars/${userId}?v=${now.getTime()}` })
      .where(eq(users.id, userId));
  }

  async remove(userId: string): Promise<void> {
    await this.db.delete(avatars).where(eq(avatars.userId, userId));
    await this.db.update(users).set({ avatarUrl: null }).where(eq(users.id, userId));
  }

  async get(userId: string): Promise<{ bytes: Buffer; mime: string } | undefined> {
    const [row] = await this.db.select().from(avatars).where(eq(avatars.userId, userId)).limit(1);
    return row ? { bytes: Buffer.from(row.bytes), mime: row.mime } : undefined;
  }
}

function toAvatar(input: Buffer): Promise<Buffer> {
  // sharp writes no metadata unless asked to: EXIF, GPS and ICC tags are dropped.
  return decodeImage(input, (img) => img.rotate().resize(SIZE, SIZE, { fit: 'cover', position: 'attention' }).webp({ quality: 82 }).toBuffer());
}
