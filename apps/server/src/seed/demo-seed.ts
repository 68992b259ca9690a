import { sql } from 'drizzle-orm';
import { memberships, sites, users, type Db } from '@tribu/db';
import type { Role } from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { isUniqueViolation } from '../lib/pg-errors.ts';

export const DEMO_PASSWORD = 'tribu-demo';

export const DEMO_USERS: { email: string; displayName: string; role: Role; bio?: string }[] = [
  { email: 'admin@demo.tribu', displayName: 'Alex (admin)', role: 'admin' },
  { email: 'manager@demo.tribu', displayName: 'Morgane', role: 'moderator', bio: 'Community manager at Alpine Threads' },
  { email: 'helper1@demo.tribu', displayName: 'Camille', role: 'helper', bio: 'Hikes the GR20 every summer in a Summit Jacket' },
  { email: 'helper2@demo.tribu', displayName: 'Jonas', role: 'helper', bio: 'Ski tourer, 6 winters in merino layers' },
  { email: 'helper3@demo.tribu', displayName: 'Inès', role: 'helper', bio: 'Trail runner who tests every sock' },
  { email: 'helper4@demo.tribu', displayName: 'Sam', role: 'helper', bio: 'Alpine Threads customer since 2019' },
  { email: 'helper5@demo.tribu', displayName: 'Lucía', role: 'helper', bio: 'Mountain guide in the Pyrenees' },
];

/** Seeds the demo site and logins into an empty database; does nothing when any site exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(sites);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await insertDemo(db, passwordHash);
    return true;
  } catch (e) {
    // Several nodes starting together on an empty database: one seeds, the others find it done.
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

async function insertDemo(db: Db, passwordHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({
        key: 'demo',
        name: 'Alpine Threads',
        allowedOrigins: ['self'],
        settings: { chatCap: 4, color: '#2f6f4f' },
      })
      .returning();
    if (!site) throw new Error('demo site insert failed');
    const rows = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, displayName: u.displayName, bio: u.bio ?? null, passwordHash })))
      .returning({ id: users.id, email: users.email });
    await tx.insert(memberships).values(
      rows.map((r) => ({ userId: r.id, siteId: site.id, role: DEMO_USERS.find((u) => u.email === r.email)!.role })),
    );
  });
}
