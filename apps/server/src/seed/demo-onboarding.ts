import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { conversations, memberships, messages, sites, users, visitors, type Db } from '@tribu/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Person = { id: string; email: string };

const DAY = 86_400_000;
const ago = (days: number, minutes = 0) => new Date(Date.now() - days * DAY + minutes * 60_000);

/** A demo newcomer who joined a few days ago: managers see them on the Newcomers page, with a mentor. */
export const DEMO_NEWCOMER = { email: 'newcomer@demo.tribu', displayName: 'Noé' };

export const DEMO_CHARTER = `We are customers who love Alpine Threads and help other customers choose well. Nobody is paid to answer: we do it because we care about the gear and the people.

Be honest. Say what you know from your own use, say when you don't know, and never promise a refund, a delivery date or a discount: those questions go to the team with "Needs staff".

Be kind and patient, with visitors and with each other. No insults, no pressure to buy, no private contact details asked or given.

Respect privacy. What a visitor tells you stays in the chat.

Help when you feel like it. There are no quotas: step away whenever you need to, and come back when you want.`;

/** Demo helpers' past chats, well rated, for newcomers to watch read-only (helper email, days ago, talk, rating). */
const PAST_CHATS: { helper: string; days: number; locale: string; rating: number | null; comment?: string; talk: [who: 'v' | 'h', text: string][] }[] = [
  {
    helper: 'helper1@demo.tribu',
    days: 3,
    locale: 'en',
    rating: 5,
    comment: 'Exactly what I needed, thanks!',
    talk: [
      ['v', 'Does the Summit Jacket run small? I usually wear a M.'],
      ['h', 'Hi! I wear it every summer on the GR20. It runs true to size, with room for a fleece underneath. In M you will be fine.'],
      ['v', 'Even with a thick fleece?'],
      ['h', 'With a thick fleece the sleeves get a bit short on me (I am 1.80 m). If you have long arms, L is the safer choice.'],
      ['v', 'Great, I will take the L. Thanks!'],
    ],
  },
  {
    helper: 'helper2@demo.tribu',
    days: 5,
    locale: 'en',
    rating: 5,
    talk: [
      ['v', 'Is the merino base layer warm enough for ski touring at -10 °C?'],
      ['h', 'On the way up, yes, even too warm sometimes. On the way down I add a light puffy over it. I have done six winters like this.'],
      ['v', 'Does it smell after a few days?'],
      ['h', 'That is the magic of merino: I wear mine three days in a row in huts and nobody complains.'],
    ],
  },
  {
    helper: 'helper4@demo.tribu',
    days: 8,
    locale: 'en',
    rating: 4,
    talk: [
      ['v', 'Can I return a jacket if the colour does not suit me?'],
      ['h', 'Yes: returns are free within 30 days if it is unworn with the tags on. I returned one last year and the refund came within a week.'],
      ['v', 'Perfect, thank you.'],
    ],
  },
  {
    helper: 'helper5@demo.tribu',
    days: 12,
    locale: 'es',
    rating: 5,
    comment: '¡Muy útil!',
    talk: [
      ['v', '¿Las botas Ridge son impermeables de verdad?'],
      ['h', '¡Sí! Las uso como guía en los Pirineos, con nieve y barro, y mis pies siguen secos. Eso sí, un poco de cera cada mes ayuda.'],
      ['v', 'Genial, gracias.'],
    ],
  },
  {
    helper: 'helper3@demo.tribu',
    days: 20,
    locale: 'en',
    rating: null,
    talk: [
      ['v', 'Which socks for a 30 km trail run?'],
      ['h', 'The Trail Light ones: thin, with a padded heel. I ran the Ecotrail in them without a blister.'],
    ],
  },
];

/**
 * Demo onboarding: a charter, the demo team past their own onboarding (members for months), a
 * newcomer on their way with a mentor, and a few well-rated past chats to watch.
 */
export async function seedDemoOnboarding(tx: Tx, siteId: string, people: Person[], passwordHash: string): Promise<void> {
  const done = ago(180).toISOString();
  await tx
    .update(sites)
    .set({ settings: sql`${sites.settings} || ${JSON.stringify({ charter: DEMO_CHARTER, charterUpdatedAt: done, observeChats: 3 })}::jsonb` })
    .where(eq(sites.id, siteId));
  // The team joined long ago: months apart, each past the checklist and the charter.
  for (const [i, p] of people.entries()) {
    await tx
      .update(memberships)
      .set({ createdAt: ago(400 - i * 30), charterAcceptedAt: ago(180), onboarding: { completedAt: done, dismissedAt: done } })
      .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, p.id)));
  }
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const chatIds: string[] = [];
  for (const chat of PAST_CHATS) chatIds.push(await pastChat(tx, siteId, byEmail.get(chat.helper)!, chat));

  const [noe] = await tx
    .insert(users)
    .values({
      email: DEMO_NEWCOMER.email,
      displayName: DEMO_NEWCOMER.displayName,
      passwordHash,
      bio: 'New here: I sew my own bivvy bags',
      languages: ['fr', 'en'],
    })
    .returning({ id: users.id });
  await tx.insert(memberships).values({
    userId: noe!.id,
    siteId,
    role: 'helper',
    createdAt: ago(4),
    charterAcceptedAt: ago(4),
    mentorId: byEmail.get('helper1@demo.tribu') ?? null,
    onboarding: { observed: chatIds.slice(0, 1), profileCompletedAt: ago(4).toISOString() },
  });
}

async function pastChat(tx: Tx, siteId: string, helperId: string, chat: (typeof PAST_CHATS)[number]): Promise<string> {
  const visitorId = randomUUID();
  const start = ago(chat.days, 0);
  await tx.insert(visitors).values({ id: visitorId, siteId, createdAt: start, lastSeenAt: start });
  const at = (i: number) => new Date(start.getTime() + (i + 1) * 90_000);
  const [row] = await tx
    .insert(conversations)
    .values({
      siteId,
      visitorId,
      status: 'closed',
      helperId,
      question: chat.talk[0]![1],
      locale: chat.locale,
      lastSeq: chat.talk.length,
      visitorReadSeq: chat.talk.length,
      helperReadSeq: chat.talk.length,
      createdAt: start,
      claimedAt: new Date(start.getTime() + 45_000),
      firstResponseAt: at(1),
      closedAt: at(chat.talk.length),
      closedBy: 'helper',
      rating: chat.rating,
      ratingComment: chat.comment ?? null,
    })
    .returning({ id: conversations.id });
  await tx.insert(messages).values(
    chat.talk.map(([who, text], i) => ({
      conversationId: row!.id,
      seq: i + 1,
      authorKind: who === 'v' ? ('visitor' as const) : ('helper' as const),
      authorId: who === 'h' ? helperId : null,
      senderKey: who === 'v' ? `v:${visitorId}` : `u:${helperId}`,
      clientId: `demo-${i + 1}`,
      text,
      createdAt: i === 0 ? start : at(i),
    })),
  );
  return row!.id;
}
