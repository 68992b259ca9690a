import { eq, sql } from 'drizzle-orm';
import { sites } from '@tribu/db';
import { requireManager } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { cleanWords } from './blocked-words.ts';

/** Managers edit a site's blocked words; every node applies the new list to the next message. */
export class BlockedWordsService {
  constructor(private readonly deps: ModuleDeps) {}

  async get(actor: HelperActor, siteId: string): Promise<string[]> {
    requireManager(actor, siteId);
    return (await this.deps.sites.byId(siteId))?.settings.blockedWords ?? [];
  }

  async set(actor: HelperActor, siteId: string, words: string[]): Promise<string[]> {
    requireManager(actor, siteId);
    const before = (await this.deps.sites.byId(siteId))?.settings.blockedWords ?? [];
    const next = cleanWords(words);
    // Only this key changes: other settings edited at the same time are kept.
    await this.deps.db
      .update(sites)
      .set({ settings: sql`jsonb_set(${sites.settings}, '{blockedWords}', ${JSON.stringify(next)}::jsonb)` })
      .where(eq(sites.id, siteId));
    this.deps.sites.changed(siteId);
    const added = next.filter((w) => !before.includes(w));
    const removed = before.filter((w) => !next.includes(w));
    if (added.length || removed.length) {
      await this.deps.audit.record(actor, {
        siteId,
        action: 'blocked_words.changed',
        targetKind: 'site',
        targetId: siteId,
        targetLabel: 'blocked words',
        details: { added, removed },
      });
    }
    return next;
  }
}
