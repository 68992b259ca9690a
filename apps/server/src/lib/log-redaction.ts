import type { FastifyRequest } from 'fastify';

/** Header paths pino blanks out: credentials never reach a log line. */
export const REDACTED_PATHS = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

const SECRET_IN_PATH = /^(\/backoffice\/invite\/)[^/?#]+/;
const SECRET_PARAM = /token|email|password|secret|code|key/i;

/**
 * A URL fit for a log line: an invitation link's token and query values that name a person or a
 * credential (`?email=`, `?token=`, anything holding an `@`) are replaced by `…`.
 */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(SECRET_IN_PATH, '$1…');
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
      return SECRET_PARAM.test(k) || /@|%40/i.test(v) ? `${k}=…` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

const ADDRESS = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/**
 * The last line of defence, applied to every log line as written: any mail address (in an error
 * from a mail server, a database detail, a URL's user info) keeps its first letter and domain only.
 */
export function maskAddresses(line: string): string {
  return line.replace(ADDRESS, '$1***@$2');
}

/** Fastify's request serializer, with the URL made loggable. */
export function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: loggableUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
