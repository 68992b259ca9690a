import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '@tribu/domain';
import { createDb, sites, type DbHandle } from '@tribu/db';
import { seedDemo } from '../seed/demo-seed.ts';
import { createTestDatabase } from './support/database.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('the demo seed', () => {
  let db: DbHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await createTestDatabase();
    drop = made.drop;
    db = await createDb({ databaseUrl: made.url, dataDir: '', inMemory: false, poolSize: 2 });
    expect(await seedDemo(db.db)).toBe(true);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('scores chats with the documented defaults: a chat counts from 30 seconds', async () => {
    const [demo] = await db.db.select({ settings: sites.settings }).from(sites).where(eq(sites.key, 'demo'));
    // As the rules service reads them: the site's own values over the defaults.
    expect({ ...DEFAULT_SCORING, ...(demo!.settings.scoring ?? {}) }).toEqual(DEFAULT_SCORING);
    expect(DEFAULT_SCORING.minChatSec).toBe(30);
    // The site settings table lives in the managers' guide (docs/managing.md).
    const guide = readFileSync(new URL('../../../../docs/managing.md', import.meta.url), 'utf8');
    expect(guide).toContain('| `scoring` | 1 / +1 / +1 within 60 s / 3 / 30 s |');
  });
});
