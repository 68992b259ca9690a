import { z } from 'zod';

const ClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 22:00');
const Base64UrlSchema = z.string().regex(/^[A-Za-z0-9_-]+=*$/, 'Not a base64url key');

/** PUT /api/push/subscription — this browser's PushSubscription (as `subscription.toJSON()` gives it). */
export const PushSubscribeSchema = z.strictObject({
  endpoint: z.url().max(1000),
  keys: z.strictObject({ p256dh: Base64UrlSchema.min(80).max(100), auth: Base64UrlSchema.min(16).max(32) }),
  /** A short name for the device ("Chrome on Android"). */
  label: z.string().trim().max(60).default(''),
  expirationTime: z.number().nullable().optional(),
});
export type PushSubscribe = z.infer<typeof PushSubscribeSchema>;

/** PUT /api/push/prefs — when not to be called, and the email instead of push. */
export const PushPrefsSchema = z.strictObject({
  quietHours: z.strictObject({ start: ClockSchema, end: ClockSchema }).nullable(),
  /** IANA zone the quiet hours are read in (the browser's own, sent by the profile screen). */
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone'),
  waitingEmail: z.boolean(),
});
export type PushPrefs = z.infer<typeof PushPrefsSchema>;

/** GET /api/push/config — the server's public key, this device's state and the person's preferences. */
export interface PushConfig {
  publicKey: string;
  /** This sign-in (this browser) has a push subscription. */
  thisDevice: boolean;
  /** Devices of this person that take push (this one included). */
  devices: number;
  prefs: PushPrefs;
  /** The waiting email can be sent (the server has mail). */
  mailConfigured: boolean;
}

/** POST /api/push/test — pushes sent to this device's subscriptions, and how many went through. */
export interface PushTestResult {
  sent: number;
  failed: number;
}

/** GET /api/sites/:siteId/push-stats?from&to — Numbers: requests someone was called about by push. */
export interface PushStats {
  /** Requests of the period someone was called about. */
  pushed: number;
  /** Of them, answered after the first push. */
  answeredAfterPush: number;
  /** Of those, answered by a person who had been called. */
  answeredByCalled: number;
}
