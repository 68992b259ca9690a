import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A helper's personal code to share outside the widget (the shop applies its own discount; Tribu
 * only recognises the code on a reported purchase). Asked by the helper, approved or revoked by a
 * manager; a purchase naming an active code is *referred* by its helper.
 */
export const referralCodes = pgTable(
  'referral_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Upper-case, as compared: `ANNA10`. */
    code: text().notNull(),
    /** `pending` (asked), `active` (approved), `revoked`. */
    status: text().notNull().default('pending'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('referral_codes_site_code').on(t.siteId, t.code)],
);
