import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, type CannedAnswer, type CharterView, type FeedPost, type NewcomersView, type Reward } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, login, next, ok, send } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/**
 * Site content stays the site's: managers write the charter, canned answers, announcements and rewards
 * per language; each helper reads the version in their language (profile, else browser), else the
 * default text. Shop A's default language is English and it offers all three.
 */
describe.skipIf(!hasPostgres)('site content per language (Postgres)', () => {
  const t = usePostgresServer();

  /** An HTTP caller signed in as a fixture person, with an optional Accept-Language. */
  async function caller(email: string) {
    const base = t.server.url;
    const { cookie, me } = await login(base, email);
    const call = async <T>(method: string, path: string, body?: unknown, language?: string) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          origin: new URL(base).origin,
          [CSRF_HEADER]: me.csrfToken,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(language ? { 'accept-language': language } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json().catch(() => undefined)) as T };
    };
    return { call, me, siteId: me.memberships[0]!.siteId };
  }

  /** Mo manages; Ada reads French (profile), Ben Spanish (profile) — the site has no Spanish versions. */
  async function people() {
    const mo = await caller(USERS.moderatorA.email);
    const ada = await caller(USERS.helperA1.email);
    const ben = await caller(USERS.helperA2.email);
    expect((await ada.call('PATCH', '/api/profile', { locale: 'fr' })).status).toBe(200);
    expect((await ben.call('PATCH', '/api/profile', { locale: 'es' })).status).toBe(200);
    return { mo, ada, ben, siteId: mo.siteId };
  }

  it('shows the charter in the reader’s language, else the default; a manager edits every version, a helper none', async () => {
    const { mo, ada, ben, siteId } = await people();
    const url = `/api/sites/${siteId}/charter`;
    const saved = await mo.call<CharterView>('PUT', url, { text: 'Be kind.', translations: { fr: { text: 'Sois bienveillant.' }, es: { text: '  ' } } });
    expect(saved.status).toBe(200);
    expect(saved.body.versions).toEqual({ text: 'Be kind.', translations: { fr: { text: 'Sois bienveillant.' } } });
    expect((await ada.call<CharterView>('GET', url)).body).toMatchObject({ text: 'Sois bienveillant.' });
    expect((await ada.call<CharterView>('GET', url)).body.versions).toBeUndefined();
    expect((await ben.call<CharterView>('GET', url)).body.text).toBe('Be kind.');
    // Without a profile language, the browser's first language the site offers.
    expect((await mo.call<CharterView>('GET', url, undefined, 'de, fr;q=0.8')).body.text).toBe('Sois bienveillant.');
    expect((await mo.call<CharterView>('GET', url, undefined, 'de')).body.text).toBe('Be kind.');

    // Changing only a translation keeps the version members accepted.
    const before = saved.body.updatedAt;
    const again = await mo.call<CharterView>('PUT', url, { text: 'Be kind.', translations: { fr: { text: 'Sois bienveillant·e.' } } });
    expect(again.body.updatedAt).toBe(before);
    expect((await ada.call<CharterView>('GET', url)).body.text).toBe('Sois bienveillant·e.');
    const list = await mo.call<NewcomersView>('GET', `/api/sites/${siteId}/newcomers`);
    expect(list.body.charter).toMatchObject({ text: 'Be kind.', translations: { fr: { text: 'Sois bienveillant·e.' } } });
    // Without `translations`, the versions stay.
    await mo.call('PUT', url, { text: 'Be kind.' });
    expect((await ada.call<CharterView>('GET', url)).body.text).toBe('Sois bienveillant·e.');

    const byHelper = await ada.call('PUT', url, { text: 'Mine now', translations: { fr: { text: 'À moi' } } });
    expect(byHelper.status).toBe(403);
    const tooLong = await mo.call('PUT', url, { text: 'Be kind.', translations: { fr: { text: 'x'.repeat(10_001) } } });
    expect(tooLong.status).toBe(400);
    const unknownLanguage = await mo.call('PUT', url, { text: 'Be kind.', translations: { de: { text: 'Sei nett.' } } });
    expect(unknownLanguage.status).toBe(400);
  });

  it('gives each helper the canned answer in their language; managers get and save every version; helpers cannot', async () => {
    const { mo, ada, ben, siteId } = await people();
    const [moS, adaS, benS] = await Promise.all([mo, ada, ben].map((p) => connectHelper(t.server.url, p.me.user.email)));
    const saved = await ok<{ answer: CannedAnswer }>(moS!.socket, 'canned:save', {
      siteId,
      scope: 'site',
      shortcut: 'sizes',
      text: 'Our sizes run small: take one size up.',
      translations: { fr: { text: 'Nos tailles taillent petit : prends une taille au-dessus.' } },
    });
    expect(saved.answer.versions?.translations.fr?.text).toMatch(/^Nos tailles/);
    const list = async (s: typeof moS) =>
      (await ok<{ answers: CannedAnswer[] }>(s!.socket, 'canned:list', { siteId })).answers.find((a) => a.shortcut === 'sizes')!;
    expect((await list(adaS)).text).toBe('Nos tailles taillent petit : prends une taille au-dessus.');
    expect((await list(adaS)).versions).toBeUndefined();
    expect((await list(benS)).text).toBe('Our sizes run small: take one size up.');
    expect((await list(moS)).versions).toEqual({
      text: 'Our sizes run small: take one size up.',
      translations: { fr: { text: saved.answer.versions!.translations.fr!.text } },
    });

    // The manager edits both versions.
    await ok(moS!.socket, 'canned:save', {
      siteId,
      id: saved.answer.id,
      scope: 'site',
      shortcut: 'sizes',
      text: 'Sizes run small.',
      translations: { fr: { text: 'Ça taille petit.' }, es: { text: 'Tallan pequeño.' } },
    });
    expect((await list(adaS)).text).toBe('Ça taille petit.');
    expect((await list(benS)).text).toBe('Tallan pequeño.');

    const byHelper = await send(adaS!.socket, 'canned:save', {
      siteId,
      id: saved.answer.id,
      scope: 'site',
      shortcut: 'sizes',
      text: 'x',
      translations: { fr: { text: 'y' } },
    });
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const personal = await send(adaS!.socket, 'canned:save', { siteId, scope: 'mine', shortcut: 'hi', text: 'Hi', translations: { fr: { text: 'Salut' } } });
    expect(personal).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const tooLong = await send(moS!.socket, 'canned:save', {
      siteId,
      scope: 'site',
      shortcut: 'long',
      text: 'ok',
      translations: { fr: { text: 'x'.repeat(2001) } },
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('shows an announcement in each helper’s language, on the list and live', async () => {
    const { mo, ada, ben, siteId } = await people();
    const [moS, adaS, benS] = await Promise.all([mo, ada, ben].map((p) => connectHelper(t.server.url, p.me.user.email)));
    const live = next<FeedPost>(adaS!.socket, 'feed:created', (p) => p.kind === 'announcement');
    const posted = await ok<{ post: FeedPost }>(moS!.socket, 'feed:post', {
      siteId,
      clientId: clientId(),
      text: 'The summer sale starts Monday.',
      announcement: true,
      translations: { fr: { text: 'Les soldes d’été commencent lundi.' } },
    });
    expect(posted.post.versions?.translations.fr?.text).toBe('Les soldes d’été commencent lundi.');
    // Live, everyone gets every version and the default text; each desk keeps the one in its language.
    expect(await live).toMatchObject({
      text: 'The summer sale starts Monday.',
      versions: { translations: { fr: { text: 'Les soldes d’été commencent lundi.' } } },
    });
    const pinned = async (s: typeof moS) => (await ok<{ pinned: FeedPost[] }>(s!.socket, 'feed:list', { siteId })).pinned.find((p) => p.id === posted.post.id)!;
    expect((await pinned(adaS)).text).toBe('Les soldes d’été commencent lundi.');
    expect((await pinned(adaS)).versions).toBeUndefined();
    expect((await pinned(benS)).text).toBe('The summer sale starts Monday.');
    expect((await pinned(moS)).versions?.text).toBe('The summer sale starts Monday.');

    // Only announcements carry versions: a helper's post keeps its one text.
    const plain = await ok<{ post: FeedPost }>(adaS!.socket, 'feed:post', {
      siteId,
      clientId: clientId(),
      text: 'Hello',
      translations: { fr: { text: 'Salut' } },
    });
    expect(plain.post).toMatchObject({ text: 'Hello' });
    expect(plain.post.versions).toBeUndefined();
    const byHelper = await send(adaS!.socket, 'feed:post', {
      siteId,
      clientId: clientId(),
      text: 'News',
      announcement: true,
      translations: { fr: { text: 'Nouvelles' } },
    });
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('names rewards in each helper’s language, in the shop and in their requests; only managers edit them', async () => {
    const { mo, ada, ben, siteId } = await people();
    const [moS, adaS, benS] = await Promise.all([mo, ada, ben].map((p) => connectHelper(t.server.url, p.me.user.email)));
    const { reward } = await ok<{ reward: Reward }>(moS!.socket, 'reward:save', {
      siteId,
      name: 'Tote bag',
      description: 'Organic cotton',
      cost: 1,
      stock: null,
      active: true,
      translations: { fr: { name: 'Sac en toile', description: '' } },
    });
    expect(reward.versions).toEqual({ name: 'Tote bag', description: 'Organic cotton', translations: { fr: { name: 'Sac en toile' } } });
    const shop = async (s: typeof moS) => (await ok<{ rewards: Reward[] }>(s!.socket, 'reward:list', { siteId })).rewards.find((r) => r.id === reward.id)!;
    // A field left empty reads the default text.
    expect(await shop(adaS)).toMatchObject({ name: 'Sac en toile', description: 'Organic cotton' });
    expect((await shop(adaS)).versions).toBeUndefined();
    expect(await shop(benS)).toMatchObject({ name: 'Tote bag', description: 'Organic cotton' });

    // The manager edits both; an edit without `translations` keeps them.
    await ok(moS!.socket, 'reward:save', {
      siteId,
      id: reward.id,
      name: 'Tote',
      description: 'Cotton',
      cost: 1,
      stock: null,
      active: true,
      translations: { fr: { name: 'Sac', description: 'Coton' } },
    });
    await ok(moS!.socket, 'reward:save', { siteId, id: reward.id, name: 'Tote', description: 'Cotton', cost: 1, stock: null, active: true });
    expect(await shop(adaS)).toMatchObject({ name: 'Sac', description: 'Coton' });
    expect((await shop(moS)).versions?.translations).toEqual({ fr: { name: 'Sac', description: 'Coton' } });

    await ok(moS!.socket, 'points:adjust', { siteId, userId: ada.me.user.id, points: 5, note: 'Thanks', clientId: clientId() });
    await ok(adaS!.socket, 'redemption:request', { rewardId: reward.id });
    const mine = await ok<{ redemptions: { reward: { name: string } }[] }>(adaS!.socket, 'redemption:list', { siteId, scope: 'mine' });
    expect(mine.redemptions[0]!.reward.name).toBe('Sac');

    const byHelper = await send(adaS!.socket, 'reward:save', {
      siteId,
      id: reward.id,
      name: 'Free',
      description: '',
      cost: 1,
      stock: null,
      active: true,
      translations: { fr: { name: 'Gratuit' } },
    });
    expect(byHelper).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const tooLong = await send(moS!.socket, 'reward:save', {
      siteId,
      name: 'X',
      description: '',
      cost: 1,
      stock: null,
      active: true,
      translations: { fr: { name: 'x'.repeat(81) } },
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
