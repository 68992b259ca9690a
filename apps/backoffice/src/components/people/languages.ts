const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** `fr` → `French`, for titles and labels. */
export const languageName = (code: string) => names.of(code) ?? code;

/** Languages offered as chips on the profile page (helpers of European shops mostly). */
export const COMMON_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'ar', 'zh', 'ja'];
