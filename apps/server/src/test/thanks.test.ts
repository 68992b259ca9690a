import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, thanksCards } from '@tribu/db';
import type { ThanksWall } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, ok, send, signedInCaller, takenChat } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('the thank-you wall (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  let siteA: string;
  let ada: string;

  beforeAll(async () => {
    siteA = t.server.sites.siteA;
    ada = (await call<{ user: { id: string } }>('helperA1', 'GET', '/api/auth/me')).data.user.id;
  });

  /** Ada answers a chat, the visitor ends it and rates it. */
  async function rated(rating: Record<string, unknown>) {
    const { helper, visitor, conversation } = await takenChat(t.server.url, USERS.helperA1.email, 'Which size for 1.80 m?');
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Take the M.' });
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, ...rating });
    return conversation.id;
  }
  const wall = async (who: keyof typeof USERS, userId = ada) => call<ThanksWall>(who, 'GET', `/api/sites/${siteA}/thanks/${userId}`);

  it('makes a card of a 5★ comment only with the consent, text scrubbed and kept as text', async () => {
    await rated({ rating: 5, comment: 'Lovely help, no consent given' });
    await rated({ rating: 5, comment: 'Lovely help', thank: false });
    await rated({ rating: 3, comment: 'OK I guess', thank: true });
    await rated({ rating: 5, thank: true });
    expect((await wall('helperA2')).data.cards).toEqual([]);

    const id = await rated({ rating: 5, comment: 'Thank you <b>Ada</b>! write me at me@example.com', thank: true });
    const seen = await wall('helperA2');
    expect(seen.status).toBe(200);
    expect(seen.data.cards.map((c) => [c.text, c.rating, c.hidden])).toEqual([['Thank you <b>Ada</b>! write me at [email]', 5, false]]);
    expect(seen.data).toMatchObject({ mine: false, canRemove: false });
    // Nothing about the visitor is kept on the card.
    const [row] = await t.server.db.db.select().from(thanksCards).where(eq(thanksCards.conversationId, id));
    expect(Object.keys(row!).sort()).toEqual([
      'conversationId',
      'createdAt',
      'helperId',
      'hiddenAt',
      'id',
      'rating',
      'removedAt',
      'removedById',
      'siteId',
      'text',
    ]);
  });

  it('lets the helper hide a card and show it again; others never see a hidden card', async () => {
    await rated({ rating: 5, comment: 'Hide me later', thank: true });
    const mine = await wall('helperA1');
    expect(mine.data.mine).toBe(true);
    const card = mine.data.cards.find((c) => c.text === 'Hide me later')!;

    const hid = await call<ThanksWall>('helperA1', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/hide`, { hidden: true });
    expect(hid.status).toBe(200);
    expect(hid.data.cards.find((c) => c.id === card.id)?.hidden).toBe(true);
    expect((await wall('helperA2')).data.cards.map((c) => c.id)).not.toContain(card.id);
    expect((await wall('moderatorA')).data.cards.map((c) => c.id)).not.toContain(card.id);

    // Someone else's card, even a manager's try: "not found".
    expect((await call('helperA2', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/hide`, { hidden: false })).status).toBe(404);
    expect((await call('moderatorA', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/hide`, { hidden: false })).status).toBe(404);

    await call('helperA1', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/hide`, { hidden: false });
    expect((await wall('helperA2')).data.cards.map((c) => c.id)).toContain(card.id);
  });

  it('lets a manager remove a card (audited with the reason); a helper may not; it shows nowhere after', async () => {
    await rated({ rating: 5, comment: 'Remove me', thank: true });
    const card = (await wall('moderatorA')).data.cards.find((c) => c.text === 'Remove me')!;
    expect((await wall('moderatorA')).data.canRemove).toBe(true);
    expect((await call('helperA1', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/remove`, { reason: 'Mine' })).status).toBe(403);
    expect((await call('moderatorA', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/remove`, { reason: 'Off topic' })).status).toBe(204);
    expect((await wall('helperA1')).data.cards.map((c) => c.id)).not.toContain(card.id);
    const audit = await t.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'thanks.remove'));
    expect(audit.map((a) => [a.actorName, a.reason, a.targetId, a.details])).toEqual([['Mo', 'Off topic', ada, { cardId: card.id, characters: 9 }]]);
    // Removing it twice: already gone.
    expect((await call('moderatorA', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/remove`, { reason: 'Again' })).status).toBe(404);
  });

  it("refuses another site's people and cards", async () => {
    expect((await wall('helperB1')).status).toBe(404);
    // Shop-b's helper through shop-a's address, and shop-a's admin asking for shop-b's helper on shop-a.
    const bea = (await call<{ user: { id: string } }>('helperB1', 'GET', '/api/auth/me')).data.user.id;
    expect((await wall('adminA', bea)).status).toBe(404);
    const card = (await wall('helperA1')).data.cards[0]!;
    expect((await call('helperB1', 'POST', `/api/sites/${siteA}/thanks/cards/${card.id}/hide`, { hidden: true })).status).toBe(404);
    expect((await call('adminA', 'POST', `/api/sites/${t.server.sites.siteB}/thanks/cards/${card.id}/remove`, { reason: 'x' })).status).toBe(404);
  });

  it('bounds a card, refuses a consent flag that is not a boolean, and takes the card away when rated again without consent', async () => {
    const { helper, visitor, conversation } = await takenChat(t.server.url, USERS.helperA1.email, 'Long thanks?');
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Sure.' });
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    const bad = await send(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5, comment: 'x', thank: 'yes' });
    expect(bad.ok).toBe(false);
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5, comment: 'merci '.repeat(160), thank: true });
    const [row] = await t.server.db.db.select().from(thanksCards).where(eq(thanksCards.conversationId, conversation.id));
    expect([row!.text.length, row!.text.endsWith('…')]).toEqual([500, true]);
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 2, comment: 'Changed my mind' });
    expect(await t.server.db.db.select().from(thanksCards).where(eq(thanksCards.conversationId, conversation.id))).toEqual([]);
  });

  it("takes a card away with the visitor's words when the visitor erases their data", async () => {
    const { helper, visitor, conversation } = await takenChat(t.server.url, USERS.helperA1.email, 'Erase me later?');
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Sure.' });
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5, comment: 'Forget me, but thanks', thank: true });
    expect((await wall('helperA2')).data.cards.map((c) => c.text)).toContain('Forget me, but thanks');
    const res = await fetch(`${t.server.url}/api/visitor/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN_A },
      body: JSON.stringify({ siteKey: 'shop-a', visitorId: visitor.visitorId, token: visitor.token }),
    });
    expect(res.status).toBe(200);
    expect((await wall('helperA2')).data.cards.map((c) => c.text)).not.toContain('Forget me, but thanks');
    expect(await t.server.db.db.select().from(thanksCards).where(eq(thanksCards.conversationId, conversation.id))).toEqual([]);
  });
});
