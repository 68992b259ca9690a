import { checkAnswers, joinRefusal, joinRefusalText } from '@tribu/domain';
import { ErrorCode, type CommunityEvent, type EventDetail, type EventFeedbackInput, type EventRsvp, type EventSave } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { hasRoleOn, requireManager, requireMember } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { siteRules } from '../gamification/rules.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { eventView, fileNameOf, readerInAudience, type ReaderAccess } from './event-view.ts';
import { EventsRepository, type EventRow } from './events.repository.ts';
import { eventIcs } from './ics.ts';

/**
 * Events and test panels: managers set them up; helpers who may join take a seat or wait for one
 * (seats move under a lock of the event's row, so the last seat goes to one person); whoever gets a
 * seat from the waiting list is told at once. Nothing nags: joining and leaving are one click.
 */
export class EventsService {
  readonly repo: EventsRepository;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly badges: { checkBadges(siteId: string, userId: string): Promise<void> },
    private readonly publicUrl: string,
    private readonly now = () => new Date(),
  ) {
    this.repo = new EventsRepository(deps.db);
  }

  /** `upcoming`: events not over that the reader may join or answered (cancelled ones only if they answered); `all`: managers. */
  async list(actor: HelperActor, siteId: string, scope: 'upcoming' | 'all'): Promise<CommunityEvent[]> {
    if (scope === 'all') requireManager(actor, siteId);
    else requireMember(actor, siteId);
    const rows = await this.repo.ofSite(siteId, scope === 'upcoming', this.now());
    const ids = rows.map((e) => e.id);
    const [people, invitees, names, reader] = await Promise.all([
      this.repo.attendees(ids),
      this.repo.invitees(ids),
      this.badgeNames(siteId),
      this.readerOf(actor, siteId),
    ]);
    const invitedTo = (id: string) => invitees.filter((i) => i.eventId === id).map((i) => i.userId);
    return rows
      .map((e) => ({
        e,
        view: eventView(
          e,
          people.filter((p) => p.eventId === e.id),
          invitedTo(e.id),
          names,
          reader,
          this.now(),
        ),
      }))
      .filter(({ e, view }) => scope === 'all' || view.me !== null || (e.cancelledAt === null && readerInAudience(e, invitedTo(e.id), reader)))
      .map(({ view }) => view);
  }

  async save(actor: HelperActor, p: EventSave): Promise<CommunityEvent> {
    requireManager(actor, p.siteId);
    const rules = await siteRules(this.deps, p.siteId);
    if (p.rewardBadge !== null && !rules.badges.some((b) => b.key === p.rewardBadge)) throw new AppError(ErrorCode.badRequest, 'No such badge on this site');
    if (p.audience.kind === 'tier' && !rules.tiers.some((t) => t.name === (p.audience as { tier: string }).tier)) {
      throw new AppError(ErrorCode.badRequest, 'No such tier on this site');
    }
    let invitees: string[] = [];
    if (p.audience.kind === 'picked') {
      invitees = await this.repo.activeMembers(p.siteId, [...new Set(p.audience.userIds)]);
      if (invitees.length !== new Set(p.audience.userIds).size) throw new AppError(ErrorCode.badRequest, 'Pick members of this site only');
    }
    const productTest = p.kind === 'product_test';
    const values = {
      siteId: p.siteId,
      kind: p.kind,
      title: p.title,
      description: p.description,
      startsAt: new Date(p.startsAt),
      endsAt: new Date(p.endsAt),
      place: p.place,
      link: p.link,
      capacity: p.capacity,
      audience: p.audience.kind,
      minTier: p.audience.kind === 'tier' ? p.audience.tier : null,
      // A guide, check-ins and a form belong to product tests only.
      guide: productTest ? p.guide : '',
      checkIns: productTest ? [...p.checkIns].sort((a, b) => a.on.localeCompare(b.on)) : [],
      questions: productTest ? p.questions : [],
      rewardBadge: productTest ? p.rewardBadge : null,
    };
    let row: EventRow;
    let invitedBefore: string[] = [];
    if (p.eventId) {
      const before = await this.repo.event(p.eventId);
      if (before?.siteId !== p.siteId) throw notFound('Event');
      if (before.cancelledAt) throw new AppError(ErrorCode.invalidState, 'This event was cancelled');
      invitedBefore = before.audience === 'picked' ? (await this.repo.invitees([before.id])).map((i) => i.userId) : [];
      row = await this.repo.save(before.id, values, invitees);
      // More seats (or no limit any more): the first waiting get them.
      await this.tellSeated(row, await this.repo.fill(row.id, this.now()));
    } else {
      row = await this.repo.save(undefined, { ...values, createdById: actor.userId }, invitees);
    }
    // Hand-picked people would not know otherwise: each newly picked one is told once (never the others).
    for (const userId of invitees.filter((id) => !invitedBefore.includes(id) && id !== actor.userId)) {
      await this.deps.notifications.notify({
        userId,
        siteId: row.siteId,
        kind: 'event',
        actorId: actor.userId,
        text: `You are invited to “${row.title}”`,
        link: { eventId: row.id },
      });
    }
    this.deps.notify.eventsChanged(row.siteId, row.id);
    return this.viewOne(row, actor);
  }

  /** Cancels the event; everyone who answered is told (bell), and their calendars get STATUS:CANCELLED. */
  async cancel(actor: HelperActor, eventId: string): Promise<CommunityEvent> {
    const e = await this.managed(actor, eventId);
    const row = await this.repo.cancel(e.id, this.now());
    if (!row) throw new AppError(ErrorCode.invalidState, 'Already cancelled');
    for (const a of await this.repo.attendees([row.id])) {
      if (a.userId === actor.userId) continue;
      await this.deps.notifications.notify({
        userId: a.userId,
        siteId: row.siteId,
        kind: 'event',
        actorId: actor.userId,
        text: `“${row.title}” was cancelled`,
        link: { eventId: row.id },
      });
    }
    this.deps.notify.eventsChanged(row.siteId, row.id);
    return this.viewOne(row, actor);
  }

  async detail(actor: HelperActor, eventId: string): Promise<EventDetail> {
    const e = await this.managed(actor, eventId);
    const [people, invitees, names, reader] = await Promise.all([
      this.repo.attendees([e.id]),
      this.repo.invitees([e.id]),
      this.badgeNames(e.siteId),
      this.readerOf(actor, e.siteId),
    ]);
    let position = 0;
    return {
      event: eventView(
        e,
        people,
        invitees.map((i) => i.userId),
        names,
        reader,
        this.now(),
      ),
      timeZone: (await siteRules(this.deps, e.siteId)).timeZone,
      attendees: people.map((a) => ({
        userId: a.userId,
        displayName: a.displayName,
        state: a.state,
        position: a.state === 'waiting' ? ++position : null,
        since: (a.seatedAt ?? a.queuedAt).toISOString(),
        feedbackAt: a.feedbackAt?.toISOString() ?? null,
        answers: a.answers,
      })),
    };
  }

  /** Takes a seat or a place in the waiting list; leaving hands the seat to the first waiting. */
  async rsvp(actor: HelperActor, p: EventRsvp): Promise<CommunityEvent> {
    const e = await this.visible(actor, p.eventId);
    if (p.response === 'join') {
      const refusal = await this.refusal(actor, e);
      if (refusal)
        throw new AppError(refusal === 'not_invited' || refusal === 'below_tier' ? ErrorCode.forbidden : ErrorCode.invalidState, joinRefusalText[refusal]);
      const { created } = await this.repo.join(e.id, actor.userId, this.now());
      if (created) this.deps.notify.eventsChanged(e.siteId, e.id);
    } else {
      if (e.endsAt <= this.now()) throw new AppError(ErrorCode.invalidState, 'This event is over');
      const { left, seated } = await this.repo.leave(e.id, actor.userId, this.now());
      if (left) {
        await this.tellSeated(e, seated);
        this.deps.notify.eventsChanged(e.siteId, e.id);
      }
    }
    return this.viewOne(e, actor);
  }

  /** A tester's answers (sent again to correct them); the first ones give the event's badge, once. */
  async feedback(actor: HelperActor, p: EventFeedbackInput): Promise<CommunityEvent> {
    const e = await this.visible(actor, p.eventId);
    if (e.kind !== 'product_test' || e.questions.length === 0) throw new AppError(ErrorCode.invalidState, 'This event has no feedback form');
    if (e.cancelledAt) throw new AppError(ErrorCode.invalidState, 'This event was cancelled');
    const mine = (await this.repo.attendees([e.id])).find((a) => a.userId === actor.userId);
    if (mine?.state !== 'going') throw new AppError(ErrorCode.invalidState, 'Only testers with a seat send feedback');
    const checked = checkAnswers(e.questions, p.answers);
    if ('error' in checked) throw new AppError(ErrorCode.badRequest, checked.error);
    await this.repo.saveFeedback(e.id, actor.userId, checked.answers, this.now());
    if (e.rewardBadge) await this.awardBadge(e, e.rewardBadge, actor.userId);
    this.deps.notify.eventsChanged(e.siteId, e.id);
    return this.viewOne(e, actor);
  }

  /** The site's time zone (events are shown in it); asked after `list`, which checked the reader's rights. */
  async timeZone(siteId: string): Promise<string> {
    return (await siteRules(this.deps, siteId)).timeZone;
  }

  /** The event's `.ics`, for anyone who may see it. */
  async ics(actor: HelperActor, eventId: string): Promise<{ filename: string; body: string }> {
    const e = await this.visible(actor, eventId);
    if (!(await this.mayRead(actor, e))) throw notFound('Event');
    return { filename: `${fileNameOf(e.title)}.ics`, body: this.icsOf(e) };
  }

  icsOf(e: EventRow): string {
    return eventIcs(
      {
        id: e.id,
        title: e.title,
        description: e.description,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        place: e.place,
        link: e.link,
        sequence: e.sequence,
        cancelled: e.cancelledAt !== null,
        updatedAt: e.updatedAt,
      },
      new URL(this.publicUrl).hostname,
    );
  }

  /** Managers: one row per tester (a seat), with each question's answer; the header names the questions. */
  async feedbackRows(actor: HelperActor, eventId: string): Promise<{ event: EventRow; rows: (string | null)[][] }> {
    const e = await this.managed(actor, eventId);
    const testers = (await this.repo.attendees([e.id])).filter((a) => a.state === 'going');
    const rows: (string | null)[][] = [
      ['Tester', 'Feedback sent (UTC)', ...e.questions.map((q) => q.label)],
      ...testers.map((t) => [t.displayName, t.feedbackAt?.toISOString() ?? '', ...e.questions.map((q) => t.answers?.[q.id] ?? '')]),
    ];
    return { event: e, rows };
  }

  // ---------- telling ----------

  private async tellSeated(e: EventRow, userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      await this.deps.notifications.notify({
        userId,
        siteId: e.siteId,
        kind: 'event',
        actorId: null,
        text: `A seat freed up: you are going to “${e.title}”`,
        link: { eventId: e.id },
      });
    }
  }

  private async awardBadge(e: EventRow, key: string, userId: string): Promise<void> {
    if (await this.repo.awardBadge(e.siteId, userId, key)) {
      const badge = (await siteRules(this.deps, e.siteId)).badges.find((b) => b.key === key);
      this.deps.notify.badgeEarned(userId, { siteId: e.siteId, badge: { key, name: badge?.name ?? key, description: badge?.description ?? e.title } });
    }
    await this.badges.checkBadges(e.siteId, userId);
  }

  // ---------- reading ----------

  private async readerOf(actor: HelperActor, siteId: string): Promise<ReaderAccess> {
    const [rules, points] = await Promise.all([siteRules(this.deps, siteId), this.repo.lifetimePoints(siteId, actor.userId)]);
    return { userId: actor.userId, manager: hasRoleOn(actor, siteId, 'moderator'), tiers: rules.tiers, points };
  }

  private async refusal(actor: HelperActor, e: EventRow) {
    const reader = await this.readerOf(actor, e.siteId);
    const invited = e.audience === 'picked' && (await this.repo.invitees([e.id])).some((i) => i.userId === actor.userId);
    return joinRefusal({ ...e, invited, manager: reader.manager, lifetimePoints: reader.points, tiers: reader.tiers, now: this.now() });
  }

  /** The read rule of one event: managers, whoever answered it, and its audience while not cancelled (the list applies the same). */
  private async mayRead(actor: HelperActor, e: EventRow): Promise<boolean> {
    const reader = await this.readerOf(actor, e.siteId);
    if (reader.manager) return true;
    if ((await this.repo.attendees([e.id])).some((a) => a.userId === actor.userId)) return true;
    if (e.cancelledAt) return false;
    return readerInAudience(
      e,
      (await this.repo.invitees([e.id])).map((i) => i.userId),
      reader,
    );
  }

  /** An event of a site the actor belongs to; others' answer like missing ones. */
  private async visible(actor: HelperActor, eventId: string): Promise<EventRow> {
    const e = await this.repo.event(eventId);
    if (!e) throw notFound('Event');
    requireMember(actor, e.siteId, 'Event');
    return e;
  }

  private async managed(actor: HelperActor, eventId: string): Promise<EventRow> {
    const e = await this.repo.event(eventId);
    if (!e) throw notFound('Event');
    requireManager(actor, e.siteId, 'Event');
    return e;
  }

  private async badgeNames(siteId: string): Promise<Map<string, string>> {
    return new Map((await siteRules(this.deps, siteId)).badges.map((b) => [b.key, b.name]));
  }

  private async viewOne(e: EventRow, actor: HelperActor): Promise<CommunityEvent> {
    const fresh = (await this.repo.event(e.id)) ?? e;
    const [people, invitees, names, reader] = await Promise.all([
      this.repo.attendees([e.id]),
      this.repo.invitees([e.id]),
      this.badgeNames(e.siteId),
      this.readerOf(actor, e.siteId),
    ]);
    return eventView(
      fresh,
      people,
      invitees.map((i) => i.userId),
      names,
      reader,
      this.now(),
    );
  }
}
