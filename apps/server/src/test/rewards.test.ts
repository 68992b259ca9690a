import { describe, expect, it } from 'vitest';
import type { LedgerEntry, Notification, PointsAwarded, Redemption, Reward, RulesPreview, RulesView } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, next, ok, send } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('rewards, grants and the rules managers edit (Postgres)', () => {
  const t = usePostgresServer();

  async function people() {
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    return { mo, ada, siteId: ada.siteId };
  }

  async function grant(mo: Awaited<ReturnType<typeof people>>['mo'], userId: string, points: number, note = 'Thanks!') {
    return ok<{ entry: LedgerEntry; balance: number }>(mo.socket, 'points:adjust', { siteId: mo.siteId, userId, points, note, clientId: clientId() });
  }

  async function reward(mo: Awaited<ReturnType<typeof people>>['mo'], over: Partial<Reward> = {}) {
    const r = await ok<{ reward: Reward }>(mo.socket, 'reward:save', {
      siteId: mo.siteId,
      name: 'Sticker pack',
      description: 'Five stickers',
      cost: 2,
      stock: 3,
      active: true,
      ...over,
    });
    return r.reward;
  }

  it('lets a manager grant points with a reason; the helper sees them live and is notified; a retry writes once', async () => {
    const { mo, ada } = await people();
    const live = next<PointsAwarded>(ada.socket, 'points:awarded');
    const told = next<Notification>(ada.socket, 'notification:created');
    const payload = { siteId: mo.siteId, userId: ada.me.user.id, points: 5, note: 'Welcome gift', clientId: clientId() };
    const first = await ok<{ balance: number }>(mo.socket, 'points:adjust', payload);
    const again = await ok<{ balance: number }>(mo.socket, 'points:adjust', payload);
    expect([first.balance, again.balance]).toEqual([5, 5]);
    expect(await live).toMatchObject({ entries: [{ reason: 'grant', points: 5 }], balance: 5 });
    expect((await told).text).toMatch(/\+5 points from Mo: Welcome gift/);
  });

  it('lists the members of the site, by name and role, for grants and mentions', async () => {
    const { ada } = await people();
    const { members } = await ok<{ members: { displayName: string; role: string }[] }>(ada.socket, 'members:list', { siteId: ada.siteId });
    expect(members.map((m) => `${m.displayName}:${m.role}`).sort()).toEqual(['Ada:helper', 'Al:admin', 'Ben:helper', 'Mo:moderator']);
    expect(JSON.stringify(members)).not.toContain('@');
  });

  it('refuses grants from a helper and towards another site', async () => {
    const { mo, ada } = await people();
    const byHelper = await send(ada.socket, 'points:adjust', { siteId: ada.siteId, userId: ada.me.user.id, points: 100, note: 'me', clientId: clientId() });
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bea = await connectHelper(t.server.url, USERS.helperB1.email);
    const foreign = await send(mo.socket, 'points:adjust', { siteId: mo.siteId, userId: bea.me.user.id, points: 1, note: 'x', clientId: clientId() });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reserves the points at once, refuses what the balance cannot pay, and gives them back when a manager rejects', async () => {
    const { mo, ada } = await people();
    const item = await reward(mo, { name: 'Beanie', cost: 4, stock: 1 });
    const before = (await ok<{ balance: number }>(ada.socket, 'gamification:summary', { siteId: ada.siteId })).balance;
    // The 5 points of the welcome gift above, nothing spent since.
    expect(before).toBe(5);
    const { redemption, balance } = await ok<{ redemption: Redemption; balance: number }>(ada.socket, 'redemption:request', { rewardId: item.id });
    expect([redemption.status, balance]).toEqual(['requested', before - 4]);
    const outOfStock = await send(ada.socket, 'redemption:request', { rewardId: item.id });
    expect(outOfStock).toMatchObject({ ok: false, error: { code: 'invalid_state', message: 'Beanie is out of stock' } });
    const seen = next<Redemption>(ada.socket, 'redemption:updated', (r) => r.status === 'rejected');
    const noReason = await send(mo.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'reject' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await ok(mo.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'reject', message: 'Out of beanies this season' });
    expect((await seen).message).toBe('Out of beanies this season');
    const after = await ok<{ balance: number }>(ada.socket, 'gamification:summary', { siteId: ada.siteId });
    expect(after.balance).toBe(before);
    const again = await send(mo.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'approve' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('spends the same points once when a helper clicks Redeem twice at the same moment', async () => {
    const { mo, ada } = await people();
    const item = await reward(mo, { name: 'Water bottle', cost: 3, stock: null });
    await grant(mo, ada.me.user.id, 7);
    const start = (await ok<{ balance: number }>(ada.socket, 'gamification:summary', { siteId: ada.siteId })).balance;
    const affordable = Math.floor(start / 3);
    // 5 from the welcome gift (the beanie's 4 came back) + 7: four bottles, none left over.
    expect([start, affordable]).toEqual([12, 4]);
    const results = await Promise.all(Array.from({ length: affordable + 2 }, () => send(ada.socket, 'redemption:request', { rewardId: item.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(affordable);
    const end = (await ok<{ balance: number }>(ada.socket, 'gamification:summary', { siteId: ada.siteId })).balance;
    expect(end).toBe(0);
  });

  it('lets managers approve and fulfil with a code the helper reads; helpers cannot decide', async () => {
    const { mo, ada } = await people();
    await grant(mo, ada.me.user.id, 2);
    const item = await reward(mo);
    const { redemption } = await ok<{ redemption: Redemption }>(ada.socket, 'redemption:request', { rewardId: item.id });
    const byHelper = await send(ada.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'approve' });
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await ok(mo.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'approve' });
    await ok(mo.socket, 'redemption:decide', { redemptionId: redemption.id, action: 'fulfil', message: 'Code STICK-42' });
    const mine = await ok<{ redemptions: Redemption[] }>(ada.socket, 'redemption:list', { siteId: ada.siteId, scope: 'mine' });
    expect(mine.redemptions.find((r) => r.id === redemption.id)).toMatchObject({ status: 'fulfilled', message: 'Code STICK-42' });
    expect(await send(ada.socket, 'redemption:list', { siteId: ada.siteId, scope: 'all' })).toMatchObject({ ok: false });
  });

  it('shows helpers only active rewards, managers all of them', async () => {
    const { mo, ada } = await people();
    await reward(mo, { name: 'Retired mug', active: false });
    const forAda = await ok<{ rewards: Reward[] }>(ada.socket, 'reward:list', { siteId: ada.siteId });
    const forMo = await ok<{ rewards: Reward[] }>(mo.socket, 'reward:list', { siteId: mo.siteId });
    expect(forAda.rewards.map((r) => r.name)).not.toContain('Retired mug');
    expect(forMo.rewards.map((r) => r.name)).toContain('Retired mug');
  });

  it('saves rules only for managers and previews them without saving', async () => {
    const { mo, ada } = await people();
    const view = await ok<RulesView>(mo.socket, 'rules:get', { siteId: mo.siteId });
    const proposed = { scoring: { ...view.scoring, pointsPerChat: 10 }, tiers: view.tiers, customBadges: [] };
    const preview = await ok<RulesPreview>(mo.socket, 'rules:preview', { siteId: mo.siteId, rules: proposed });
    expect(Array.isArray(preview.top)).toBe(true);
    expect((await ok<RulesView>(mo.socket, 'rules:get', { siteId: mo.siteId })).scoring.pointsPerChat).toBe(view.scoring.pointsPerChat);
    expect(await send(ada.socket, 'rules:save', { siteId: ada.siteId, rules: proposed })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const custom = { key: 'custom-first-light', name: 'First light', description: 'Answer 3 chats', metric: 'answeredChats', target: 3 };
    const saved = await ok<RulesView>(mo.socket, 'rules:save', { siteId: mo.siteId, rules: { ...proposed, customBadges: [custom] } });
    expect(saved).toMatchObject({ scoring: { pointsPerChat: 10 }, customBadges: [custom] });
  });

  it('exports the ledger as CSV for managers only, safe against spreadsheet formulas', async () => {
    const { mo, ada } = await people();
    await grant(mo, ada.me.user.id, 1, '=HYPERLINK("http://evil.example")');
    const csv = await fetch(`${t.server.url}/api/sites/${mo.siteId}/ledger.csv`, { headers: { cookie: mo.cookie } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('"date","member","points","reason","note","conversation","by"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const byHelper = await fetch(`${t.server.url}/api/sites/${ada.siteId}/ledger.csv`, { headers: { cookie: ada.cookie } });
    expect(byHelper.status).toBe(403);
    const bea = await connectHelper(t.server.url, USERS.helperB1.email);
    const foreign = await fetch(`${t.server.url}/api/sites/${mo.siteId}/ledger.csv`, { headers: { cookie: bea.cookie } });
    expect(foreign.status).toBe(404);
  });
});
