import { describe, expect, it } from 'vitest';
import { weekHourIn } from '@tribu/domain';
import type { PledgesView, SitePledgesView, WidgetState } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectVisitor, ok, signedInCaller } from './support/clients.ts';
import { ORIGIN_A } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

const EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const index = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

describe.skipIf(!hasPostgres)('coverage pledges (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const path = () => `/api/sites/${t.server.sites.siteA}/pledges`;

  it('shows a helper the gaps of the last four weeks, keeps their slots and counts each helper once per hour', async () => {
    // A visitor asks now while nobody is online: this hour of the week is a gap (the site's zone is UTC).
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Anyone there?' });
    const now = weekHourIn(new Date(), 'UTC');

    const empty = await call<PledgesView>('helperA1', 'GET', path());
    expect(empty.data.timeZone).toBe('UTC');
    expect(empty.data.mine).toEqual([]);
    expect(empty.data.gaps.map((g, i) => (g ? i : -1)).filter((i) => i >= 0)).toEqual([index(now.weekday, now.hour)]);
    expect(empty.data.pledged.reduce((a, b) => a + b, 0)).toBe(0);

    const slots = [
      { weekday: 7, startHour: 18, endHour: 20 },
      { weekday: 7, startHour: 19, endHour: 21 },
    ];
    const saved = await call<PledgesView>('helperA1', 'PUT', path(), { slots });
    expect(saved.status).toBe(200);
    expect(saved.data.mine).toEqual(slots);
    await call('helperA2', 'PUT', path(), { slots: [{ weekday: 7, startHour: 19, endHour: 20 }] });
    const seen = await call<PledgesView>('helperA2', 'GET', path());
    expect([17, 18, 19, 20, 21].map((h) => seen.data.pledged[index(7, h)])).toEqual([0, 1, 2, 1, 0]);
    expect(seen.data.mine).toEqual([{ weekday: 7, startHour: 19, endHour: 20 }]);

    // Replaced as a whole.
    expect((await call<PledgesView>('helperA2', 'PUT', path(), { slots: [] })).data.mine).toEqual([]);
  });

  it('refuses slots that end before they start, past midnight, or too many', async () => {
    expect((await call('helperA1', 'PUT', path(), { slots: [{ weekday: 2, startHour: 20, endHour: 18 }] })).status).toBe(400);
    expect((await call('helperA1', 'PUT', path(), { slots: [{ weekday: 2, startHour: 20, endHour: 25 }] })).status).toBe(400);
    expect((await call('helperA1', 'PUT', path(), { slots: [{ weekday: 8, startHour: 1, endHour: 2 }] })).status).toBe(400);
    const many = Array.from({ length: 15 }, (_, i) => ({ weekday: (i % 7) + 1, startHour: i, endHour: i + 1 }));
    expect((await call('helperA1', 'PUT', path(), { slots: many })).status).toBe(400);
    expect((await call<PledgesView>('helperA1', 'GET', path())).data.mine).toHaveLength(2);
  });

  it('shows managers every pledge with its name; helpers and outsiders are refused', async () => {
    const all = await call<SitePledgesView>('moderatorA', 'GET', `${path()}/all`);
    expect(all.data.pledges.map((p) => [p.name, p.weekday, p.startHour, p.endHour])).toEqual([
      ['Ada', 7, 18, 20],
      ['Ada', 7, 19, 21],
    ]);
    expect(all.data.pledged[index(7, 20)]).toBe(1);
    expect((await call('helperA1', 'GET', `${path()}/all`)).status).toBe(403);
    expect((await call('helperB1', 'GET', `${path()}/all`)).status).toBe(404);
    expect((await call('helperB1', 'GET', path())).status).toBe(404);
    expect((await call('helperB1', 'PUT', path(), { slots: [] })).status).toBe(404);
  });

  it('tells visitors of an offline site when someone is usually there, in their language', async () => {
    const widget = async (locale: string) => (await (await fetch(`${t.server.url}/api/widget/shop-a?locale=${locale}`)).json()) as WidgetState;
    // Only the day after tomorrow, all day: the next pledged hour is its midnight.
    const now = weekHourIn(new Date(), 'UTC');
    const day = ((now.weekday - 1 + 2) % 7) + 1;
    await call('helperA1', 'PUT', path(), { slots: [{ weekday: day, startHour: 0, endHour: 24 }] });
    const en = await widget('en');
    expect(en.availability.mode).toBe('offline');
    expect(en.availability.usually).toBe(`Usually answered from ${EN[day - 1]} 00:00`);
    // The launcher's second line says it too (the loader draws texts.offline as it is).
    expect(en.texts.offline).toBe(`Leave a question · Usually answered from ${EN[day - 1]} 00:00`);
    expect((await widget('fr')).availability.usually).toBe(`Réponses habituelles dès ${FR[day - 1]} 00:00`);
    // Nobody pledged: no such line at all.
    await call('helperA1', 'PUT', path(), { slots: [] });
    const none = await widget('en');
    expect(['usually' in none.availability, none.texts.offline]).toEqual([false, 'Leave a question']);
  });
});
