import type { A11yMessages } from '../en/a11y.ts';

export const a11y: A11yMessages = {
  skipToMain: 'Aller au contenu principal',
  newRequest: (question) => `Nouvelle demande\u00a0: ${question}`,
  newRequests: (count) => `${count} nouvelles demandes`,
};
