const cache = new Map<string, Intl.DisplayNames>();

/** `fr` → `French` (`français` for a French reader), for titles and labels. */
export const languageName = (code: string, reader = 'en') => {
  let names = cache.get(reader);
  if (!names) cache.set(reader, (names = new Intl.DisplayNames([reader], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
};

/** Languages offered as chips on the profile page (helpers of European shops mostly). */
export const COMMON_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'ar', 'zh', 'ja'];
