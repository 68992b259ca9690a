/** Header carrying the CSRF token on every state-changing backoffice request. */
export const CSRF_HEADER = 'x-csrf-token';
/** Name of the httpOnly backoffice session cookie. */
export const SESSION_COOKIE = 'tribu_session';
