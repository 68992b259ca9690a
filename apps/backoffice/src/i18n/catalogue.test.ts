import { describe, expect, it } from 'vitest';
import { en } from './messages/en/index.ts';
import { es } from './messages/es/index.ts';
import { fr } from './messages/fr/index.ts';

type Tree = { [key: string]: unknown };

/** Every message of a catalogue by its path (`desk.takeRequest`), functions called with sample arguments. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, sampled(value as (...a: unknown[]) => unknown));
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
  }
  return out;
}
/**
 * An argument that fits any parameter: a name where a string is read, 3 where a number is, itself where it is called
 * (a formatter passed in) or a property is read. A message reads the same with it in every language's version.
 */
const anything: unknown = new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? (hint: string) => (hint === 'number' ? 3 : 'Alpine Threads') : key === 'length' ? 3 : anything),
  apply: () => 'Alpine Threads',
});
const sampled = (fn: (...a: never[]) => unknown) => {
  try {
    return String((fn as (...a: unknown[]) => unknown)(anything, anything, anything, anything, anything));
  } catch (e) {
    return `(cannot sample: ${(e as Error).message})`;
  }
};

/**
 * Words a language rightly writes as English does: names and brands, codes and units, and the words French or
 * Spanish share with English. A message made only of these (and of its parameters) may read the same.
 */
const SHARED = ['tribu', 'english', 'français', 'español', 'ok', 'csv', 'api', 'url', 'json', 'html', 'pts', 'min', 'h', 'ms', 'e-mail', 'email'];
const COGNATES: Record<'French' | 'Spanish', Set<string>> = {
  French: new Set([
    ...SHARED,
    'invitation',
    'centurion',
    'notifications',
    'photo',
    'image',
    'admin',
    'guide',
    'mentor',
    'conversation',
    'page',
    'question',
    'stock',
    'catalogue',
    'site',
    'widget',
    'point',
    'points',
    'chat',
    'chats',
    'message',
    'messages',
    'badge',
    'badges',
    'total',
    'bio',
    'date',
    'description',
    'actions',
    'action',
    'options',
    'minimum',
    'maximum',
    'type',
    'mission',
    'missions',
    'code',
    'codes',
    'support',
    'impact',
    'conversions',
    'conversion',
    'note',
    'notes',
    'global',
    'local',
    'normal',
    'standard',
    'ratio',
    'max',
    'webhooks',
    'webhook',
    'source',
    'sources',
    'contact',
    'minutes',
    'service',
    'visible',
    'instagram',
    'facebook',
    'slack',
    'discord',
  ]),
  Spanish: new Set([
    ...SHARED,
    'no',
    'general',
    'error',
    'chat',
    'chats',
    'widget',
    'admin',
    'mentor',
    'stock',
    'total',
    'bio',
    'global',
    'local',
    'normal',
    'webhooks',
    'webhook',
    'ratio',
    'max',
    'email',
    'instagram',
    'facebook',
    'slack',
    'discord',
    'visible',
  ]),
};
const SAMPLE_TEXT = /Alpine Threads|#/g;
const mayReadTheSame = (language: 'French' | 'Spanish', text: string) =>
  (
    text
      .replace(SAMPLE_TEXT, ' ')
      .toLowerCase()
      .match(/\p{L}[\p{L}-]*/gu) ?? []
  ).every((w) => COGNATES[language].has(w));

describe('the catalogues', () => {
  const reference = flatten(en);

  for (const [name, catalogue] of [
    ['French', fr],
    ['Spanish', es],
  ] as const) {
    it(`${name} has every English key and no other`, () => {
      const keys = [...flatten(catalogue).keys()];
      expect(keys.filter((k) => !reference.has(k))).toEqual([]);
      expect([...reference.keys()].filter((k) => !keys.includes(k))).toEqual([]);
    });

    it(`${name} translates every message (none left in English)`, () => {
      const mine = flatten(catalogue);
      const same = [...reference].filter(([key, text]) => mine.get(key) === text && !mayReadTheSame(name, text)).map(([key, text]) => `${key}: ${text}`);
      expect(same).toEqual([]);
    });
  }

  it('catches a key left in English and a missing key (the checks can fail)', () => {
    const a = flatten({ x: { y: 'Save', z: (n: string) => `Hi ${n}` } });
    expect(sampled((going: number, n: (x: number) => string) => `${n(going)} of ${Math.max(going, 1)}`)).toBe('Alpine Threads of 3');
    expect([...a]).toEqual([
      ['x.y', 'Save'],
      ['x.z', 'Hi Alpine Threads'],
    ]);
    expect(mayReadTheSame('French', 'Save')).toBe(false);
    expect(mayReadTheSame('French', 'Notifications')).toBe(true);
    expect(mayReadTheSame('French', 'No')).toBe(false);
    expect(mayReadTheSame('Spanish', 'No')).toBe(true);
    expect(mayReadTheSame('Spanish', '(Alpine Threads) Tribu')).toBe(true);
  });
});
