import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { conversations, messages, visitors, type Db } from '@tribu/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Person = { id: string; email: string };

/** Days of past activity the demo starts with, so the managers' Numbers page has a story to tell. */
export const DEMO_HISTORY_DAYS = 61;

/** When each demo member tends to be online (site time), and how often they show up for that slot. */
const HABITS: { email: string; slots: { days: 'week' | 'weekend' | 'all'; from: number; to: number; p: number }[]; stopsDaysAgo?: number }[] = [
  {
    email: 'helper1@demo.tribu',
    slots: [
      { days: 'week', from: 18, to: 22, p: 0.8 },
      { days: 'weekend', from: 10, to: 13, p: 0.6 },
    ],
  },
  {
    email: 'helper2@demo.tribu',
    slots: [
      { days: 'all', from: 7, to: 10, p: 0.7 },
      { days: 'week', from: 12, to: 14, p: 0.6 },
      { days: 'weekend', from: 17, to: 20, p: 0.5 },
    ],
  },
  {
    email: 'helper3@demo.tribu',
    slots: [
      { days: 'all', from: 12, to: 15, p: 0.6 },
      { days: 'all', from: 20, to: 23, p: 0.6 },
    ],
  },
  // Sam has not come back for a while: the dashboard suggests a friendly word.
  {
    email: 'helper4@demo.tribu',
    slots: [
      { days: 'weekend', from: 14, to: 18, p: 0.8 },
      { days: 'week', from: 19, to: 20, p: 0.3 },
    ],
    stopsDaysAgo: 16,
  },
  {
    email: 'helper5@demo.tribu',
    slots: [
      { days: 'week', from: 9, to: 12, p: 0.7 },
      { days: 'all', from: 15, to: 19, p: 0.5 },
    ],
  },
  { email: 'manager@demo.tribu', slots: [{ days: 'week', from: 10, to: 17, p: 0.6 }] },
];

/** Requests an hour brings on a weekday, by hour of the day (weekends bring 30 % more). */
const HOURLY = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 0.9, 0.9, 0.8, 0.7, 0.7, 0.8, 1, 1.3, 1.5, 1.4, 1.1, 0.7, 0.3];

const QUESTIONS: [question: string, answer: string][] = [
  ['Does the Summit Jacket run small?', 'It runs true to size; take your usual size, or one up for a thick fleece underneath.'],
  ['Is the merino base layer itchy?', 'Not at all: it is 17.5 micron merino, soft even on bare skin.'],
  ['How long does delivery to Spain take?', 'Usually 3 to 5 working days; you get a tracking link by email.'],
  ['Can I wash the down vest in a machine?', 'Yes, cold and gentle with a down detergent, then tumble dry low with two tennis balls.'],
  ['Is the Ridge shell waterproof enough for Scotland?', 'I used it a week on the West Highland Way in rain: dry inside. Reproof it once a season.'],
  ['Which socks for a marathon on trails?', 'The Trail Light crew: thin, no seams at the toes. I ran 40 km in them without a blister.'],
  ['Do you ship to Switzerland?', 'Yes; duties are included in the price shown at checkout.'],
  ['Are the gloves warm enough for ski touring?', 'For the climb yes; for the descent I add the liner. Together they handle −15 °C.'],
];

/** A deterministic random stream: the same demo on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - Math.floor(ms / 60_000) * 60_000) / 60_000;
}

/** The instant of a local wall-clock time in the zone (day = UTC midnight of that calendar day). */
const at = (dayMs: number, hour: number, minute: number, timeZone: string) => {
  const guess = dayMs + (hour * 60 + minute) * 60_000;
  return new Date(guess - offsetMinutes(guess, timeZone) * 60_000);
};

/**
 * Two months of plausible life on the demo site: requests following the day's rhythm, helpers online
 * on their habits, answers, ratings, a few misses at night. No points are written: balances,
 * badges and leaderboards start from zero, so a demo chat still earns the first badge.
 */
export async function seedDemoHistory(tx: Tx, siteId: string, people: Person[], timeZone: string, now = new Date()): Promise<void> {
  const rnd = random(20_260_401);
  const idOf = new Map(people.map((p) => [p.email, p.id]));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sessions: { u: string; s: string; m: number }[] = [];
  const online: { id: string; start: number; end: number }[] = [];
  const chats: (typeof conversations.$inferInsert)[] = [];
  const said: (typeof messages.$inferInsert)[] = [];
  const visitorRows: (typeof visitors.$inferInsert)[] = [];

  for (let ago = DEMO_HISTORY_DAYS; ago >= 1; ago--) {
    const day = today - ago * 86_400_000;
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const h of HABITS) {
      const id = idOf.get(h.email);
      if (!id || (h.stopsDaysAgo !== undefined && ago < h.stopsDaysAgo)) continue;
      for (const slot of h.slots) {
        if ((slot.days === 'week' && weekend) || (slot.days === 'weekend' && !weekend) || rnd() > slot.p) continue;
        const start = at(day, slot.from, Math.floor(rnd() * 30), timeZone).getTime();
        const minutes = (slot.to - slot.from) * 60 - Math.floor(rnd() * 40);
        sessions.push({ u: id, s: new Date(start).toISOString(), m: minutes });
        online.push({ id, start, end: start + minutes * 60_000 });
      }
    }
    for (let hour = 0; hour < 24; hour++) {
      const rate = HOURLY[hour]! * (weekend ? 1.3 : 1);
      const n = Math.floor(rate + rnd());
      for (let i = 0; i < n; i++) {
        const created = at(day, hour, Math.floor(rnd() * 60), timeZone);
        const t = created.getTime();
        const here = online.filter((o) => o.start <= t && t < o.end);
        const visitorId = randomUUID();
        const id = randomUUID();
        const [question, answer] = QUESTIONS[Math.floor(rnd() * QUESTIONS.length)]!;
        visitorRows.push({ id: visitorId, siteId, createdAt: created, lastSeenAt: created });
        const roll = rnd();
        if (here.length > 0 && roll < 0.92) {
          const helperId = here[Math.floor(rnd() * here.length)]!.id;
          const firstSec = Math.min(900, 15 + Math.floor(-Math.log(1 - rnd()) * 70));
          const claimed = new Date(t + Math.floor(firstSec * 0.4) * 1000);
          const firstAt = new Date(t + firstSec * 1000);
          const closed = new Date(claimed.getTime() + Math.min(2400, 180 + Math.floor(-Math.log(1 - rnd()) * 420)) * 1000);
          const r = rnd();
          const rating = rnd() < 0.65 ? (r < 0.62 ? 5 : r < 0.86 ? 4 : r < 0.94 ? 3 : r < 0.97 ? 2 : 1) : null;
          chats.push({
            id,
            siteId,
            visitorId,
            status: 'closed',
            helperId,
            question,
            createdAt: created,
            claimedAt: claimed,
            firstResponseAt: firstAt,
            closedAt: closed,
            closedBy: rnd() < 0.6 ? 'helper' : 'visitor',
            rating,
            lastSeq: 3,
            locale: 'en',
          });
          said.push(
            { conversationId: id, seq: 1, authorKind: 'visitor', senderKey: `v:${visitorId}`, clientId: 'h1', text: question, createdAt: created },
            {
              conversationId: id,
              seq: 2,
              authorKind: 'helper',
              authorId: helperId,
              senderKey: `u:${helperId}`,
              clientId: 'h2',
              text: answer,
              createdAt: firstAt,
            },
            {
              conversationId: id,
              seq: 3,
              authorKind: 'visitor',
              senderKey: `v:${visitorId}`,
              clientId: 'h3',
              text: 'Thank you!',
              createdAt: new Date(firstAt.getTime() + 60_000),
            },
          );
        } else {
          // Nobody took it: the visitor gave up, or it was closed unanswered the next day.
          const left = rnd() < (here.length > 0 ? 0.6 : 0.3);
          const closed = new Date(t + (left ? 60 + Math.floor(rnd() * 400) : 86_400) * 1000);
          chats.push({
            id,
            siteId,
            visitorId,
            status: 'closed',
            question,
            createdAt: created,
            closedAt: closed,
            closedBy: left ? 'visitor' : 'system',
            lastSeq: 1,
            locale: 'en',
          });
          said.push({ conversationId: id, seq: 1, authorKind: 'visitor', senderKey: `v:${visitorId}`, clientId: 'h1', text: question, createdAt: created });
        }
      }
    }
  }

  for (let i = 0; i < chats.length; i += 500) {
    await tx.insert(visitors).values(visitorRows.slice(i, i + 500));
    await tx.insert(conversations).values(chats.slice(i, i + 500));
  }
  for (let i = 0; i < said.length; i += 1000) await tx.insert(messages).values(said.slice(i, i + 1000));
  await tx.execute(sql`
    insert into online_minutes (user_id, site_id, minute)
    select x.u, ${siteId}::uuid, generate_series(x.s, x.s + (x.m - 1) * interval '1 minute', interval '1 minute')
    from json_to_recordset(${JSON.stringify(sessions)}::json) as x(u uuid, s timestamptz, m int)
    on conflict do nothing`);
}
