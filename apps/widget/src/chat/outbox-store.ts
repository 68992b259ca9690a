import type { Intro } from './Composer.tsx';

/** A message the visitor sent that the server has not acknowledged yet (or refused). */
export interface Unacked {
  clientId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  error?: string;
  /** What came with a first message (name, email, consent), so a resend after a reload is the same. */
  intro?: Intro;
}

const key = (siteKey: string) => `tribu:${siteKey}:outbox`;

/**
 * Unacknowledged messages survive a reload of the tab (sessionStorage: this tab only, so two tabs
 * never both resend; the server stores a resent client id once anyway). Storage blocked: the
 * outbox lives in memory only, as before.
 */
export function loadOutbox(siteKey: string): Unacked[] {
  try {
    const raw = sessionStorage.getItem(key(siteKey));
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter(isUnacked) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(siteKey: string, items: Unacked[]): void {
  try {
    if (items.length === 0) sessionStorage.removeItem(key(siteKey));
    else sessionStorage.setItem(key(siteKey), JSON.stringify(items));
  } catch {
    /* storage blocked or full: the page still sends what it holds */
  }
}

function isUnacked(x: unknown): x is Unacked {
  if (typeof x !== 'object' || x === null) return false;
  const u = x as Record<string, unknown>;
  return typeof u.clientId === 'string' && typeof u.text === 'string' && typeof u.createdAt === 'string' && (u.state === 'sending' || u.state === 'failed');
}
