import type { WidgetState } from '@tribu/protocol/client';

/** What the loader hands the chat chunk. */
export interface MountOptions {
  base: string;
  siteKey: string;
  state: WidgetState;
  /** Open the panel right away (the visitor clicked) or stay closed (restoring after navigation). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Public events for `Tribu.on()`: `message`, `conversation:ended`. */
  emit: (event: TribuEvent, data?: unknown) => void;
  /** What the merchant passed to `Tribu.setContext()`, shown to helpers. */
  context: () => Record<string, string | number>;
  /** Answers the visitor has not read yet: a badge on the launcher while the panel is closed. */
  unread: (count: number) => void;
}

export type TribuEvent = 'ready' | 'open' | 'close' | 'message' | 'conversation:ended';

export interface ChatController {
  open(): void;
  close(): void;
  /** New language or settings: re-render with them. */
  update(state: WidgetState): void;
  /** The merchant's page context changed: tell the helper. */
  contextChanged(): void;
  destroy(): void;
}

export interface StoredIdentity {
  visitorId: string;
  token: string;
  /** Whether this visitor has a conversation to restore on the next page. */
  hasConversation?: boolean;
}

export const storageKey = (siteKey: string) => `tribu:${siteKey}`;
export const openKey = (siteKey: string) => `tribu:${siteKey}:open`;

export function readIdentity(siteKey: string): StoredIdentity | null {
  try {
    const raw = localStorage.getItem(storageKey(siteKey));
    return raw ? (JSON.parse(raw) as StoredIdentity) : null;
  } catch {
    return null;
  }
}

export function writeIdentity(siteKey: string, id: StoredIdentity): void {
  try {
    localStorage.setItem(storageKey(siteKey), JSON.stringify(id));
  } catch {
    /* storage blocked: the chat still works for this page */
  }
}

/** After an erasure: the old identity and anything kept for this site in this tab are dropped. */
export function forgetIdentity(siteKey: string): void {
  try {
    localStorage.removeItem(storageKey(siteKey));
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i);
      if (k?.startsWith(`${storageKey(siteKey)}:`) && k !== openKey(siteKey)) sessionStorage.removeItem(k);
    }
  } catch {
    /* storage blocked: nothing was kept */
  }
}

export function rememberOpen(siteKey: string, open: boolean): void {
  try {
    sessionStorage.setItem(openKey(siteKey), open ? '1' : '0');
  } catch {
    /* ignore */
  }
}

export function wasOpen(siteKey: string): boolean {
  try {
    return sessionStorage.getItem(openKey(siteKey)) === '1';
  } catch {
    return false;
  }
}

/**
 * Puts our CSS in a shadow root. Constructable stylesheets work under a strict CSP (no
 * `unsafe-inline` styles); a `<style>` element is the fallback for older browsers.
 */
export function adoptCss(root: ShadowRoot, css: string): () => void {
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    /* fall back to a style element */
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
