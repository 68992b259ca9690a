import { eq } from 'drizzle-orm';
import {
  cannedAnswers,
  conversationNotes,
  eventAttendees,
  events,
  feedComments,
  feedLikes,
  feedPosts,
  memberships,
  messages,
  missionEvidence,
  missionParticipants,
  missions,
  notifications,
  referralCodes,
  sites,
  users,
  type Db,
} from '@tribu/db';
import type { OnlineMinutes } from './online-minutes.ts';

/** Everything Tribu holds about one person (never the password hash or sessions), for download. */
export async function exportPersonalData(db: Db, minutes: OnlineMinutes, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) return undefined;
  const { passwordHash: _hash, presenceStatus: _status, ...account } = u;
  const [ms, msgs, posts, comments, likes, notes, notes2, canned, perDay] = await Promise.all([
    db
      .select({ siteId: memberships.siteId, siteName: sites.name, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(sites, eq(sites.id, memberships.siteId))
      .where(eq(memberships.userId, userId)),
    db
      .select({ conversationId: messages.conversationId, seq: messages.seq, text: messages.text, createdAt: messages.createdAt })
      .from(messages)
      .where(eq(messages.authorId, userId))
      .orderBy(messages.createdAt),
    db
      .select({ id: feedPosts.id, siteId: feedPosts.siteId, text: feedPosts.text, createdAt: feedPosts.createdAt })
      .from(feedPosts)
      .where(eq(feedPosts.authorId, userId)),
    db
      .select({ id: feedComments.id, postId: feedComments.postId, text: feedComments.text, createdAt: feedComments.createdAt })
      .from(feedComments)
      .where(eq(feedComments.authorId, userId)),
    db.select({ postId: feedLikes.postId, createdAt: feedLikes.createdAt }).from(feedLikes).where(eq(feedLikes.userId, userId)),
    db
      .select({ conversationId: conversationNotes.conversationId, text: conversationNotes.text, createdAt: conversationNotes.createdAt })
      .from(conversationNotes)
      .where(eq(conversationNotes.authorId, userId)),
    db
      .select({ kind: notifications.kind, text: notifications.text, readAt: notifications.readAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.userId, userId)),
    db
      .select({ siteId: cannedAnswers.siteId, shortcut: cannedAnswers.shortcut, text: cannedAnswers.text })
      .from(cannedAnswers)
      .where(eq(cannedAnswers.ownerId, userId)),
    minutes.perDay(userId),
  ]);
  const [joined, evidence] = await Promise.all([
    db
      .select({
        missionId: missions.id,
        title: missions.title,
        state: missionParticipants.state,
        progress: missionParticipants.progress,
        completedAt: missionParticipants.completedAt,
      })
      .from(missionParticipants)
      .innerJoin(missions, eq(missions.id, missionParticipants.missionId))
      .where(eq(missionParticipants.userId, userId)),
    db
      .select({
        missionId: missionEvidence.missionId,
        link: missionEvidence.link,
        text: missionEvidence.text,
        status: missionEvidence.status,
        note: missionEvidence.note,
        createdAt: missionEvidence.createdAt,
      })
      .from(missionEvidence)
      .where(eq(missionEvidence.userId, userId)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account,
    memberships: ms,
    messages: msgs,
    feed: { posts, comments, likes },
    notes,
    notifications: notes2,
    cannedAnswers: canned,
    onlineMinutesPerDay: perDay,
    missions: { joined, evidence },
    // Events answered: a seat or a place in the waiting list, and a product test's answers.
    events: await db
      .select({
        eventId: events.id,
        title: events.title,
        startsAt: events.startsAt,
        state: eventAttendees.state,
        since: eventAttendees.queuedAt,
        seatedAt: eventAttendees.seatedAt,
        answers: eventAttendees.answers,
        feedbackAt: eventAttendees.feedbackAt,
      })
      .from(eventAttendees)
      .innerJoin(events, eq(events.id, eventAttendees.eventId))
      .where(eq(eventAttendees.userId, userId)),
    referralCodes: await db
      .select({ siteId: referralCodes.siteId, code: referralCodes.code, status: referralCodes.status, createdAt: referralCodes.createdAt })
      .from(referralCodes)
      .where(eq(referralCodes.userId, userId)),
  };
}
