import type { FastifyRequest } from 'fastify';
import type { Session } from '../modules/auth/auth.service.ts';
import { resolveLocale, type Locale } from './locale.ts';

/**
 * The language of the person behind a request: their profile's choice when signed in, else the request's
 * `Accept-Language` (the backoffice sends its current language), else English. (A request names no one site,
 * so the site's default is for mails and pages that know theirs.)
 */
export function requestLocale(req: FastifyRequest): Locale {
  const session = req.session as Session | null | undefined;
  return resolveLocale({ choice: session?.me.user.locale, acceptLanguage: req.headers['accept-language'] });
}
