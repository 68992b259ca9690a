import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { badgeAwards, eventAttendees, eventInvitees, eventReminders, events, memberships, users, type Db } from '@tribu/db';
import { seatFor, seatsToGive } from '@tribu/domain';

export type EventRow = typeof events.$inferSelect;
export type AttendeeRow = typeof eventAttendees.$inferSelect & { displayName: string };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Events, their invitees and RSVPs, the reminders' claims. Seats move only under a lock of the event's row. */
export class EventsRepository {
  constructor(private readonly db: Db) {}

  async event(id: string): Promise<EventRow | undefined> {
    return (await this.db.select().from(events).where(eq(events.id, id)))[0];
  }

  /** A site's events: every one (newest start first), or those not over yet (soonest first). */
  async ofSite(siteId: string, upcoming: boolean, now: Date): Promise<EventRow[]> {
    return this.db
      .select()
      .from(events)
      .where(and(eq(events.siteId, siteId), upcoming ? gt(events.endsAt, now) : undefined))
      .orderBy(upcoming ? asc(events.startsAt) : desc(events.startsAt))
      .limit(200);
  }

  /** Creates or edits an event with its hand-picked people; an edit raises the iCalendar SEQUENCE. */
  async save(id: string | undefined, values: Omit<typeof events.$inferInsert, 'id'>, invitees: string[]): Promise<EventRow> {
    return this.db.transaction(async (tx) => {
      const [row] = id
        ? await tx
            .update(events)
            .set({ ...values, sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
            .where(eq(events.id, id))
            .returning()
        : await tx.insert(events).values(values).returning();
      await tx.delete(eventInvitees).where(eq(eventInvitees.eventId, row!.id));
      if (invitees.length) await tx.insert(eventInvitees).values(invitees.map((userId) => ({ eventId: row!.id, userId })));
      return row!;
    });
  }

  async cancel(id: string, now: Date): Promise<EventRow | undefined> {
    const [row] = await this.db
      .update(events)
      .set({ cancelledAt: now, updatedAt: now, sequence: sql`${events.sequence} + 1` })
      .where(and(eq(events.id, id), isNull(events.cancelledAt)))
      .returning();
    return row;
  }

  async invitees(eventIds: string[]): Promise<{ eventId: string; userId: string }[]> {
    if (!eventIds.length) return [];
    return this.db.select().from(eventInvitees).where(inArray(eventInvitees.eventId, eventIds));
  }

  /** RSVPs of these events, seats first, then the waiting list in its order. */
  async attendees(eventIds: string[]): Promise<AttendeeRow[]> {
    if (!eventIds.length) return [];
    const rows = await this.db
      .select({ a: eventAttendees, displayName: users.displayName })
      .from(eventAttendees)
      .innerJoin(users, eq(users.id, eventAttendees.userId))
      .where(inArray(eventAttendees.eventId, eventIds))
      .orderBy(asc(eventAttendees.state), asc(eventAttendees.queuedAt), asc(eventAttendees.userId));
    return rows.map((r) => ({ ...r.a, displayName: r.displayName }));
  }

  /**
   * Takes a seat while one is free, else a place at the end of the waiting list. The event's row is
   * locked first, so two people asking for the last seat at once are counted one after the other.
   */
  async join(eventId: string, userId: string, now: Date): Promise<{ state: 'going' | 'waiting'; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const [e] = await tx.select({ capacity: events.capacity }).from(events).where(eq(events.id, eventId)).for('update');
      const [mine] = await tx
        .select({ state: eventAttendees.state })
        .from(eventAttendees)
        .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.userId, userId)));
      if (mine) return { state: mine.state, created: false };
      const state = seatFor(e?.capacity ?? null, await this.goingCount(tx, eventId));
      await tx.insert(eventAttendees).values({ eventId, userId, state, queuedAt: now, seatedAt: state === 'going' ? now : null });
      return { state, created: true };
    });
  }

  /** Leaves (a seat or the waiting list); freed seats go to the first waiting, under the same lock. Returns who got one. */
  async leave(eventId: string, userId: string, now: Date): Promise<{ left: boolean; seated: string[] }> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for('update');
      const gone = await tx
        .delete(eventAttendees)
        .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.userId, userId)))
        .returning({ state: eventAttendees.state });
      if (!gone.length) return { left: false, seated: [] };
      return { left: true, seated: await this.fillSeats(tx, eventId, now) };
    });
  }

  /** Gives free seats to the first waiting (after the capacity was raised or removed). */
  async fill(eventId: string, now: Date): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).for('update');
      return this.fillSeats(tx, eventId, now);
    });
  }

  private async fillSeats(tx: Tx, eventId: string, now: Date): Promise<string[]> {
    const [e] = await tx.select({ capacity: events.capacity, cancelledAt: events.cancelledAt }).from(events).where(eq(events.id, eventId));
    if (!e || e.cancelledAt) return [];
    const waiting = await tx
      .select({ userId: eventAttendees.userId })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.state, 'waiting')))
      .orderBy(asc(eventAttendees.queuedAt), asc(eventAttendees.userId));
    const seated = seatsToGive(
      e.capacity,
      await this.goingCount(tx, eventId),
      waiting.map((w) => w.userId),
    );
    if (seated.length) {
      await tx
        .update(eventAttendees)
        .set({ state: 'going', seatedAt: now })
        .where(and(eq(eventAttendees.eventId, eventId), inArray(eventAttendees.userId, seated)));
    }
    return seated;
  }

  private async goingCount(tx: Tx, eventId: string): Promise<number> {
    const [r] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.state, 'going')));
    return r?.n ?? 0;
  }

  /** Keeps a tester's answers; true when they are the first ones (the badge is given then). */
  async saveFeedback(eventId: string, userId: string, answers: Record<string, string>, now: Date): Promise<boolean> {
    const [before] = await this.db
      .select({ feedbackAt: eventAttendees.feedbackAt })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.userId, userId)));
    await this.db
      .update(eventAttendees)
      .set({ answers, feedbackAt: now })
      .where(and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.userId, userId)));
    return before?.feedbackAt === null;
  }

  /** Lifetime points on the site (tiers follow them): everything earned, spending not counted. */
  async lifetimePoints(siteId: string, userId: string): Promise<number> {
    const r = await this.db.execute(
      sql`select coalesce(sum(points) filter (where reason not in ('redeem', 'refund')), 0)::int as n from points_ledger where site_id = ${siteId} and user_id = ${userId}`,
    );
    return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
  }

  /** Inserts the badge once; true when this call awarded it. */
  async awardBadge(siteId: string, userId: string, badgeKey: string): Promise<boolean> {
    return (await this.db.insert(badgeAwards).values({ siteId, userId, badgeKey }).onConflictDoNothing().returning()).length > 0;
  }

  /** Active members of the site among these people (a hand-picked list may only name them). */
  async activeMembers(siteId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const rows = await this.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.siteId, siteId), eq(memberships.status, 'active'), inArray(memberships.userId, userIds)));
    return rows.map((r) => r.userId);
  }

  // ---------- reminders ----------

  /**
   * Seats of events starting within the window whose reminder is not sent: never claimed, or claimed
   * before `staleBefore` and still unsent (the mail failed, or the node stopped mid-way).
   */
  async remindersDue(
    now: Date,
    until: Date,
    staleBefore: Date,
  ): Promise<{ event: EventRow; userId: string; email: string; displayName: string; locale: string | null; timeZone: string | undefined }[]> {
    const rows = await this.db
      .select({
        event: events,
        userId: eventAttendees.userId,
        email: users.email,
        displayName: users.displayName,
        locale: users.locale,
        timeZone: sql<string | undefined>`${users.notifyPrefs}->>'timeZone'`,
      })
      .from(eventAttendees)
      .innerJoin(events, eq(events.id, eventAttendees.eventId))
      .innerJoin(users, eq(users.id, eventAttendees.userId))
      .innerJoin(memberships, and(eq(memberships.userId, eventAttendees.userId), eq(memberships.siteId, events.siteId), eq(memberships.status, 'active')))
      .leftJoin(eventReminders, and(eq(eventReminders.eventId, eventAttendees.eventId), eq(eventReminders.userId, eventAttendees.userId)))
      .where(
        and(
          eq(eventAttendees.state, 'going'),
          isNull(events.cancelledAt),
          gt(events.startsAt, now),
          lte(events.startsAt, until),
          or(isNull(eventReminders.eventId), and(isNull(eventReminders.sentAt), lt(eventReminders.claimedAt, staleBefore))),
        ),
      )
      .orderBy(asc(events.startsAt))
      .limit(200);
    return rows;
  }

  /**
   * Claims one reminder: true for the one node whose insert (or, for a stale unsent claim, whose
   * conditional update) landed; every other node gets false and sends nothing.
   */
  async claimReminder(eventId: string, userId: string, now: Date, staleBefore: Date): Promise<boolean> {
    const fresh = await this.db.insert(eventReminders).values({ eventId, userId, claimedAt: now }).onConflictDoNothing().returning();
    if (fresh.length) return true;
    const retaken = await this.db
      .update(eventReminders)
      .set({ claimedAt: now })
      .where(
        and(eq(eventReminders.eventId, eventId), eq(eventReminders.userId, userId), isNull(eventReminders.sentAt), lt(eventReminders.claimedAt, staleBefore)),
      )
      .returning();
    return retaken.length > 0;
  }

  async reminderSent(eventId: string, userId: string, now: Date): Promise<void> {
    await this.db
      .update(eventReminders)
      .set({ sentAt: now })
      .where(and(eq(eventReminders.eventId, eventId), eq(eventReminders.userId, userId)));
  }
}
