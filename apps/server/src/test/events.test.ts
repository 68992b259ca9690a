import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { badgeAwards, eventAttendees, eventReminders, notifications, pointsLedger, sites } from '@tribu/db';
import type { BadgeEarned, CommunityEvent, EventDetail, EventSave, Notification } from '@tribu/protocol';
import { startSecondNode, usePostgresServer } from './support/app.ts';
import { connectHelper, next, ok, send, signedInCaller, type HelperSocket } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BADGE = { key: 'custom-tester', name: 'Tester', description: 'Took part in a product test', metric: 'mentoredNewcomers', target: 100_000 };
const FROM = 'Tribu <no-reply@tribu.test>';

const event = (siteId: string, over: Partial<EventSave> = {}): EventSave => ({
  siteId,
  kind: 'meetup',
  title: 'Spring meetup',
  description: 'Coffee and jackets.',
  startsAt: new Date(Date.now() + 10 * DAY).toISOString(),
  endsAt: new Date(Date.now() + 10 * DAY + 2 * HOUR).toISOString(),
  place: '12 rue de la Paix, Paris',
  link: '',
  capacity: null,
  audience: { kind: 'everyone' },
  guide: '',
  checkIns: [],
  questions: [],
  rewardBadge: null,
  ...over,
});

describe.skipIf(!hasPostgres)('events and test panels (Postgres, real SMTP)', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: FROM }) });
  const call = signedInCaller(() => t.server.url);
  let siteId: string;
  let mo: HelperSocket;
  let ada: HelperSocket;
  let ben: HelperSocket;
  let adaId: string;
  let benId: string;

  beforeAll(async () => {
    siteId = t.server.sites.siteA;
    await t.server.db.db
      .update(sites)
      .set({
        settings: {
          chatCap: 2,
          timeZone: 'Europe/Paris',
          customBadges: [BADGE],
          tiers: [
            { name: 'Newcomer', min: 0 },
            { name: 'Regular', min: 50 },
          ],
        },
      })
      .where(eq(sites.id, siteId));
    mo = (await connectHelper(t.server.url, USERS.moderatorA.email)).socket;
    const a = await connectHelper(t.server.url, USERS.helperA1.email);
    const b = await connectHelper(t.server.url, USERS.helperA2.email);
    ada = a.socket;
    ben = b.socket;
    adaId = a.me.user.id;
    benId = b.me.user.id;
  });

  const save = async (over: Partial<EventSave> = {}) => (await ok<{ event: CommunityEvent }>(mo, 'event:save', event(siteId, over))).event;
  const rsvp = (s: HelperSocket, eventId: string, response: 'join' | 'leave') => ok<{ event: CommunityEvent }>(s, 'event:rsvp', { eventId, response });
  const seats = async (eventId: string) =>
    (await t.server.db.db.select().from(eventAttendees).where(eq(eventAttendees.eventId, eventId))).map((r) => [r.userId, r.state]).sort();

  it('gives the last seat to one of two helpers asking at the same moment; the other waits (five times over)', async () => {
    for (let round = 0; round < 5; round++) {
      const e = await save({ title: `Small table ${round}`, capacity: 1 });
      const [a, b] = await Promise.all([rsvp(ada, e.id, 'join'), rsvp(ben, e.id, 'join')]);
      expect([a.event.me?.state, b.event.me?.state].sort()).toEqual(['going', 'waiting']);
      const rows = await seats(e.id);
      expect(rows.map((r) => r[1]).sort()).toEqual(['going', 'waiting']);
      const { attendees } = await ok<EventDetail>(mo, 'event:detail', { eventId: e.id });
      expect(attendees.map((x) => [x.state, x.position])).toEqual([
        ['going', null],
        ['waiting', 1],
      ]);
    }
  });

  it('hands a freed seat to the first of the waiting list, who hears it on the bell and sees it live', async () => {
    const e = await save({ title: 'Workshop, “sizes”', capacity: 1 });
    expect((await rsvp(ada, e.id, 'join')).event).toMatchObject({ going: 1, waiting: 0, me: { state: 'going', position: null } });
    expect((await rsvp(ben, e.id, 'join')).event).toMatchObject({ going: 1, waiting: 1, me: { state: 'waiting', position: 1 } });
    // A second RSVP changes nothing.
    expect((await rsvp(ben, e.id, 'join')).event).toMatchObject({ going: 1, waiting: 1, me: { state: 'waiting', position: 1 } });

    const bell = next<Notification>(ben, 'notification:created', (n) => n.kind === 'event');
    const changed = next<{ siteId: string; eventId: string }>(ben, 'events:changed', (p) => p.eventId === e.id);
    const left = await rsvp(ada, e.id, 'leave');
    expect(left.event).toMatchObject({ going: 1, waiting: 0, me: null });
    expect(await changed).toEqual({ siteId, eventId: e.id });
    const n = await bell;
    expect([n.text, n.link, n.siteId]).toEqual(['A seat freed up: you are going to “Workshop, “sizes””', { eventId: e.id }, siteId]);
    expect(await seats(e.id)).toEqual([[benId, 'going']]);
    const { events } = await ok<{ events: CommunityEvent[] }>(ben, 'event:list', { siteId, scope: 'upcoming' });
    expect(events.find((x) => x.id === e.id)?.me).toEqual({ state: 'going', position: null, feedbackAt: null, answers: null });
  });

  it('gives new seats to the waiting list when the manager raises the capacity', async () => {
    const e = await save({ title: 'Raised', capacity: 1 });
    await rsvp(ada, e.id, 'join');
    await rsvp(ben, e.id, 'join');
    const bell = next<Notification>(ben, 'notification:created', (n) => n.link.eventId === e.id);
    await ok(mo, 'event:save', event(siteId, { eventId: e.id, title: 'Raised', capacity: 2 }));
    expect((await bell).text).toBe('A seat freed up: you are going to “Raised”');
    expect(await seats(e.id)).toEqual(
      [
        [adaId, 'going'],
        [benId, 'going'],
      ].sort(),
    );
  });

  it('lets only the audience join: a tier and above, or hand-picked people; others neither see nor join it', async () => {
    await t.server.db.db.insert(pointsLedger).values({ siteId, userId: adaId, points: 60, reason: 'grant', idempotencyKey: `events-test-${adaId}` });
    const tier = await save({ title: 'Regulars only', audience: { kind: 'tier', tier: 'Regular' } });
    const invited = next<Notification>(ben, 'notification:created', (n) => n.text === 'You are invited to “Hand-picked”');
    const picked = await save({ title: 'Hand-picked', audience: { kind: 'picked', userIds: [benId] } });
    expect((await invited).link).toEqual({ eventId: picked.id });
    // Saved again with the same people: nobody is told twice.
    await ok(mo, 'event:save', event(siteId, { eventId: picked.id, title: 'Hand-picked', audience: { kind: 'picked', userIds: [benId] } }));
    const told = await t.server.db.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, benId), eq(notifications.text, 'You are invited to “Hand-picked”')));
    expect(told.length).toBe(1);
    expect((await rsvp(ada, tier.id, 'join')).event.me?.state).toBe('going');
    expect(await send(ben, 'event:rsvp', { eventId: tier.id, response: 'join' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This event is for a higher tier' },
    });
    expect(await send(ada, 'event:rsvp', { eventId: picked.id, response: 'join' })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This event is for invited people' },
    });
    expect((await rsvp(ben, picked.id, 'join')).event.me?.state).toBe('going');
    const titles = async (s: HelperSocket) =>
      (await ok<{ events: CommunityEvent[] }>(s, 'event:list', { siteId, scope: 'upcoming' })).events
        .map((x) => x.title)
        .filter((x) => x === 'Regulars only' || x === 'Hand-picked');
    expect(await titles(ada)).toEqual(['Regulars only']);
    expect(await titles(ben)).toEqual(['Hand-picked']);
    // Helpers never learn who else was picked; the manager does.
    const benView = (await ok<{ events: CommunityEvent[] }>(ben, 'event:list', { siteId, scope: 'upcoming' })).events.find((x) => x.id === picked.id);
    expect(benView?.audience).toEqual({ kind: 'picked', userIds: [] });
    expect((await ok<EventDetail>(mo, 'event:detail', { eventId: picked.id })).event.audience).toEqual({ kind: 'picked', userIds: [benId] });
    // Not in the audience: the .ics answers like a missing event.
    expect((await call('helperA1', 'GET', `/api/events/${picked.id}/event.ics`)).status).toBe(404);
    expect(await send(mo, 'event:save', event(siteId, { audience: { kind: 'tier', tier: 'Gold' } }))).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'No such tier on this site' },
    });
  });

  it('serves the event as an RFC 5545 .ics in UTC with escaped text and a stable UID; another site finds nothing', async () => {
    const e = await save({
      title: 'Meetup, Paris; spring',
      description: 'Bring a friend.\nCoffee first',
      startsAt: '2027-03-20T18:00:00+01:00',
      endsAt: '2027-03-20T20:30:00+01:00',
      link: 'https://meet.example/spring',
    });
    const res = await call('helperA2', 'GET', `/api/events/${e.id}/event.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="meetup-paris-spring.ics"');
    const lines = res.text.split('\r\n');
    expect(lines.slice(0, 13)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tribu//Community events//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      // The test server's PUBLIC_URL is http://localhost:0: the UID names its host.
      `UID:event-${e.id}@localhost`,
      lines[7]!,
      'DTSTART:20270320T170000Z',
      'DTEND:20270320T193000Z',
      'SEQUENCE:0',
      'STATUS:CONFIRMED',
      'SUMMARY:Meetup\\, Paris\\; spring',
    ]);
    expect(lines[7]).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines.slice(13)).toEqual([
      'DESCRIPTION:Bring a friend.\\nCoffee first',
      'LOCATION:12 rue de la Paix\\, Paris',
      'URL:https://meet.example/spring',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    // An edit keeps the UID and raises the SEQUENCE, so calendars update their copy.
    await ok(
      mo,
      'event:save',
      event(siteId, { eventId: e.id, title: 'Meetup, Paris; spring', startsAt: '2027-03-20T18:00:00+01:00', endsAt: '2027-03-20T21:00:00+01:00' }),
    );
    const again = (await call('helperA2', 'GET', `/api/events/${e.id}/event.ics`)).text.split('\r\n');
    expect([again[6], again[9], again[10]]).toEqual([lines[6], 'DTEND:20270320T200000Z', 'SEQUENCE:1']);
    expect((await call('helperB1', 'GET', `/api/events/${e.id}/event.ics`)).status).toBe(404);
  });

  it('runs a product test: guide for testers, answers checked, the badge once, the feedback as exact CSV', async () => {
    const e = await save({
      kind: 'product_test',
      title: 'Rain jacket test',
      capacity: 2,
      guide: 'Wear it on three rainy days.',
      checkIns: [
        { on: '2027-01-20', label: 'Second week' },
        { on: '2027-01-13', label: 'First week' },
      ],
      questions: [
        { id: 'dry', label: 'Did you stay dry?', kind: 'yesno' },
        { id: 'fit', label: 'Fit, from 1 to 5', kind: 'rating' },
        { id: 'notes', label: 'Anything else?', kind: 'text' },
      ],
      rewardBadge: BADGE.key,
    });
    expect(e.checkIns.map((c) => c.on)).toEqual(['2027-01-13', '2027-01-20']);
    const seen = (await ok<{ events: CommunityEvent[] }>(ada, 'event:list', { siteId, scope: 'upcoming' })).events.find((x) => x.id === e.id)!;
    expect(seen.guide).toBe('');
    const joined = await rsvp(ada, e.id, 'join');
    expect(joined.event.guide).toBe('Wear it on three rainy days.');
    await rsvp(ben, e.id, 'join');

    expect(await send(ada, 'event:feedback', { eventId: e.id, answers: { dry: 'yes', fit: '9' } })).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Rate “Fit, from 1 to 5” from 1 to 5' },
    });
    const badge = next<BadgeEarned>(ada, 'badge:earned', (b) => b.badge.key === BADGE.key);
    const sent = await ok<{ event: CommunityEvent }>(ada, 'event:feedback', {
      eventId: e.id,
      answers: { dry: 'yes', fit: '4', notes: '=SUM(A1); hood is, "great"' },
    });
    expect(sent.event.me?.answers).toEqual({ dry: 'yes', fit: '4', notes: '=SUM(A1); hood is, "great"' });
    expect((await badge).badge).toEqual({ key: BADGE.key, name: 'Tester', description: 'Took part in a product test' });
    // Corrected later: kept, and the badge is not given twice.
    await ok(ada, 'event:feedback', { eventId: e.id, answers: { dry: 'no', fit: '3', notes: '=SUM(A1); hood is, "great"' } });
    const awards = await t.server.db.db
      .select()
      .from(badgeAwards)
      .where(and(eq(badgeAwards.userId, adaId), eq(badgeAwards.badgeKey, BADGE.key)));
    expect(awards.length).toBe(1);

    const csv = await call('moderatorA', 'GET', `/api/events/${e.id}/feedback.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [row] = await t.server.db.db
      .select({ at: eventAttendees.feedbackAt })
      .from(eventAttendees)
      .where(and(eq(eventAttendees.eventId, e.id), eq(eventAttendees.userId, adaId)));
    expect(csv.text).toBe(
      [
        '"Tester","Feedback sent (UTC)","Did you stay dry?","Fit, from 1 to 5","Anything else?"',
        `"Ada","${row!.at!.toISOString()}","no","3","'=SUM(A1); hood is, ""great"""`,
        '"Ben","","","",""',
        '',
      ].join('\r\n'),
    );
    expect((await call('helperA1', 'GET', `/api/events/${e.id}/feedback.csv`)).status).toBe(403);
    // Ada's own download holds her seat and her answers.
    const mine = await call<{ events: { eventId: string; state: string; answers: Record<string, string> | null }[] }>('helperA1', 'GET', '/api/profile/export');
    expect(mine.data.events.find((x) => x.eventId === e.id)).toMatchObject({
      state: 'going',
      answers: { dry: 'no', fit: '3', notes: '=SUM(A1); hood is, "great"' },
    });
  });

  it('tells everyone who answered when the manager cancels, and takes no more answers', async () => {
    const e = await save({ title: 'Autumn walk' });
    await rsvp(ada, e.id, 'join');
    const bell = next<Notification>(ada, 'notification:created', (n) => n.link.eventId === e.id);
    const cancelled = await ok<{ event: CommunityEvent }>(mo, 'event:cancel', { eventId: e.id });
    expect(cancelled.event.cancelledAt).not.toBeNull();
    expect((await bell).text).toBe('“Autumn walk” was cancelled');
    expect(await send(ben, 'event:rsvp', { eventId: e.id, response: 'join' })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This event was cancelled' },
    });
    const ics = await call('helperA1', 'GET', `/api/events/${e.id}/event.ics`);
    expect(ics.text).toContain('\r\nSTATUS:CANCELLED\r\nSUMMARY:Autumn walk\r\n');
  });

  it('mails the reminder the day before with the .ics once per person, even when two nodes sweep at once', async () => {
    const e = await save({
      title: 'Webinar: care tips',
      kind: 'webinar',
      place: '',
      link: 'https://meet.example/care',
      capacity: 1,
      startsAt: new Date(Date.now() + 20 * HOUR).toISOString(),
      endsAt: new Date(Date.now() + 21 * HOUR).toISOString(),
    });
    const later = await save({
      title: 'Next week',
      startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 7 * DAY + HOUR).toISOString(),
    });
    await rsvp(ada, e.id, 'join');
    await rsvp(ben, e.id, 'join'); // waiting: no reminder
    await rsvp(ada, later.id, 'join'); // not tomorrow: no reminder yet
    const second = await startSecondNode(t.server);
    try {
      await Promise.all([t.server.sweep(), second.sweep(), t.server.sweep(), second.sweep()]);
      await t.server.sweep();
    } finally {
      await second.close();
    }
    const reminders = inbox.mails.filter((m) => m.subject?.startsWith('Tomorrow:'));
    expect(reminders.map((m) => [m.subject, (Array.isArray(m.to) ? m.to[0] : m.to)?.text])).toEqual([['Tomorrow: Webinar: care tips', USERS.helperA1.email]]);
    const mail = reminders[0]!;
    expect(mail.from?.value[0]?.address).toBe('no-reply@tribu.test');
    expect(mail.text).toContain('Hello Ada,');
    expect(mail.text).toContain('the webinar “Webinar: care tips” is tomorrow');
    expect(mail.text).toContain('(Europe/Paris)');
    expect(mail.text).toContain('Link: https://meet.example/care');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([['event.ics', 'text/calendar']]);
    const ics = mail.attachments[0]!.content.toString('utf8');
    expect(ics).toContain(`\r\nUID:event-${e.id}@`);
    expect(ics).toContain(
      `\r\nDTSTART:${new Date(e.startsAt)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}\r\n`,
    );
    expect(ics).toContain('\r\nSUMMARY:Webinar: care tips\r\n');
    const claims = await t.server.db.db.select().from(eventReminders).where(eq(eventReminders.eventId, e.id));
    expect(claims.map((c) => [c.userId, c.sentAt !== null])).toEqual([[adaId, true]]);
  });

  it('sends a reminder whose claim was left unsent (its node stopped) once it is ten minutes old, and not before', async () => {
    const soon = { startsAt: new Date(Date.now() + 5 * HOUR).toISOString(), endsAt: new Date(Date.now() + 6 * HOUR).toISOString() };
    const stale = await save({ title: 'Left mid-way', ...soon });
    const fresh = await save({ title: 'Being sent', ...soon });
    await rsvp(ben, stale.id, 'join');
    await rsvp(ben, fresh.id, 'join');
    await t.server.db.db.insert(eventReminders).values([
      { eventId: stale.id, userId: benId, claimedAt: new Date(Date.now() - 11 * 60_000) },
      { eventId: fresh.id, userId: benId, claimedAt: new Date(Date.now() - 60_000) },
    ]);
    const second = await startSecondNode(t.server);
    try {
      await Promise.all([t.server.sweep(), second.sweep()]);
    } finally {
      await second.close();
    }
    const toBen = inbox.mails.filter((m) => m.subject?.startsWith('Tomorrow:') && JSON.stringify(m.to).includes(USERS.helperA2.email));
    expect(toBen.map((m) => m.subject)).toEqual(['Tomorrow: Left mid-way']);
  });
});
