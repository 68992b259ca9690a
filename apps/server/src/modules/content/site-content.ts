import { cleanTranslations, contentIn, readingLocale, type SiteLanguages } from '@tribu/domain';
import { LOCALES, type CannedAnswer, type ContentTranslations, type FeedPost, type Locale, type Reward } from '@tribu/protocol';
import type { cannedAnswers, feedPosts, rewards } from '@tribu/db';
import type { HelperActor } from '../actors.ts';
import type { SiteRow } from '../sites/site.service.ts';

/**
 * The site's own words (charter, canned answers, announcements, rewards) in each reader's language.
 * Every read path of each kind goes through its one function here; editors (managers) also get every
 * version (`versions`), and what they save is cleaned by `keptTranslations`.
 */

type CannedRow = typeof cannedAnswers.$inferSelect;
type PostRow = typeof feedPosts.$inferSelect;
type RewardRow = typeof rewards.$inferSelect;

/** The languages a site writes in (default English; all of Tribu's unless it chose fewer). */
export function siteLanguages(site: Pick<SiteRow, 'settings'>): SiteLanguages {
  const defaultLocale = site.settings.defaultLocale ?? 'en';
  const locales = site.settings.locales?.length ? site.settings.locales : [...LOCALES];
  return { defaultLocale, locales: locales.includes(defaultLocale) ? locales : [defaultLocale, ...locales] };
}

/** Who reads: a signed-in person (profile, then browser), or a browser only (an invitation page). */
export type Reader = Pick<HelperActor, 'locale' | 'accepts'>;

/** The language this reader reads this site's words in. */
export function readerLocale(site: Pick<SiteRow, 'settings'>, reader: Reader): Locale {
  return readingLocale(siteLanguages(site), reader.locale, reader.accepts ?? []);
}

/** The versions a manager sent, as stored: only the site's other languages, empty ones dropped. */
export function keptTranslations<K extends string>(site: Pick<SiteRow, 'settings'>, translations: ContentTranslations<K> | undefined): ContentTranslations<K> {
  return cleanTranslations(translations, siteLanguages(site));
}

function inReaderLanguage<K extends string>(
  site: Pick<SiteRow, 'settings'>,
  reader: Reader,
  defaults: Record<K, string>,
  translations: ContentTranslations<K> | null | undefined,
) {
  const langs = siteLanguages(site);
  return contentIn(defaults, translations, readingLocale(langs, reader.locale, reader.accepts ?? []), langs.defaultLocale);
}

// ---------- one function per kind ----------

/** The charter's text for this reader ('' when the site has none). */
export function charterFor(site: Pick<SiteRow, 'settings'>, reader: Reader): string {
  const text = site.settings.charter?.trim() ?? '';
  if (!text) return '';
  return inReaderLanguage(site, reader, { text }, site.settings.charterTranslations).text.trim();
}

/** A canned answer for this reader; a site-wide one carries every version when the reader may edit it. */
export function cannedFor(site: Pick<SiteRow, 'settings'>, reader: Reader, row: CannedRow, editor: boolean): CannedAnswer {
  const base = { id: row.id, siteId: row.siteId, scope: row.ownerId ? ('mine' as const) : ('site' as const), shortcut: row.shortcut };
  if (row.ownerId) return { ...base, text: row.text };
  const { text } = inReaderLanguage(site, reader, { text: row.text }, row.translations);
  return { ...base, text, ...(editor ? { versions: { text: row.text, translations: row.translations } } : {}) };
}

/**
 * A post's text for this reader. An announcement written in other languages also carries every
 * version when `versions` is asked for (live copies told to the whole site, and managers).
 */
export function postTextFor(
  site: Pick<SiteRow, 'settings'>,
  reader: Reader,
  row: Pick<PostRow, 'kind' | 'text' | 'translations'>,
  withVersions: boolean,
): Pick<FeedPost, 'text' | 'versions'> {
  if (row.kind !== 'announcement' || !Object.keys(row.translations).length) return { text: row.text };
  const { text } = inReaderLanguage(site, reader, { text: row.text }, row.translations);
  return withVersions ? { text, versions: { text: row.text, translations: row.translations } } : { text };
}

/** A reward's name and description for this reader; managers also get every version. */
export function rewardFor(site: Pick<SiteRow, 'settings'>, reader: Reader, row: RewardRow, editor: boolean): Reward {
  const defaults = { name: row.name, description: row.description };
  const shown = inReaderLanguage(site, reader, defaults, row.translations);
  return {
    id: row.id,
    siteId: row.siteId,
    name: shown.name,
    description: shown.description,
    cost: row.cost,
    stock: row.stock,
    active: row.active,
    ...(editor ? { versions: { ...defaults, translations: row.translations } } : {}),
  };
}

/** A reward's name alone (redemptions list it), in this reader's language. */
export function rewardNameFor(
  site: Pick<SiteRow, 'settings'>,
  reader: Reader,
  name: string,
  translations: RewardRow['translations'] | null | undefined,
): string {
  return inReaderLanguage<'name'>(site, reader, { name }, translations).name;
}
