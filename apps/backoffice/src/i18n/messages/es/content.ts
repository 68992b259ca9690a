import type { ContentMessages } from '../en/content.ts';

export const content: ContentMessages = {
  otherLanguages: 'En otros idiomas',
  hint: (defaultLanguage) =>
    `Cada voluntario ve la versión en su idioma. Escribe solo las que quieras: si dejas una vacía, se muestra el texto en ${defaultLanguage}.`,
  tab: { en: 'Inglés', fr: 'Francés', es: 'Español' },
  languageName: { en: 'inglés', fr: 'francés', es: 'español' },
  written: '(escrita)',
  field: (label, language) => `${label} en ${language}`,
  fallback: (language) => `Si la dejas vacía, quienes leen en ${language} ven el texto predeterminado.`,
  editAnswer: (shortcut) => `Editar /${shortcut}`,
};
