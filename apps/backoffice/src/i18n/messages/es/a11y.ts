import type { A11yMessages } from '../en/a11y.ts';

export const a11y: A11yMessages = {
  skipToMain: 'Saltar al contenido principal',
  newRequest: (question) => `Nueva solicitud: ${question}`,
  newRequests: (count) => `${count} solicitudes nuevas`,
};
