import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** The site's rewards catalogue; `stock` null = unlimited. */
export const rewards = pgTable(
  'rewards',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text().notNull().default(''),
    /** Name and description in the site's other languages; the columns above are in its default language. */
    translations: jsonb().$type<Partial<Record<'en' | 'fr' | 'es', Partial<Record<'name' | 'description', string>>>>>().notNull().default({}),
    cost: integer().notNull(),
    stock: integer(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId)],
);

export const redemptionStatusEnum = pgEnum('redemption_status', ['requested', 'approved', 'fulfilled', 'rejected']);

/** A helper's request for a reward; its points are reserved in the ledger at once. */
export const redemptions = pgTable(
  'redemptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    rewardId: uuid()
      .notNull()
      .references(() => rewards.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    cost: integer().notNull(),
    status: redemptionStatusEnum().notNull().default('requested'),
    /** The fulfilment message or code, or the reason of a rejection. */
    message: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.status), index().on(t.userId)],
);
