import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { IdSchema, RoleSchema, SiteKeySchema, type Role } from './schemas.ts';

import { LOCALES, type Locale } from './constants.ts';
export { CSRF_HEADER, LOCALES, SESSION_COOKIE, type Locale } from './constants.ts';

/** POST /api/visitor/token — mint (or confirm) an anonymous visitor identity for a site. */
export const VisitorTokenRequestSchema = z.strictObject({
  siteKey: SiteKeySchema,
  visitorId: IdSchema.optional(),
  token: z.string().min(1).max(200).optional(),
});
export type VisitorTokenRequest = z.infer<typeof VisitorTokenRequestSchema>;
export interface VisitorTokenResponse {
  visitorId: string;
  token: string;
}

export const LocaleSchema = z.enum(LOCALES);

/** GET /api/widget/:siteKey?locale= — what the loader needs to draw the launcher. */
export interface WidgetState {
  site: { key: string; name: string };
  /** The language of `texts`: the one asked for when the site offers it, else the site's default. */
  locale: Locale;
  helpersOnline: number;
  /**
   * `live`: enough helpers online with a free slot; `offline`: nobody can answer now, the visitor may
   * leave a question for later; `hidden`: nobody can answer and the site hides the launcher.
   */
  availability: {
    mode: 'live' | 'offline' | 'hidden';
    /** Up to 3 helpers available now, for the launcher. */
    helpers: { displayName: string; avatarUrl: string | null }[];
    /** Median minutes to a first answer over recent chats; null when not known yet. */
    responseMinutes: number | null;
    /** Offline: when someone usually is there next, from helpers' pledges, in the visitor's language ("Usually answered from 18:00"). */
    usually?: string;
  };
  /** What the site asks before the first message (no form wall unless the site wants one). */
  prechat: { name: PrechatField; email: PrechatField; consent: boolean };
  /** Tribu mails visitors (mail is set up): an address given in the chat is first sent a confirmation link. */
  mailsVisitors: boolean;
  theme: {
    /** Brand colour, always `#rrggbb`, and a text colour readable on it. */
    color: string;
    onColor: string;
    /** Launcher corner. */
    position: 'left' | 'right';
    /** `auto` follows the visitor's system setting. */
    mode: 'light' | 'dark' | 'auto';
    /** Least distance in pixels between the launcher and the bottom of the page (the loader lifts it above a shop's bottom bar anyway). */
    offset: number;
  };
  texts: {
    launcher: string;
    title: string;
    disclosure: string;
    placeholder: string;
    /** The site's privacy notice, shown with the consent box when the site asks for consent. */
    privacy: string;
    /** The launcher's accessible name and its second line (`{n}` = minutes). */
    open: string;
    online: string;
    replies: string;
    offline: string;
  };
}

export type PrechatField = 'off' | 'optional' | 'required';

/** POST /api/auth/login */
export const LoginRequestSchema = z.strictObject({
  email: z.email().max(LIMITS.email),
  password: z.string().min(1).max(LIMITS.password),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export interface Membership {
  siteId: string;
  siteKey: string;
  siteName: string;
  role: Role;
  /** Most chats a helper holds at once on this site (site setting, default 4). */
  chatCap: number;
  /** The site's topic tags: request chips, board filters, expertise choices. */
  topics: { tag: string; label: string }[];
  /** The languages the site writes its own words in (charter, canned answers…): its default, then all it offers. */
  languages?: { defaultLocale: Locale; locales: Locale[] };
}

/** GET /api/auth/me and the body of a successful login. */
export interface Me {
  user: {
    id: string;
    email: string;
    displayName: string;
    avatarUrl: string | null;
    /** The backoffice language the person chose; null = the browser's, else the site's default. */
    locale: Locale | null;
    /** The person's IANA time zone from their profile; null = the browser's. */
    timeZone: string | null;
  };
  memberships: Membership[];
  /** Sites where a manager suspended this person: no rights there, only the reason shown. */
  suspended: { siteName: string; reason: string | null }[];
  /** Operator of the install (super-admin): may create sites. */
  operator: boolean;
  /**
   * Two-step sign-in: whether it is on, and the sites whose managers must use it where this person
   * is a manager or admin but has not set it up (they act there as a helper until they do).
   */
  twoFactor: { enabled: boolean; setupRequiredBy: { siteId: string; siteName: string }[] };
  csrfToken: string;
}

/** GET /api/auth/session: who is signed in on this browser, or nobody (always 200). */
export interface SessionState {
  me: Me | null;
}

export { RoleSchema };

/** Body of every HTTP error. */
export interface HttpErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
