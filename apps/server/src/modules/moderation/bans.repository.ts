import { and, desc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { bans, conversations, namedStatements, sites, users, type Db } from '@tribu/db';
import type { BanView } from '@tribu/protocol';

type BanRow = typeof bans.$inferSelect;
const creator = alias(users, 'creator');
const lifter = alias(users, 'lifter');

const activeNow = () => and(isNull(bans.liftedAt), or(isNull(bans.until), gt(bans.until, sql`now()`)));

/** activeNow() and the visitor's erasure, as one statement (the ban's two indexes: (site, visitor), (site, address)). */
const REFUSAL = {
  name: 'tribu_visitor_refusal_v1',
  text: `select exists(select 1 from visitors where id = $1::uuid and erased_at is not null) as erased,
    exists(select 1 from bans where site_id = $2::uuid and (visitor_id = $1::uuid or ip_hash = $3::text)
      and lifted_at is null and (until is null or until > now())) as banned`,
};

/** Storage of bans; the check is one indexed lookup, run at every visitor handshake and start. */
export class BansRepository {
  constructor(private readonly db: Db) {
    this.run = namedStatements(db);
  }

  /**
   * Whether a visitor may act on a site now, in one prepared statement (it runs at every handshake
   * and start): their identity erased, or banned by id or by the address they come from.
   */
  async refusal(siteId: string, visitorId: string, ipHash: string | null): Promise<'erased' | 'banned' | null> {
    const [row] = await this.run<{ erased: boolean; banned: boolean }>(REFUSAL, [visitorId, siteId, ipHash]);
    return row?.erased ? 'erased' : row?.banned ? 'banned' : null;
  }

  private readonly run: ReturnType<typeof namedStatements>;

  async isBanned(siteId: string, visitorId: string, ipHash: string | null): Promise<boolean> {
    const who = ipHash ? or(eq(bans.visitorId, visitorId), eq(bans.ipHash, ipHash)) : eq(bans.visitorId, visitorId);
    const [row] = await this.db
      .select({ id: bans.id })
      .from(bans)
      .where(and(eq(bans.siteId, siteId), who, activeNow()))
      .limit(1);
    return row !== undefined;
  }

  async insert(values: typeof bans.$inferInsert): Promise<BanRow> {
    const [row] = await this.db.insert(bans).values(values).returning();
    return row!;
  }

  /** Lifts an active ban; undefined when it was already lifted or is not this site's. */
  async lift(siteId: string, id: string, by: string): Promise<BanRow | undefined> {
    const [row] = await this.db
      .update(bans)
      .set({ liftedAt: new Date(), liftedBy: by })
      .where(and(eq(bans.id, id), eq(bans.siteId, siteId), isNull(bans.liftedAt)))
      .returning();
    return row;
  }

  async byId(siteId: string, id: string): Promise<BanRow | undefined> {
    const [row] = await this.db
      .select()
      .from(bans)
      .where(and(eq(bans.id, id), eq(bans.siteId, siteId)))
      .limit(1);
    return row;
  }

  /** The site's bans, newest first. */
  async list(siteId: string, limit = 200): Promise<BanView[]> {
    const rows = await this.db
      .select({ b: bans, createdByName: creator.displayName, liftedByName: lifter.displayName })
      .from(bans)
      .leftJoin(creator, eq(creator.id, bans.createdBy))
      .leftJoin(lifter, eq(lifter.id, bans.liftedBy))
      .where(eq(bans.siteId, siteId))
      .orderBy(desc(bans.createdAt))
      .limit(limit);
    return rows.map(({ b, createdByName, liftedByName }) => toBanView(b, createdByName, liftedByName));
  }

  /**
   * Keeps the hash of the address a conversation was started from (only once, at the start), unless
   * its site chose not to keep addresses: read in the same statement, so no node's cached settings can
   * store one after the admin turned it off.
   */
  async recordAddress(conversationId: string, ipHash: string): Promise<void> {
    await this.db
      .update(conversations)
      .set({ ipHash })
      .where(
        and(
          eq(conversations.id, conversationId),
          isNull(conversations.ipHash),
          sql`exists (select 1 from ${sites} s where s.id = ${conversations.siteId} and coalesce((s.settings->>'storeAddresses')::boolean, true))`,
        ),
      );
  }
}

/**
 * A site turned "keep network addresses" off: every address hash it holds goes, in the chats and in
 * its bans (which keep holding by visitor id). Returns how many rows lost one.
 */
export async function forgetSiteAddresses(db: Pick<Db, 'update'>, siteId: string): Promise<{ conversations: number; bans: number }> {
  const c = await db
    .update(conversations)
    .set({ ipHash: null })
    .where(and(eq(conversations.siteId, siteId), isNotNull(conversations.ipHash)))
    .returning({ id: conversations.id });
  const b = await db
    .update(bans)
    .set({ ipHash: null })
    .where(and(eq(bans.siteId, siteId), isNotNull(bans.ipHash)))
    .returning({ id: bans.id });
  return { conversations: c.length, bans: b.length };
}

export function toBanView(b: BanRow, createdByName: string | null, liftedByName: string | null): BanView {
  return {
    id: b.id,
    visitorId: b.visitorId,
    byAddress: b.ipHash !== null,
    reason: b.reason,
    until: b.until?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    createdByName,
    active: b.liftedAt === null && (b.until === null || b.until.getTime() > Date.now()),
    liftedAt: b.liftedAt?.toISOString() ?? null,
    liftedByName,
  };
}
