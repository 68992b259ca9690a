import type { A11yMessages } from '../en/a11y.ts';

export const a11y: A11yMessages = {
  skipToMain: 'Saltar al contenido principal',
  newRequest: (waiting) => `Nueva solicitud de un visitante (${waiting} en espera)`,
  newRequests: (count, waiting) => `${count} solicitudes nuevas de visitantes (${waiting} en espera)`,
};
