import type { A11yMessages } from '../en/a11y.ts';

export const a11y: A11yMessages = {
  skipToMain: 'Aller au contenu principal',
  newRequest: (waiting) => `Nouvelle demande d’un visiteur (${waiting} en attente)`,
  newRequests: (count, waiting) => `${count} nouvelles demandes de visiteurs (${waiting} en attente)`,
};
