/** Words around the site's own content written per language (TranslationsFields in the charter, canned answers, announcements and rewards editors). */
export const content = {
  /** Legend over the versions in the site's other languages, below the default text. */
  otherLanguages: 'In other languages',
  /** Under the legend; the name is the site's default language. */
  hint: (defaultLanguage: string) =>
    `Helpers see the version in their language. Write only the ones you want: any left empty shows the text in ${defaultLanguage}.`,
  /** One tab per language. */
  tab: { en: 'English', fr: 'French', es: 'Spanish' },
  /** A language inside a sentence. */
  languageName: { en: 'English', fr: 'French', es: 'Spanish' },
  /** Said after a tab's language when it holds some text (a dot shows it). */
  written: '(written)',
  /** A field's label in one language, e.g. "Answer in French". */
  field: (label: string, language: string) => `${label} in ${language}`,
  /** Below a language's fields. */
  fallback: (language: string) => `Left empty, helpers who read ${language} see the default text.`,
  /** A team canned answer's edit button (managers), for screen readers. */
  editAnswer: (shortcut: string) => `Edit /${shortcut}`,
};

export type ContentMessages = typeof content;
