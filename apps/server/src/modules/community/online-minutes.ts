import { sql } from 'drizzle-orm';
import { onlineMinutes, type Db } from '@tribu/db';
import type { LocalHelpers } from '../notifier.ts';

/** Hours are counted in UTC days, ISO weeks (Monday) and calendar months. */
export interface Hours {
  today: number;
  week: number;
  month: number;
}

const MINUTE_MS = 60_000;

/**
 * Records a minute for every (helper, site) with a socket on THIS node. Every node does the same for
 * its own sockets; the primary key + ON CONFLICT DO NOTHING count two tabs or two nodes once.
 */
export class OnlineMinutes {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly db: Db,
    private readonly helpers: LocalHelpers,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts the minute timer and counts a helper as soon as they connect. */
  start(): void {
    this.helpers.onConnect((userId, siteIds) => {
      this.record(userId, siteIds).catch(this.onError);
    });
    this.timer = setInterval(() => void this.sweep().catch(this.onError), MINUTE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass over the local sockets (the timer calls it; tests call it directly). */
  async sweep(): Promise<void> {
    const rows = new Map<string, { userId: string; siteId: string }>();
    for (const s of await this.helpers.list()) {
      for (const siteId of s.siteIds) rows.set(`${s.userId}|${siteId}`, { userId: s.userId, siteId });
    }
    await this.insert([...rows.values()]);
  }

  async record(userId: string, siteIds: string[]): Promise<void> {
    await this.insert(siteIds.map((siteId) => ({ userId, siteId })));
  }

  private async insert(rows: { userId: string; siteId: string }[]): Promise<void> {
    if (rows.length === 0) return;
    const minute = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS);
    // A site may have been left a moment ago: the foreign key then refuses, which is fine.
    await this.db
      .insert(onlineMinutes)
      .values(rows.map((r) => ({ ...r, minute })))
      .onConflictDoNothing();
  }

  /** Hours with the backoffice open (all sites together: a minute on two sites counts once). */
  async hours(userId: string): Promise<Hours> {
    const result = await this.db.execute(sql`
      with m as (select distinct minute from online_minutes where user_id = ${userId}
                 and minute >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - interval '7 days')
      select
        count(*) filter (where minute >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')::int as today,
        count(*) filter (where minute >= date_trunc('week', now() at time zone 'UTC') at time zone 'UTC')::int as week,
        count(*) filter (where minute >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')::int as month
      from m`);
    const row = (result as unknown as { rows: { today: number; week: number; month: number }[] }).rows[0];
    // Two decimals: a few minutes still show (the page prints minutes under an hour).
    const h = (n: number | undefined) => Math.round(((n ?? 0) / 60) * 100) / 100;
    return { today: h(row?.today), week: h(row?.week), month: h(row?.month) };
  }

  /** Minutes per UTC day, for the data export. */
  async perDay(userId: string): Promise<{ day: string; siteId: string; minutes: number }[]> {
    const result = await this.db.execute(sql`
      select to_char(minute at time zone 'UTC', 'YYYY-MM-DD') as day, site_id as "siteId", count(*)::int as minutes
      from online_minutes where user_id = ${userId} group by 1, 2 order by 1, 2`);
    return (result as unknown as { rows: { day: string; siteId: string; minutes: number }[] }).rows;
  }
}
