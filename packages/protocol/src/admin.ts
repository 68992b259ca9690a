import { z } from 'zod';
import { LOCALES } from './constants.ts';
import { LIMITS } from './limits.ts';
import { RoleSchema } from './schemas.ts';
import { CONVERSION_LIMITS } from './conversions.ts';
import { DigestFrequencySchema } from './digest.schemas.ts';
import { PRECHAT_FIELD_MODES, SITE_LIMITS, WIDGET_TEXT_LIMITS, isTimeZone, normalizeOrigin, originProblem, type WidgetTextKey } from './site-settings.ts';

export * from './site-settings.ts';

const Locale = z.enum(LOCALES);

/** One allowed origin (`https://shop.example`, `http://localhost:8080`) or `self`; stored without a trailing slash. */
export const OriginSchema = z
  .string()
  .trim()
  .max(SITE_LIMITS.origin, `An address has at most ${SITE_LIMITS.origin} characters`)
  .superRefine((v, ctx) => {
    const problem = originProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeOrigin);

/** A language's wording: each key optional; an empty text means "use Tribu's default". */
const TextsSchema = z.strictObject(
  Object.fromEntries(Object.entries(WIDGET_TEXT_LIMITS).map(([k, max]) => [k, z.string().trim().max(max, `At most ${max} characters`).optional()])) as Record<
    WidgetTextKey,
    z.ZodOptional<z.ZodString>
  >,
);

/** PATCH /api/sites/:siteId/settings — any subset of the site's settings (admins only); `texts`, when given, replaces the wording of every language as a whole. */
export const SiteSettingsPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the site a name').max(SITE_LIMITS.name, `At most ${SITE_LIMITS.name} characters`),
    timeZone: z.string().refine(isTimeZone, 'Not a time zone; use a name like Europe/Paris or UTC'),
    allowedOrigins: z
      .array(OriginSchema)
      .max(SITE_LIMITS.origins, `At most ${SITE_LIMITS.origins} addresses`)
      .transform((list) => [...new Set(list)]),
    locales: z
      .array(Locale)
      .min(1, 'Offer at least one language')
      .max(LOCALES.length)
      .transform((list) => LOCALES.filter((l) => list.includes(l))),
    defaultLocale: Locale,
    texts: z.strictObject({ en: TextsSchema.optional(), fr: TextsSchema.optional(), es: TextsSchema.optional() }),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #2f6f4f')
      .transform((c) => c.toLowerCase()),
    position: z.enum(['left', 'right']),
    themeMode: z.enum(['light', 'dark', 'auto']),
    launcherOffset: z
      .int('A whole number of pixels')
      .min(0, 'At least 0')
      .max(SITE_LIMITS.launcherOffsetMax, `At most ${SITE_LIMITS.launcherOffsetMax} pixels`),
    minHelpers: z.int('A whole number').min(1, 'At least 1').max(SITE_LIMITS.minHelpers, `At most ${SITE_LIMITS.minHelpers}`),
    chatCap: z.int('A whole number').min(1, 'At least 1').max(SITE_LIMITS.chatCap, `At most ${SITE_LIMITS.chatCap}`),
    releaseAfterSec: z
      .int('A whole number of seconds')
      .min(SITE_LIMITS.releaseAfterSecMin, `At least ${SITE_LIMITS.releaseAfterSecMin} seconds`)
      .max(SITE_LIMITS.releaseAfterSecMax, `At most ${SITE_LIMITS.releaseAfterSecMax} seconds`),
    offlineMode: z.enum(['ask', 'hide']),
    retentionDays: z
      .int('A whole number of days')
      .min(1, 'At least 1 day')
      .max(SITE_LIMITS.retentionDaysMax, `At most ${SITE_LIMITS.retentionDaysMax} days (10 years)`)
      .nullable(),
    storeAddresses: z.boolean(),
    /** Days before a purchase an answered chat still assists it (Sales attribution). */
    attributionDays: z
      .int('A whole number of days')
      .min(1, 'At least 1 day')
      .max(CONVERSION_LIMITS.attributionDaysMax, `At most ${CONVERSION_LIMITS.attributionDaysMax} days`),
    /** Helpers see the amounts of the purchases they assisted (off by default). */
    showSalesAmountsToHelpers: z.boolean('Yes or no'),
    /** Seconds a request waits unclaimed before helpers who opted in are called on their devices. */
    pushAfterSec: z.int('A whole number of seconds').min(15, 'At least 15 seconds').max(3600, 'At most 3600 seconds (an hour)'),
    /** Hours between two "visitors are waiting" emails to one helper. */
    waitingEmailHours: z.int('A whole number of hours').min(1, 'At least 1 hour').max(48, 'At most 48 hours'),
    /** Managers and admins sign in with a code from an authenticator app to act as such here. */
    twoFactorForManagers: z.boolean(),
    /** How often Tribu drafts the helpers' digest (off, weekly, fortnightly, monthly). */
    digestFrequency: DigestFrequencySchema,
    /** The questions before the chat, as a whole. */
    prechat: z.strictObject({
      name: z.enum(PRECHAT_FIELD_MODES, 'One of off, optional, required'),
      email: z.enum(PRECHAT_FIELD_MODES, 'One of off, optional, required'),
      consent: z.boolean('Yes or no'),
    }),
  })
  .partial()
  .superRefine((v, ctx) => {
    if (v.defaultLocale && v.locales && !v.locales.includes(v.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: 'The default language must be one of the languages offered' });
    }
  });
export type SiteSettingsPatch = z.input<typeof SiteSettingsPatchSchema>;
export type SiteSettingsPatchParsed = z.output<typeof SiteSettingsPatchSchema>;

/** PATCH /api/sites/:siteId/members/:userId — a member's new role. */
export const RoleChangeSchema = z.strictObject({ role: RoleSchema });
export type RoleChange = z.infer<typeof RoleChangeSchema>;

/** A site key: what `data-site` carries in the embed tag. */
export const NewSiteKeySchema = z
  .string()
  .trim()
  .min(SITE_LIMITS.keyMin, `At least ${SITE_LIMITS.keyMin} characters`)
  .max(SITE_LIMITS.keyMax, `At most ${SITE_LIMITS.keyMax} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lowercase letters, digits and single dashes, like alpine-threads');

/** POST /api/operator/sites — a new site and its first admin (invited by email). */
export const SiteCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the site a name').max(SITE_LIMITS.name),
  key: NewSiteKeySchema,
  allowedOrigins: z
    .array(OriginSchema)
    .max(SITE_LIMITS.origins)
    .transform((list) => [...new Set(list)]),
  adminEmail: z.email('An email address for the first admin').max(LIMITS.email),
  adminName: z.string().trim().min(1, "The first admin's name").max(LIMITS.displayName),
});
export type SiteCreate = z.input<typeof SiteCreateSchema>;
