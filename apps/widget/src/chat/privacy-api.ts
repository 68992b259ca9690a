import type { VisitorDataExport, VisitorErased } from '@tribu/protocol/client';
import type { StoredIdentity } from '../shared.ts';

/** `ok`, or why not: `gone` when the identity is no longer valid (already erased or expired). */
export type PrivacyResult<T> = { ok: true; data: T } | { ok: false; gone: boolean };

async function post<T>(base: string, path: string, siteKey: string, id: StoredIdentity): Promise<PrivacyResult<T>> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The token goes in the body, never in a URL (no logs, no history).
      body: JSON.stringify({ siteKey, visitorId: id.visitorId, token: id.token }),
    });
    if (!res.ok) return { ok: false, gone: res.status === 401 };
    return { ok: true, data: (await res.json()) as T };
  } catch {
    return { ok: false, gone: false };
  }
}

/** Everything this site keeps about the visitor, as the server exports it. */
export const exportData = (base: string, siteKey: string, id: StoredIdentity) => post<VisitorDataExport>(base, '/api/visitor/data', siteKey, id);

/** Erases it for good; the identity is refused everywhere afterwards. */
export const eraseData = (base: string, siteKey: string, id: StoredIdentity) => post<VisitorErased>(base, '/api/visitor/erase', siteKey, id);

/** Offers the export as a JSON file, without leaving the page. */
export function downloadJson(data: unknown, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}-${new Date().toISOString().slice(0, 10)}.json`;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
