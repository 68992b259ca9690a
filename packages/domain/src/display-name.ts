import { LIMITS } from '@tribu/protocol';

/** The outcome of the display-name rule: the name to store, or the one reason it is refused. */
export type DisplayNameCheck = { ok: true; name: string } | { ok: false; reason: string };

/** Words that make a name look like a role or Tribu itself ("Alex (admin)", "Tribu Support"). */
const ROLE_WORDS = new Set([
  'admin',
  'admins',
  'administrator',
  'moderator',
  'moderators',
  'mod',
  'mods',
  'staff',
  'tribu',
  'support',
  'official',
  'manager',
  'operator',
  'sysop',
]);

/**
 * Letters that look alike across scripts, folded to one (a small subset of Unicode's confusables:
 * Cyrillic and Greek look-alikes of Latin letters, digits and marks read as letters).
 */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'l',
  ї: 'l',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'l',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  '0': 'o',
  '1': 'l',
  '|': 'l',
  '!': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  i: 'l',
};

/** Control and format characters: zero-width spaces and joiners, bidi overrides and isolates, soft hyphens, BOM. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;

/**
 * A simple skeleton for comparing names as people read them: compatibility-normalised, accents
 * and case dropped, look-alike letters folded, only letters and digits kept ("Ａ1ex", "Аlex" and
 * "a.l.e.x" all read "alex").
 */
export function nameSkeleton(name: string): string {
  const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of base) out += CONFUSABLES[ch] ?? ch;
  return out
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The role words as skeletons, so "adm1n" and "аdmin" (Cyrillic а) read as "admin". */
let roles: Set<string> | undefined;
const roleSkeletons = () => (roles ??= new Set([...ROLE_WORDS].map(nameSkeleton)));

/** The words of a name's skeleton, split where letters stop ("Alex (admin)" → alex, admin). */
function skeletonWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}|!@$]+/u)
    .map(nameSkeleton)
    .filter(Boolean);
}

/**
 * The one display-name rule, for every path that sets a name (profile, invitation, application,
 * operator): NFKC-normalised, spaces collapsed; refused when it carries invisible or
 * direction-changing characters, is empty or too long, or reads as a role or as Tribu.
 * Whether another member already reads the same is checked by the caller (`nameSkeleton`).
 */
export function checkDisplayName(raw: string): DisplayNameCheck {
  const normalised = raw.normalize('NFKC');
  if (INVISIBLE.test(normalised)) return { ok: false, reason: 'A name cannot contain invisible or text-direction characters' };
  const name = normalised.replace(/\s+/gu, ' ').trim();
  if (!name || nameSkeleton(name) === '') return { ok: false, reason: 'A name needs at least one letter or digit' };
  if ([...name].length > LIMITS.displayName) return { ok: false, reason: `A name has at most ${LIMITS.displayName} characters` };
  const role = skeletonWords(name).find((w) => roleSkeletons().has(w));
  if (role !== undefined) return { ok: false, reason: 'A name cannot look like a role or like Tribu (admin, moderator, staff, support…)' };
  return { ok: true, name };
}
