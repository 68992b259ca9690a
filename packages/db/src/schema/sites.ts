import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Per-site settings kept as data; every key is optional and has a default in the server. */
export interface SiteSettings {
  chatCap?: number;
  /** Seconds to send a first answer after taking a request, else it returns to the board (default 90). */
  releaseAfterSec?: number;
  /** Fields asked before the first message; all off by default (the question is the first message). */
  prechat?: { name?: 'off' | 'optional' | 'required'; email?: 'off' | 'optional' | 'required'; consent?: boolean };
  /** Widget theme: launcher corner and light/dark (default right, auto). */
  position?: 'left' | 'right';
  themeMode?: 'light' | 'dark' | 'auto';
  /** Least distance in pixels between the widget's launcher and the bottom of the page (default 20). */
  launcherOffset?: number;
  /** Helpers with a free slot needed to show the live chat (default 1). */
  minHelpers?: number;
  /** When nobody can answer: let visitors leave a question (`ask`, default) or hide the launcher. */
  offlineMode?: 'ask' | 'hide';
  color?: string;
  /** Scoring rules over the defaults (points per chat, bonuses, daily cap per visitor, minimum length). */
  scoring?: Partial<Record<'pointsPerChat' | 'goodRatingBonus' | 'fastAnswerBonus' | 'fastAnswerSec' | 'dailyCapPerVisitor' | 'minChatSec', number>>;
  /** Tiers by lifetime points, over the defaults (0 / 50 / 200 / 500 / 1,000). */
  tiers?: { name: string; min: number }[];
  /** Managers' own badges, from the same criteria vocabulary as the built-in ones. */
  customBadges?: { key: string; name: string; description: string; metric: string; target: number }[];
  /** The site's time zone (IANA), for "night owl" and daily caps; default UTC. */
  timeZone?: string;
  /** Topic tags requests are sorted by (matched in the question's words); helpers pick theirs as expertise. */
  topics?: { tag: string; label: string; keywords: string[] }[];
  /** Language used when the visitor's browser asks for none the site offers (default `en`). */
  defaultLocale?: 'en' | 'fr' | 'es';
  /** Languages offered (default: all of en, fr, es). */
  locales?: ('en' | 'fr' | 'es')[];
  /** Site wording per language, over Tribu's defaults. */
  /** The site's own questions on the "Become a helper" application (managers edit them). */
  applicationQuestions?: string[];
  /** The community charter helpers accept on joining and can reread (plain text, paragraphs). */
  charter?: string;
  /** When the charter last changed (ISO); a member who accepted before is asked to accept again. */
  charterUpdatedAt?: string;
  /** The charter in the site's other languages (the default text above is in `defaultLocale`). */
  charterTranslations?: Partial<Record<'en' | 'fr' | 'es', Partial<Record<'text', string>>>>;
  /** Words masked in visitor messages for helpers; a message containing one is flagged for managers. */
  blockedWords?: string[];
  /** Days closed conversations are kept; null/absent = for ever. */
  retentionDays?: number | null;
  /** Keep a keyed hash of each chat's network address (bans by address); absent = true. */
  storeAddresses?: boolean;
  /** Managers and admins must sign in with a second factor (TOTP) to act as such on this site. */
  twoFactorForManagers?: boolean;
  /** Days before a purchase an answered chat of the same visitor still assists it (default 7). */
  attributionDays?: number;
  /** Helpers see the amounts of the purchases they assisted (absent = false: never shown). */
  showSalesAmountsToHelpers?: boolean;
  /** Onboarding: how many chats a newcomer watches read-only before taking requests (default 3). */
  observeChats?: number;
  /** How often Tribu drafts the helpers' digest (default fortnightly; `off`: never). */
  digestFrequency?: 'off' | 'weekly' | 'fortnightly' | 'monthly';
  /** Seconds a request waits unclaimed before helpers who opted in get a push (default 60). */
  pushAfterSec?: number;
  /** Hours between two "visitors are waiting" emails to one helper (default 4). */
  waitingEmailHours?: number;
  /** The manager's "we miss you" note to helpers away `inactiveDays` (template with {name} and {changes}); off by default. */
  reengagement?: { enabled: boolean; inactiveDays: number; template: string };
  texts?: Partial<
    Record<
      'en' | 'fr' | 'es',
      Partial<Record<'launcher' | 'title' | 'disclosure' | 'placeholder' | 'open' | 'online' | 'replies' | 'offline' | 'privacy', string>>
    >
  >;
}

export const sites = pgTable('sites', {
  id: uuid().primaryKey().defaultRandom(),
  key: text().notNull().unique(),
  name: text().notNull(),
  /** Origins allowed to embed the widget; `self` means the Tribu server's own origin (demo page). */
  allowedOrigins: text().array().notNull().default([]),
  settings: jsonb().$type<SiteSettings>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
