// Keeping the community alive (issue 17): coverage pledges, the "we miss you" note, the thank-you wall.
import { z } from 'zod';

// ---------- coverage pledges ----------

/** A soft weekly slot in the site's time zone: hours [startHour, endHour) of an ISO weekday (1 Monday … 7 Sunday). */
export const PledgeSlotSchema = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
  })
  .refine((s) => s.endHour > s.startHour, { message: 'A slot ends after it starts', path: ['endHour'] });
export type PledgeSlot = z.infer<typeof PledgeSlotSchema>;

/** PUT /api/sites/:siteId/pledges — replaces my slots (at most 14). */
export const PledgesPutSchema = z.strictObject({ slots: z.array(PledgeSlotSchema).max(14) });
export type PledgesPut = z.infer<typeof PledgesPutSchema>;

/** GET /api/sites/:siteId/pledges — my slots against the coverage gaps of the last four weeks. */
export interface PledgesView {
  timeZone: string;
  mine: PledgeSlot[];
  /** 168 hours of the week, index (weekday − 1) × 24 + hour: helpers who pledged it (anonymous). */
  pledged: number[];
  /** The same 168 hours: requests came while nobody was online most of the hour (last 4 weeks). */
  gaps: boolean[];
}

/** GET /api/sites/:siteId/pledges/all — managers: every helper's slots, for Numbers. */
export interface SitePledgesView {
  timeZone: string;
  pledges: (PledgeSlot & { userId: string; name: string })[];
  pledged: number[];
}

// ---------- re-engagement ----------

export const ReengagementSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  inactiveDays: z.number().int().min(7).max(365),
  template: z.string().trim().min(1, 'Write the note').max(2000),
});
export type ReengagementSettings = z.infer<typeof ReengagementSettingsSchema>;

/** A nudged helper, and whether they came back within the window. */
export interface ReengagementNoteRow {
  userId: string;
  name: string;
  sentAt: string;
  /** Their first activity after the note, when within the window; null otherwise. */
  backAt: string | null;
}

/** GET /api/sites/:siteId/reengagement?from&to — the settings and who came back (notes sent in the period). */
export interface ReengagementView {
  settings: ReengagementSettings;
  /** Whether mail is set up on this install (without it no note leaves). */
  mailConfigured: boolean;
  /** Days after a note within which activity counts as coming back (the site's inactivity days). */
  windowDays: number;
  sent: number;
  cameBack: number;
  notes: ReengagementNoteRow[];
}

/** GET/PUT /api/sites/:siteId/reengagement/mine — my own choice. */
export const ReengagementMineSchema = z.strictObject({ optedOut: z.boolean() });
export type ReengagementMine = z.infer<typeof ReengagementMineSchema>;

// ---------- thank-you wall ----------

export interface ThanksCard {
  id: string;
  text: string;
  rating: number;
  createdAt: string;
  /** Only the helper themself sees hidden cards (to show them again). */
  hidden: boolean;
}

/** GET /api/sites/:siteId/thanks/:userId — a helper's wall. */
export interface ThanksWall {
  cards: ThanksCard[];
  /** The wall is the caller's own: they may hide and show cards. */
  mine: boolean;
  /** The caller is a manager of the site: they may remove a card. */
  canRemove: boolean;
}

export const ThanksHideSchema = z.strictObject({ hidden: z.boolean() });
export const ThanksRemoveSchema = z.strictObject({ reason: z.string().trim().min(1, 'Say why').max(300) });
