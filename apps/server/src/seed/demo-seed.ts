import { sql } from 'drizzle-orm';
import { memberships, sites, users, type Db } from '@tribu/db';
import type { Role } from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { isUniqueViolation } from '../lib/pg-errors.ts';
import { seedDemoFeed } from './demo-feed.ts';
import { seedDemoRewards } from './demo-rewards.ts';
import { seedDemoRecruitment } from './demo-recruitment.ts';
import { seedDemoOnboarding } from './demo-onboarding.ts';
import { seedDemoHistory } from './demo-history.ts';

export const DEMO_PASSWORD = 'tribu-demo';
/** The demo login that is also the operator of the install. */
export const DEMO_OPERATOR = 'admin@demo.tribu';

export const DEMO_USERS: {
  email: string;
  displayName: string;
  role: Role;
  bio?: string;
  languages: string[];
  expertise: string[];
}[] = [
  { email: 'admin@demo.tribu', displayName: 'Alex (admin)', role: 'admin', languages: ['en'], expertise: [] },
  {
    email: 'manager@demo.tribu',
    displayName: 'Morgane',
    role: 'moderator',
    bio: 'Community manager at Alpine Threads',
    languages: ['fr', 'en'],
    expertise: ['shipping'],
  },
  {
    email: 'helper1@demo.tribu',
    displayName: 'Camille',
    role: 'helper',
    bio: 'Hikes the GR20 every summer in a Summit Jacket',
    languages: ['fr', 'en'],
    expertise: ['sizing', 'care'],
  },
  {
    email: 'helper2@demo.tribu',
    displayName: 'Jonas',
    role: 'helper',
    bio: 'Ski tourer, 6 winters in merino layers',
    languages: ['en'],
    expertise: ['technical', 'care'],
  },
  {
    email: 'helper3@demo.tribu',
    displayName: 'Inès',
    role: 'helper',
    bio: 'Trail runner who tests every sock',
    languages: ['fr', 'es'],
    expertise: ['sizing'],
  },
  { email: 'helper4@demo.tribu', displayName: 'Sam', role: 'helper', bio: 'Alpine Threads customer since 2019', languages: ['en'], expertise: ['shipping'] },
  {
    email: 'helper5@demo.tribu',
    displayName: 'Lucía',
    role: 'helper',
    bio: 'Mountain guide in the Pyrenees',
    languages: ['es', 'en'],
    expertise: ['technical'],
  },
];

/** The demo shop's request topics: a question is tagged when it contains one of the words. */
export const DEMO_TOPICS = [
  { tag: 'sizing', label: 'Sizing & fit', keywords: ['size', 'sizing', 'fit', 'fits', 'small', 'large', 'taille', 'talla'] },
  { tag: 'shipping', label: 'Shipping & returns', keywords: ['ship', 'shipping', 'delivery', 'deliver', 'return', 'livraison', 'envío'] },
  { tag: 'care', label: 'Care & washing', keywords: ['wash', 'washing', 'wax', 'dry', 'clean', 'care', 'laver'] },
  { tag: 'technical', label: 'Gear & technical', keywords: ['waterproof', 'warm', 'breathable', 'layer', 'merino', 'gore', 'rain', 'snow'] },
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
        // Scoring as documented (a chat counts from 30 s): managers lower it under Recognition settings.
        settings: { chatCap: 4, color: '#2f6f4f', topics: DEMO_TOPICS, timeZone: 'Europe/Paris' },
      })
      .returning();
    if (!site) throw new Error('demo site insert failed');
    const rows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          displayName: u.displayName,
          bio: u.bio ?? null,
          languages: u.languages,
          expertise: u.expertise,
          passwordHash,
          // In demo mode the site admin is also the install's operator (creates sites); never in production.
          operator: u.email === DEMO_OPERATOR,
        })),
      )
      .returning({ id: users.id, email: users.email });
    await tx.insert(memberships).values(rows.map((r) => ({ userId: r.id, siteId: site.id, role: DEMO_USERS.find((u) => u.email === r.email)!.role })));
    await seedDemoFeed(tx, site.id, rows);
    await seedDemoRewards(tx, site.id);
    await seedDemoOnboarding(tx, site.id, rows, passwordHash);
    await seedDemoHistory(tx, site.id, rows, 'Europe/Paris');
    await seedDemoRecruitment(tx, site.id, rows);
  });
}
