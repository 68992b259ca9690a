import { eq } from 'drizzle-orm';
import { sites, users, type Db } from '@tribu/db';
import { resolveLocale, type Locale } from './locale.ts';

/**
 * The language to word something in for a known person: their profile's choice, else what their browser asks (when
 * they are the one asking), else the site's default, else English.
 */
export async function personLocale(db: Db, userId: string, siteId: string, acceptLanguage?: string | string[]): Promise<Locale> {
  const [who] = await db
    .select({ locale: users.locale, settings: sites.settings })
    .from(users)
    .leftJoin(sites, eq(sites.id, siteId))
    .where(eq(users.id, userId));
  return resolveLocale({ choice: who?.locale, acceptLanguage, siteDefault: who?.settings?.defaultLocale });
}
