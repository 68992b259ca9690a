import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { pointsLedger, redemptions, rewards, users, type Db } from '@tribu/db';
import type { ContentTranslations, Redemption, RewardSave } from '@tribu/protocol';

export type RewardRow = typeof rewards.$inferSelect;
type RedemptionRow = typeof redemptions.$inferSelect;

/** Why a redemption could not be made, for a clear message. */
export type RedeemRefusal = 'missing' | 'balance' | 'stock';

/** Catalogue and redemptions; points move only through ledger rows written in the same transaction. */
export class RewardsRepository {
  constructor(private readonly db: Db) {}

  async list(siteId: string, activeOnly: boolean): Promise<RewardRow[]> {
    const rows = await this.db
      .select()
      .from(rewards)
      .where(and(eq(rewards.siteId, siteId), activeOnly ? eq(rewards.active, true) : undefined))
      .orderBy(rewards.cost, rewards.name);
    return rows;
  }

  async find(id: string): Promise<RewardRow | undefined> {
    const [row] = await this.db.select().from(rewards).where(eq(rewards.id, id));
    return row;
  }

  /** Adds or edits a reward; versions absent stay as they are (a new reward has none). */
  async save(input: RewardSave, translations: ContentTranslations<'name' | 'description'> | undefined): Promise<RewardRow | undefined> {
    const values = {
      name: input.name,
      description: input.description,
      cost: input.cost,
      stock: input.stock,
      active: input.active,
      ...(translations ? { translations } : {}),
    };
    const [row] = input.id
      ? await this.db
          .update(rewards)
          .set(values)
          .where(and(eq(rewards.id, input.id), eq(rewards.siteId, input.siteId)))
          .returning()
      : await this.db
          .insert(rewards)
          .values({ ...values, siteId: input.siteId })
          .returning();
    return row;
  }

  /**
   * Reserves the points and one item at once, under a lock per (site, helper) so two clicks or two
   * nodes can never spend the same points twice.
   */
  async redeem(
    rewardId: string,
    siteId: string,
    userId: string,
  ): Promise<{ ok: true; row: RedemptionRow; balance: number } | { ok: false; reason: RedeemRefusal; need?: number }> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${siteId}:${userId}`}, 2))`);
      const [reward] = await tx
        .select()
        .from(rewards)
        .where(and(eq(rewards.id, rewardId), eq(rewards.siteId, siteId), eq(rewards.active, true)));
      if (!reward) return { ok: false, reason: 'missing' } as const;
      if (reward.stock !== null && reward.stock <= 0) return { ok: false, reason: 'stock' } as const;
      const balance = await balanceIn(tx, siteId, userId);
      if (balance < reward.cost) return { ok: false, reason: 'balance', need: reward.cost - balance } as const;
      const [taken] = await tx
        .update(rewards)
        .set({ stock: sql`${rewards.stock} - 1` })
        .where(and(eq(rewards.id, rewardId), or(isNull(rewards.stock), sql`${rewards.stock} > 0`)))
        .returning({ id: rewards.id });
      if (!taken) return { ok: false, reason: 'stock' } as const;
      const [row] = await tx.insert(redemptions).values({ siteId, rewardId, userId, cost: reward.cost }).returning();
      await tx.insert(pointsLedger).values({
        siteId,
        userId,
        points: -reward.cost,
        reason: 'redeem',
        note: reward.name,
        idempotencyKey: `redeem:${row!.id}`,
      });
      return { ok: true, row: row!, balance: balance - reward.cost } as const;
    });
  }

  async findRedemption(id: string): Promise<RedemptionRow | undefined> {
    const [row] = await this.db.select().from(redemptions).where(eq(redemptions.id, id));
    return row;
  }

  /** Moves a redemption on, only from the states given (a second decision finds nothing to change). */
  async decide(
    id: string,
    from: RedemptionRow['status'][],
    to: RedemptionRow['status'],
    message: string | null,
    by: string,
    /** Written in the same transaction as the decision (its audit line): both land, or neither. */
    alongside?: (tx: Tx, row: RedemptionRow) => Promise<void>,
  ): Promise<RedemptionRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(redemptions)
        .set({ status: to, message, decidedBy: by, decidedAt: new Date() })
        .where(and(eq(redemptions.id, id), inArray(redemptions.status, from)))
        .returning();
      if (row && to === 'rejected') {
        // The reserved points come back, and the item goes back in stock.
        if (row.userId) {
          await tx
            .insert(pointsLedger)
            .values({
              siteId: row.siteId,
              userId: row.userId,
              points: row.cost,
              reason: 'refund',
              note: message,
              actorId: by,
              idempotencyKey: `refund:${row.id}`,
            })
            .onConflictDoNothing();
        }
        await tx
          .update(rewards)
          .set({ stock: sql`${rewards.stock} + 1` })
          .where(and(eq(rewards.id, row.rewardId), sql`${rewards.stock} is not null`));
      }
      if (row && alongside) await alongside(tx, row);
      return row;
    });
  }

  /** A site's redemptions (or one person's), the reward's name as `nameOf` gives it (the reader's language). */
  async redemptionsOf(siteId: string, userId: string | null, nameOf: (reward: Pick<RewardRow, 'name' | 'translations'>) => string): Promise<Redemption[]> {
    const rows = await this.db
      .select({ r: redemptions, rewardName: rewards.name, rewardTranslations: rewards.translations, userName: users.displayName })
      .from(redemptions)
      .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
      .leftJoin(users, eq(users.id, redemptions.userId))
      .where(and(eq(redemptions.siteId, siteId), userId ? eq(redemptions.userId, userId) : undefined))
      .orderBy(desc(redemptions.createdAt))
      .limit(200);
    return rows.map((x) => toRedemption(x.r, nameOf({ name: x.rewardName, translations: x.rewardTranslations }), x.userName));
  }

  async view(row: RedemptionRow): Promise<Redemption> {
    const [x] = await this.redemptionsOfIds([row.id]);
    return x!;
  }

  private async redemptionsOfIds(ids: string[]): Promise<Redemption[]> {
    const rows = await this.db
      .select({ r: redemptions, rewardName: rewards.name, userName: users.displayName })
      .from(redemptions)
      .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
      .leftJoin(users, eq(users.id, redemptions.userId))
      .where(inArray(redemptions.id, ids));
    return rows.map((x) => toRedemption(x.r, x.rewardName, x.userName));
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function balanceIn(tx: Tx, siteId: string, userId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`coalesce(sum(${pointsLedger.points}), 0)::int` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.siteId, siteId), eq(pointsLedger.userId, userId)));
  return r?.n ?? 0;
}

function toRedemption(r: RedemptionRow, rewardName: string, userName: string | null): Redemption {
  return {
    id: r.id,
    siteId: r.siteId,
    reward: { id: r.rewardId, name: rewardName },
    user: r.userId ? { id: r.userId, displayName: userName ?? '' } : null,
    cost: r.cost,
    status: r.status,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
