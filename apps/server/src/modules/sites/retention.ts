import { sql } from 'drizzle-orm';
import type { Db } from '@tribu/db';

/** Conversations deleted per statement, so one sweep never holds long locks on a large site. */
const BATCH = 500;
/** How often each node looks (the job is idempotent, so several nodes looking is harmless). */
const EVERY_MS = 10 * 60_000;

/**
 * Deletes closed conversations older than their site's `retentionDays` (absent or null: kept for
 * ever). Messages, page views and notes go with them (ON DELETE CASCADE). The points ledger keeps
 * its lines — points earned stay earned — with the conversation reference set to NULL (ON DELETE
 * SET NULL), like feed posts that quoted a chat. Every node runs it: a row already deleted by
 * another node is simply not found, so nothing is deleted twice.
 */
export class RetentionSweep {
  private last = 0;

  constructor(
    private readonly db: Db,
    private readonly onDeleted: (count: number) => void = () => undefined,
  ) {}

  /** From the periodic timer: at most every ten minutes per node. */
  async maybeRun(now = Date.now()): Promise<void> {
    if (now - this.last < EVERY_MS) return;
    this.last = now;
    await this.run();
  }

  /** Deletes everything past retention now, in batches; returns how many conversations went. */
  async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const result = await this.db.execute(sql`
        delete from conversations where id in (
          select c.id from conversations c join sites s on s.id = c.site_id
          where c.status = 'closed'
            and jsonb_typeof(s.settings->'retentionDays') = 'number'
            and c.closed_at < now() - make_interval(days => (s.settings->>'retentionDays')::int)
          limit ${BATCH}
          for update of c skip locked
        ) returning id`);
      // node-postgres and PGlite both answer with the returned rows.
      const n = (result as unknown as { rows: unknown[] }).rows.length;
      total += n;
      if (n < BATCH) break;
    }
    if (total) this.onDeleted(total);
    return total;
  }
}
