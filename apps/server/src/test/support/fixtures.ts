import { memberships, sites, users, type Db } from '@tribu/db';
import type { Role } from '@tribu/protocol';
import { hashPassword } from '../../modules/auth/password.ts';

export const PASSWORD = 'correct horse battery';
export const ORIGIN_A = 'https://shop-a.example';
export const ORIGIN_B = 'https://shop-b.example';

export const USERS = {
  helperA1: { email: 'a1@test.tribu', name: 'Ada', site: 'shop-a', role: 'helper' },
  helperA2: { email: 'a2@test.tribu', name: 'Ben', site: 'shop-a', role: 'helper' },
  moderatorA: { email: 'mod-a@test.tribu', name: 'Mo', site: 'shop-a', role: 'moderator' },
  adminA: { email: 'admin-a@test.tribu', name: 'Al', site: 'shop-a', role: 'admin' },
  helperB1: { email: 'b1@test.tribu', name: 'Bea', site: 'shop-b', role: 'helper' },
} as const satisfies Record<string, { email: string; name: string; site: string; role: Role }>;

/** Two sites with their own helpers: shop-a (cap 2) and shop-b. */
export async function seedFixtures(db: Db): Promise<{ siteA: string; siteB: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const [a] = await db
    .insert(sites)
    .values({ key: 'shop-a', name: 'Shop A', allowedOrigins: [ORIGIN_A], settings: { chatCap: 2 } })
    .returning();
  const [b] = await db
    .insert(sites)
    .values({ key: 'shop-b', name: 'Shop B', allowedOrigins: [ORIGIN_B] })
    .returning();
  if (!a || !b) throw new Error('fixture sites not created');
  for (const u of Object.values(USERS)) {
    const [row] = await db.insert(users).values({ email: u.email, displayName: u.name, passwordHash }).returning();
    await db.insert(memberships).values({ userId: row!.id, siteId: u.site === 'shop-a' ? a.id : b.id, role: u.role });
  }
  return { siteA: a.id, siteB: b.id };
}
