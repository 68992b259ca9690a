import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@tribu/db';
import type { HourCount } from '@tribu/domain';
import type { KpiDay, KpiHelperRow } from '@tribu/protocol';

/** A period as two instants: the start of `from` and the start of the day after `to`, in the site's zone. */
export interface Bounds {
  start: Date;
  end: Date;
}

export interface SummaryRow {
  requests: number;
  answered: number;
  missed: number;
  abandoned: number;
  /** Distinct people who answered at least one of these requests. */
  activeHelpers: number;
  medianFirstAnswerSec: number | null;
  p90FirstAnswerSec: number | null;
  medianChatSec: number | null;
  chatSec: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

export interface HelperRow extends Omit<KpiHelperRow, 'lastSeenAt' | 'joinedAt'> {
  lastSeenAt: Date | string | null;
  joinedAt: Date | string | null;
  lastAnswerAt: Date | string | null;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

// The definitions of @tribu/domain's KPI_DEFINITIONS, as SQL over one site's conversations.
const ANSWERED = sql`c.first_response_at is not null`;
const MISSED = sql`c.claimed_at is null and c.first_response_at is null and c.closed_by is distinct from 'visitor'`;
const ABANDONED = sql`c.first_response_at is null and c.closed_by = 'visitor'`;
const ENDED = sql`c.first_response_at is not null and c.status = 'closed' and c.claimed_at is not null and c.closed_at is not null`;
const FIRST_ANSWER_SEC = sql`extract(epoch from c.first_response_at - c.created_at)::float8`;
const CHAT_SEC = sql`extract(epoch from c.closed_at - c.claimed_at)::float8`;

/** Heavy KPI aggregates, computed in Postgres (percentile_cont, time zone arithmetic). */
export class KpiRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(query));
  }

  /** Midnight of `from` and of the day after `to`, in the time zone (DST handled by Postgres). */
  async bounds(from: string, to: string, timeZone: string): Promise<Bounds> {
    const [r] = await this.rows<{ start: Date | string; end: Date | string }>(sql`
      select ((${from}::date)::timestamp at time zone ${timeZone}) as start,
             ((${to}::date + 1)::timestamp at time zone ${timeZone}) as "end"`);
    return { start: new Date(r!.start), end: new Date(r!.end) };
  }

  private inPeriod(siteId: string, b: Bounds): SQL {
    return sql`c.site_id = ${siteId} and c.created_at >= ${b.start} and c.created_at < ${b.end}`;
  }

  async summary(siteId: string, b: Bounds): Promise<SummaryRow> {
    const [r] = await this.rows<SummaryRow>(sql`
      select count(*)::int as requests,
        count(*) filter (where ${ANSWERED})::int as answered,
        count(*) filter (where ${MISSED})::int as missed,
        count(*) filter (where ${ABANDONED})::int as abandoned,
        count(distinct c.helper_id) filter (where ${ANSWERED})::int as "activeHelpers",
        percentile_cont(0.5) within group (order by ${FIRST_ANSWER_SEC}) filter (where ${ANSWERED}) as "medianFirstAnswerSec",
        percentile_cont(0.9) within group (order by ${FIRST_ANSWER_SEC}) filter (where ${ANSWERED}) as "p90FirstAnswerSec",
        percentile_cont(0.5) within group (order by ${CHAT_SEC}) filter (where ${ENDED}) as "medianChatSec",
        coalesce(sum(${CHAT_SEC}) filter (where ${ENDED}), 0)::float8 as "chatSec",
        count(*) filter (where ${ANSWERED} and c.rating = 1)::int as r1,
        count(*) filter (where ${ANSWERED} and c.rating = 2)::int as r2,
        count(*) filter (where ${ANSWERED} and c.rating = 3)::int as r3,
        count(*) filter (where ${ANSWERED} and c.rating = 4)::int as r4,
        count(*) filter (where ${ANSWERED} and c.rating = 5)::int as r5
      from conversations c where ${this.inPeriod(siteId, b)}`);
    return r!;
  }

  /** Per day of the site's calendar; days without a request are absent (the service fills them). */
  async daily(siteId: string, b: Bounds, timeZone: string): Promise<KpiDay[]> {
    return this.rows<KpiDay>(sql`
      select to_char((c.created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as date,
        count(*)::int as requests,
        count(*) filter (where ${ANSWERED})::int as answered,
        count(*) filter (where ${MISSED})::int as missed,
        count(*) filter (where ${ABANDONED})::int as abandoned,
        percentile_cont(0.5) within group (order by ${FIRST_ANSWER_SEC}) filter (where ${ANSWERED}) as "medianFirstAnswerSec"
      from conversations c where ${this.inPeriod(siteId, b)}
      group by 1 order by 1`);
  }

  /** Requests, helper-minutes online, and how often each hour of the week happened, in the site's zone. */
  async hoursOfWeek(siteId: string, b: Bounds, timeZone: string): Promise<{ requests: HourCount[]; minutes: HourCount[]; occurrences: HourCount[] }> {
    const [requests, minutes, occurrences] = await Promise.all([
      this.rows<HourCount>(sql`
        select extract(isodow from c.created_at at time zone ${timeZone})::int as weekday,
          extract(hour from c.created_at at time zone ${timeZone})::int as hour, count(*)::int as count
        from conversations c where ${this.inPeriod(siteId, b)} group by 1, 2`),
      this.rows<HourCount>(sql`
        select extract(isodow from o.minute at time zone ${timeZone})::int as weekday,
          extract(hour from o.minute at time zone ${timeZone})::int as hour, count(*)::int as count
        from online_minutes o where o.site_id = ${siteId} and o.minute >= ${b.start} and o.minute < ${b.end} group by 1, 2`),
      this.rows<HourCount>(sql`
        select extract(isodow from h at time zone ${timeZone})::int as weekday,
          extract(hour from h at time zone ${timeZone})::int as hour, count(*)::int as count
        from generate_series(${b.start}::timestamptz, ${b.end}::timestamptz - interval '1 hour', interval '1 hour') h group by 1, 2`),
    ]);
    return { requests, minutes, occurrences };
  }

  /**
   * One row per helper of the site (active membership with the helper role) and per anyone else
   * who answered a chat in the period (a manager, a former member).
   */
  async perHelper(siteId: string, b: Bounds): Promise<HelperRow[]> {
    return this.rows<HelperRow>(sql`
      with chats as (
        select c.helper_id as user_id, count(*)::int as chats, avg(c.rating)::float8 as rating,
          percentile_cont(0.5) within group (order by ${FIRST_ANSWER_SEC}) as median_first,
          coalesce(sum(${CHAT_SEC}) filter (where ${ENDED}), 0)::float8 as chat_sec
        from conversations c where ${this.inPeriod(siteId, b)} and ${ANSWERED} and c.helper_id is not null
        group by c.helper_id),
      members as (
        select m.user_id, m.role::text as role, m.created_at from memberships m
        where m.site_id = ${siteId} and m.status = 'active'),
      ids as (select user_id from members where role = 'helper' union select user_id from chats),
      online as (
        select o.user_id, count(*)::int as minutes from online_minutes o
        where o.site_id = ${siteId} and o.minute >= ${b.start} and o.minute < ${b.end} group by o.user_id),
      seen as (select o.user_id, max(o.minute) as last_seen from online_minutes o where o.site_id = ${siteId} group by o.user_id),
      answers as (
        select c.helper_id as user_id, max(c.first_response_at) as last_answer from conversations c
        where c.site_id = ${siteId} and c.first_response_at is not null and c.helper_id is not null group by c.helper_id),
      points as (
        select l.user_id, sum(l.points)::int as points from points_ledger l
        where l.site_id = ${siteId} and l.created_at >= ${b.start} and l.created_at < ${b.end}
          and l.reason not in ('redeem', 'refund')
        group by l.user_id)
      select u.id as "userId", u.display_name as name, m.role,
        coalesce(ch.chats, 0) as chats, ch.rating as "ratingAverage", ch.median_first as "medianFirstAnswerSec",
        (coalesce(ch.chat_sec, 0) / 3600)::float8 as "chatHours", (coalesce(o.minutes, 0) / 60.0)::float8 as "hoursOnline",
        coalesce(p.points, 0) as points, s.last_seen as "lastSeenAt", m.created_at as "joinedAt", a.last_answer as "lastAnswerAt"
      from ids join users u on u.id = ids.user_id
        left join members m on m.user_id = ids.user_id left join chats ch on ch.user_id = ids.user_id
        left join online o on o.user_id = ids.user_id left join seen s on s.user_id = ids.user_id
        left join answers a on a.user_id = ids.user_id left join points p on p.user_id = ids.user_id
      order by coalesce(ch.chats, 0) desc, u.display_name`);
  }
}
