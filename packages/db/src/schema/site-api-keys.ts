import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A site's API keys for `/api/v1` (the merchant's servers). Only a SHA-256 of the key is kept:
 * the key itself is shown once, when it is created.
 */
export const siteApiKeys = pgTable(
  'site_api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** `conversions`, `numbers:read`. */
    scopes: text().array().notNull(),
    /** Hex SHA-256 of the whole key (a key is 32 random bytes: no salt or slow hash needed). */
    keyHash: text().notNull(),
    /** The key's first characters, so admins can tell keys apart (`tk_ab12…`). */
    prefix: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('site_api_keys_hash').on(t.keyHash), index().on(t.siteId)],
);
