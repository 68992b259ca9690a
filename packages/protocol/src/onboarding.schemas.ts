import { z } from 'zod';
import { contentTranslationsSchema } from './content.ts';
import { CHARTER_MAX, MAX_OBSERVE_CHATS } from './onboarding.ts';

export const CharterUpdateSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .max(CHARTER_MAX, `A charter is ${CHARTER_MAX.toLocaleString('en')} characters at most`),
  /** The charter in the site's other languages; absent: the versions stay as they are. */
  translations: contentTranslationsSchema({
    text: z
      .string()
      .trim()
      .max(CHARTER_MAX, `A charter is ${CHARTER_MAX.toLocaleString('en')} characters at most`),
  }).optional(),
});
export type CharterUpdate = z.infer<typeof CharterUpdateSchema>;

export const MentorAssignSchema = z.strictObject({ mentorId: z.uuid().nullable() });
export type MentorAssign = z.infer<typeof MentorAssignSchema>;

export const OnboardingSettingsSchema = z.strictObject({
  observeChats: z.number().int().min(0).max(MAX_OBSERVE_CHATS),
});
export type OnboardingSettings = z.infer<typeof OnboardingSettingsSchema>;
