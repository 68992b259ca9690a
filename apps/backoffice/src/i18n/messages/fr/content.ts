import type { ContentMessages } from '../en/content.ts';

export const content: ContentMessages = {
  otherLanguages: 'Dans les autres langues',
  hint: (defaultLanguage) =>
    `Chaque bénévole voit la version dans sa langue. Écris seulement celles que tu veux\u00a0: une version laissée vide affiche le texte en ${defaultLanguage}.`,
  tab: { en: 'Anglais', fr: 'Français', es: 'Espagnol' },
  languageName: { en: 'anglais', fr: 'français', es: 'espagnol' },
  written: '(rédigée)',
  field: (label, language) => `${label} en ${language}`,
  fallback: (language) => `Si tu la laisses vide, les personnes qui lisent en ${language} voient le texte par défaut.`,
  editAnswer: (shortcut) => `Modifier /${shortcut}`,
};
