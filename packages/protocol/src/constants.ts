/** Header carrying the CSRF token on every state-changing backoffice request. */
export const CSRF_HEADER = 'x-csrf-token';
/** Name of the httpOnly backoffice session cookie. */
export const SESSION_COOKIE = 'tribu_session';

/** Languages the widget speaks. */
export const LOCALES = ['en', 'fr', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
