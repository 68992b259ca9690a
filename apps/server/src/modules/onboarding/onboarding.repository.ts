import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNotNull, max, ne, or, sql } from 'drizzle-orm';
import { conversations, memberships, messages, onlineMinutes, sites, users, type Db, type MembershipOnboarding, type SiteSettings } from '@tribu/db';
import { observableBy, observableIn } from '../access.sql.ts';
import type { HelperActor } from '../actors.ts';

const mentors = aliasedTable(users, 'mentor');
/** Observed ids kept per membership at most (the step needs a handful). */
const OBSERVED_KEPT = 50;

/** A membership with its person and mentor, as the checklist and the newcomers list read it. */
export interface Member {
  userId: string;
  role: 'helper' | 'moderator' | 'admin';
  status: 'active' | 'suspended';
  createdAt: Date;
  charterAcceptedAt: Date | null;
  onboarding: MembershipOnboarding;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  languages: string[];
  mentor: { id: string; displayName: string; avatarUrl: string | null } | null;
}

/** Queries of onboarding: memberships with their people, chats to watch, newcomers and mentors. */
export class OnboardingRepository {
  constructor(private readonly db: Db) {}

  private memberQuery() {
    return (
      this.db
        .select({
          userId: memberships.userId,
          role: memberships.role,
          status: memberships.status,
          createdAt: memberships.createdAt,
          charterAcceptedAt: memberships.charterAcceptedAt,
          onboarding: memberships.onboarding,
          displayName: users.displayName,
          avatarUrl: users.avatarUrl,
          bio: users.bio,
          languages: users.languages,
          mentor: { id: mentors.id, displayName: mentors.displayName, avatarUrl: mentors.avatarUrl },
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        // A mentor who left the community or was suspended no longer shows as one.
        .leftJoin(
          mentors,
          and(
            eq(mentors.id, memberships.mentorId),
            sql`exists (select 1 from ${memberships} as guide where guide.user_id = ${memberships.mentorId} and guide.site_id = ${memberships.siteId} and guide.status = 'active')`,
          ),
        )
    );
  }

  async member(siteId: string, userId: string): Promise<Member | undefined> {
    const [row] = await this.memberQuery()
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)))
      .limit(1);
    return row;
  }

  /** Active members who joined since `since`, or whose checklist is not complete yet. */
  async newcomers(siteId: string, since: Date): Promise<Member[]> {
    return this.memberQuery()
      .where(
        and(
          eq(memberships.siteId, siteId),
          eq(memberships.status, 'active'),
          or(gte(memberships.createdAt, since), sql`${memberships.onboarding}->>'completedAt' is null`),
        ),
      )
      .orderBy(desc(memberships.createdAt))
      .limit(200);
  }

  /** The newcomers this member guides (the same window as the managers' list). */
  async mentees(siteId: string, mentorId: string, since: Date): Promise<Member[]> {
    return this.memberQuery()
      .where(
        and(
          eq(memberships.siteId, siteId),
          eq(memberships.mentorId, mentorId),
          eq(memberships.status, 'active'),
          or(gte(memberships.createdAt, since), sql`${memberships.onboarding}->>'completedAt' is null`),
        ),
      )
      .orderBy(desc(memberships.createdAt))
      .limit(50);
  }

  /** Members who can guide someone: active, and past their own onboarding or managers. */
  async mentorCandidates(siteId: string) {
    return this.db
      .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.siteId, siteId),
          eq(memberships.status, 'active'),
          or(sql`${memberships.onboarding}->>'completedAt' is not null`, inArray(memberships.role, ['moderator', 'admin'])),
        ),
      )
      .orderBy(asc(users.displayName));
  }

  /** Chats answered on the site, per person. */
  async answered(siteId: string, userIds: string[]): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    const rows = await this.db
      .select({ id: conversations.helperId, n: count() })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), inArray(conversations.helperId, userIds), isNotNull(conversations.firstResponseAt)))
      .groupBy(conversations.helperId);
    return new Map(rows.map((r) => [r.id!, r.n]));
  }

  /** The last minute each person had the backoffice open on the site. */
  async lastSeen(siteId: string, userIds: string[]): Promise<Map<string, Date>> {
    if (!userIds.length) return new Map();
    const rows = await this.db
      .select({ id: onlineMinutes.userId, at: max(onlineMinutes.minute) })
      .from(onlineMinutes)
      .where(and(eq(onlineMinutes.siteId, siteId), inArray(onlineMinutes.userId, userIds)))
      .groupBy(onlineMinutes.userId);
    return new Map(rows.filter((r) => r.at).map((r) => [r.id, r.at!]));
  }

  async observableCount(siteId: string): Promise<number> {
    const [r] = await this.db.select({ n: count() }).from(conversations).where(observableIn(siteId));
    return r?.n ?? 0;
  }

  /**
   * Answered chats of others worth learning from: well rated first, then the fuller conversations,
   * then the recent ones; one per question (many visitors ask the same). Nothing about the visitor.
   */
  async observableChats(reader: HelperActor, siteId: string, limit: number) {
    const rows = await this.observableRows(reader, siteId, limit * 8);
    const seen = new Set<string>();
    return rows
      .filter((r) => {
        const key = r.question.trim().toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, limit);
  }

  private async observableRows(reader: HelperActor, siteId: string, limit: number) {
    const helper = aliasedTable(users, 'helper');
    return this.db
      .select({
        id: conversations.id,
        question: conversations.question,
        rating: conversations.rating,
        closedAt: conversations.closedAt,
        messages: conversations.lastSeq,
        helper: { id: helper.id, displayName: helper.displayName, avatarUrl: helper.avatarUrl },
      })
      .from(conversations)
      .innerJoin(helper, eq(helper.id, conversations.helperId))
      .where(and(observableBy(reader, siteId), ne(conversations.helperId, reader.userId)))
      .orderBy(sql`(coalesce(${conversations.rating}, 0) >= 4) desc`, desc(conversations.lastSeq), desc(conversations.closedAt))
      .limit(limit);
  }

  /** One chat to watch, under the same rule as the list (`observableBy`): anything else is not found. */
  async observableChat(reader: HelperActor, siteId: string, conversationId: string) {
    const helper = aliasedTable(users, 'helper');
    const [row] = await this.db
      .select({
        id: conversations.id,
        question: conversations.question,
        pageTitle: conversations.pageTitle,
        rating: conversations.rating,
        ratingComment: conversations.ratingComment,
        createdAt: conversations.createdAt,
        closedAt: conversations.closedAt,
        helper: { id: helper.id, displayName: helper.displayName, avatarUrl: helper.avatarUrl },
      })
      .from(conversations)
      .innerJoin(helper, eq(helper.id, conversations.helperId))
      .where(and(observableBy(reader, siteId), eq(conversations.id, conversationId)))
      .limit(1);
    return row;
  }

  async transcript(conversationId: string) {
    return this.db
      .select({
        seq: messages.seq,
        author: messages.authorKind,
        authorName: users.displayName,
        text: messages.text,
        flagged: messages.flagged,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq))
      .limit(500);
  }

  /** Adds a watched chat once, however often it is opened (one statement: two tabs cannot add it twice). */
  async addObserved(siteId: string, userId: string, conversationId: string): Promise<void> {
    const list = sql`coalesce(${memberships.onboarding}->'observed', '[]'::jsonb)`;
    await this.db
      .update(memberships)
      .set({ onboarding: sql`${memberships.onboarding} || jsonb_build_object('observed', ${list} || jsonb_build_array(${conversationId}::text))` })
      .where(
        and(
          eq(memberships.siteId, siteId),
          eq(memberships.userId, userId),
          sql`not (${list} @> jsonb_build_array(${conversationId}::text))`,
          sql`jsonb_array_length(${list}) < ${OBSERVED_KEPT}`,
        ),
      );
  }

  /** Merges dates into the stored progress (never removes a key). */
  async mergeOnboarding(siteId: string, userId: string, patch: Partial<MembershipOnboarding>): Promise<void> {
    await this.db
      .update(memberships)
      .set({ onboarding: sql`${memberships.onboarding} || ${JSON.stringify(patch)}::jsonb` })
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)));
  }

  async acceptCharter(siteId: string, userId: string, at: Date): Promise<void> {
    await this.db
      .update(memberships)
      .set({ charterAcceptedAt: at })
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)));
  }

  /** `tx`: the transaction the audit line is written in. */
  async setMentor(siteId: string, userId: string, mentorId: string | null, tx: Pick<Db, 'update'> = this.db): Promise<void> {
    await tx
      .update(memberships)
      .set({ mentorId })
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)));
  }

  /** Merges keys into the site's settings (and drops `remove`), leaving every other key as another writer left it. */
  async writeSettings(siteId: string, patch: Partial<SiteSettings>, remove: (keyof SiteSettings)[] = []): Promise<void> {
    let value = sql`${sites.settings} || ${JSON.stringify(patch)}::jsonb`;
    for (const key of remove) value = sql`(${value}) - ${key}::text`;
    await this.db.update(sites).set({ settings: value }).where(eq(sites.id, siteId));
  }
}
