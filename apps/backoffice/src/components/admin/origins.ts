import { originProblem } from '@tribu/protocol/client';
import type { Messages } from '../../i18n/index.tsx';

/**
 * What is wrong with an allowed-origin line, in the person's language: the same checks as the protocol's
 * `originProblem` (which the server answers with), whose verdict decides; this only words it.
 */
export function originIssue(line: string, t: Messages): string | null {
  if (originProblem(line) === null) return null;
  const w = t.settings.origins;
  const v = line.trim();
  if (!v) return w.empty;
  if (v.includes('*')) return w.wildcard(v);
  if (!/^https?:\/\//i.test(v)) return w.scheme(v);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return w.notUrl(v);
  }
  if (url.username || url.password) return w.credentials(v);
  if (url.pathname !== '/' || url.search || url.hash) return w.path(v, url.origin);
  return w.rewrite(v, url.origin);
}
