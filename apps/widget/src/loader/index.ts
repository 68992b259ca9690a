import type { Locale, WidgetState } from '@tribu/protocol/client';
import { adoptCss, readIdentity, rememberOpen, wasOpen, type ChatController, type MountOptions, type TribuEvent } from '../shared.ts';
import launcherCss from './launcher.css?inline';
import { preferredLocale } from './texts.ts';

type Listener = (data?: unknown) => void;

interface TribuApi {
  open(): void;
  close(): void;
  toggle(): void;
  setLocale(locale: Locale): void;
  setContext(context: Record<string, string | number>): void;
  on(event: TribuEvent, fn: Listener): () => void;
  /** Reports a purchase or a refund of the order confirmation page (see the README). */
  track(event: 'purchase' | 'refund', data: Record<string, unknown>): void;
  /** The visitor's id once they interacted with the chat, else null (for the merchant's server). */
  getVisitorId(): string | null;
  destroy(): void;
}

/** A page's stand-in before the loader arrives: `{ q: [], track() { this.q.push(['track', ...arguments]) } }` (README). */
type Stub = { q?: [keyof TribuApi, ...unknown[]][] };

declare global {
  interface Window {
    Tribu?: TribuApi & Stub;
  }
}

const ICON = '<svg viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M4 4h16q2 0 2 2v10q0 2-2 2H9l-5 4v-4H4q-2 0-2-2V6q0-2 2-2z"/></svg>';

/** Up to 3 helper faces: their photo, else their initial on a tinted disc. */
function faces(helpers: WidgetState['availability']['helpers']): HTMLElement {
  const box = document.createElement('span');
  box.className = 'faces';
  box.setAttribute('aria-hidden', 'true');
  for (const h of helpers.slice(0, 3)) {
    const f = document.createElement(h.avatarUrl ? 'img' : 'span');
    f.className = 'face';
    if (h.avatarUrl && /^https?:\/\//.test(h.avatarUrl)) (f as HTMLImageElement).src = h.avatarUrl;
    else f.textContent = (h.displayName.trim()[0] ?? '?').toUpperCase();
    box.append(f);
  }
  return box;
}

// Runs inside the merchant's page: never throw into it, touch nothing but our own host element.
(function boot() {
  try {
    const script = document.currentScript as HTMLScriptElement | null;
    // A stub with a queue of calls made before we arrived is ours to replace; a real Tribu is not.
    const queued = window.Tribu?.q;
    if (!script || (window.Tribu && !queued)) return;
    const siteKey = script.dataset.site;
    if (!siteKey) return;
    const base = new URL(script.src, location.href).origin;

    let host: HTMLElement | null = null;
    let chat: ChatController | null = null;
    let loading: Promise<ChatController | null> | null = null;
    let state: WidgetState | null = null;
    let isOpen = false;
    let launcher: HTMLButtonElement | null = null;
    let locale = preferredLocale(script.dataset.locale);
    let context: Record<string, string | number> = {};
    // Answers waiting unread (told by the chat, which only loads for a visitor who already chatted).
    let unread = 0;
    let frame = 0;
    const listeners = new Map<TribuEvent, Set<Listener>>();
    let stop = () => {};

    const emit = (event: TribuEvent, data?: unknown) => {
      for (const fn of listeners.get(event) ?? []) {
        try {
          fn(data);
        } catch {
          /* a merchant's listener must not break the chat */
        }
      }
    };

    const setOpen = (open: boolean) => {
      isOpen = open;
      rememberOpen(siteKey, open);
      launcher?.setAttribute('aria-expanded', String(open));
      launcher?.classList.toggle('open', open);
      // Closing from inside the panel (Escape, close button) gives the focus back to the launcher.
      if (!open && host?.shadowRoot?.activeElement) launcher?.focus();
      place();
    };

    /**
     * Keeps the launcher clear of the page's own controls: a bar fixed or sticky at the bottom (a sticky
     * "Add to cart"), or a button or link under its usual place, lifts it above them. The tag's
     * data-offset or the site's offset (px from the bottom, default 20) is its usual place. Once per
     * frame at most, on scroll and resize.
     */
    const place = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const r = launcher?.getBoundingClientRect();
        if (!host || !r?.width) return;
        const h = innerHeight;
        const base = +(script.dataset.offset ?? state!.theme.offset) || 0;
        let lift = 0;
        for (const y of [h - base - 2, h - base - r.height / 2, h - base - r.height + 2])
          for (const x of [r.left + 1, r.right - 1])
            for (const el of document.elementsFromPoint(x, y)) {
              const box = el.getBoundingClientRect();
              // Only what sits in the lower half: never a full-page overlay or a whole card.
              if (el !== host && box.top > h / 2 && (/fixed|sticky/.test(getComputedStyle(el).position) || (box.height < 80 && el.matches('a,button,input'))))
                lift = Math.max(lift, h - box.top);
            }
        host.style.setProperty('--tribu-b', `${Math.max(base, lift + 12)}px`);
      });
    };

    const loadChat = (open: boolean): Promise<ChatController | null> => {
      if (chat) return Promise.resolve(chat);
      if (!loading && host?.shadowRoot && state) {
        const opts: MountOptions = {
          base,
          siteKey,
          state,
          open,
          onOpenChange: setOpen,
          emit,
          context: () => context,
          unread: (n) => {
            unread = n;
            if (state) drawLauncher(state);
          },
        };
        const root = host.shadowRoot;
        loading = import(/* @vite-ignore */ `${base}/widget/chat.js`)
          .then((m: { mount: (root: ShadowRoot, o: MountOptions) => ChatController }) => {
            // destroy() was called while the chunk loaded: mount nothing, open no socket.
            if (host?.shadowRoot !== root) return null;
            return (chat = m.mount(root, opts));
          })
          .catch(() => {
            loading = null;
            return null;
          });
      }
      return loading ?? Promise.resolve(null);
    };

    const drawLauncher = (s: WidgetState) => {
      if (!launcher) return;
      const words = s.texts;
      const a = s.availability;
      launcher.setAttribute('aria-label', words.open + (unread ? ` (${unread})` : ''));
      launcher.innerHTML = ICON;
      if (a.helpers.length) launcher.append(faces(a.helpers));
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = s.texts.launcher;
      const sub = document.createElement('small');
      sub.textContent = a.mode === 'live' ? (a.responseMinutes ? words.replies.replace('{n}', String(a.responseMinutes)) : words.online) : words.offline;
      label.append(sub);
      launcher.append(label);
      // The badge (CSS, from this attribute) shows when it is not 0.
      launcher.dataset.n = `${unread}`;
    };

    const fetchState = () =>
      fetch(`${base}/api/widget/${encodeURIComponent(siteKey)}${locale ? `?locale=${locale}` : ''}`).then((r) =>
        r.ok ? (r.json() as Promise<WidgetState>) : null,
      );

    const api: TribuApi = {
      open: () => void loadChat(true).then((c) => c?.open()),
      close: () => chat?.close(),
      toggle: () => (isOpen ? api.close() : api.open()),
      setLocale: (l) => {
        locale = preferredLocale(l) ?? locale;
        void fetchState()
          .then((s) => s && apply(s))
          .catch(() => undefined);
      },
      setContext: (c) => {
        context = c && typeof c === 'object' ? { ...c } : {};
        chat?.contextChanged();
      },
      on: (event, fn) => {
        const set = listeners.get(event) ?? new Set();
        set.add(fn);
        listeners.set(event, set);
        return () => set.delete(fn);
      },
      // Reads the identity only: a visitor who never chatted gets no id, cookie or storage from this.
      getVisitorId: () => readIdentity(siteKey)?.visitorId ?? null,
      track: (event, data) => {
        void fetch(`${base}/api/widget/${encodeURIComponent(siteKey)}/track`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ event, data, ...readIdentity(siteKey) }),
          // The confirmation page may be left at once: the report still goes.
          keepalive: true,
        }).catch(() => undefined);
      },
      destroy: () => {
        stop();
        chat?.destroy();
        host?.remove();
        host = chat = launcher = null;
        loading = null;
        listeners.clear();
        delete window.Tribu;
      },
    };
    window.Tribu = api;

    /** Shows, hides or redraws the launcher for a (new) state. */
    const apply = (s: WidgetState) => {
      state = s;
      // Nobody can answer and the site prefers silence: show nothing (unless a chat is under way).
      const hide = s.availability.mode === 'hidden' && !readIdentity(siteKey)?.hasConversation && !chat;
      if (host) {
        host.hidden = hide;
        drawLauncher(s);
        chat?.update(s);
        place();
        return;
      }
      if (hide) return;
      host = document.createElement('tribu-widget');
      const root = host.attachShadow({ mode: 'open' });
      // Site colours as :host defaults, so a merchant's own `tribu-widget { --tribu-color: … }` wins.
      adoptCss(root, `:host{--tribu-color:${s.theme.color};--tribu-on-color:${s.theme.onColor}}${launcherCss}`);
      host.setAttribute('data-position', s.theme.position);
      // The tag's data-theme (light, dark, auto) wins over the site's setting.
      host.setAttribute('data-mode', script.dataset.theme ?? s.theme.mode);
      launcher = document.createElement('button');
      launcher.type = 'button';
      launcher.className = 'launcher';
      launcher.setAttribute('aria-expanded', 'false');
      launcher.addEventListener('click', () => api.toggle());
      drawLauncher(s);
      root.append(launcher);
      document.body.append(host);
      place();
      emit('ready');
      // A visitor with a conversation keeps it across pages: restore it without waiting for a click.
      if (readIdentity(siteKey)?.hasConversation) void loadChat(wasOpen(siteKey));
    };

    // Who can answer changes: refresh now and then while the page is in view (the endpoint is cached).
    const refresh = () => {
      if (!window.Tribu || document.visibilityState !== 'visible') return;
      fetchState()
        .then((s) => s && window.Tribu && apply(s))
        .catch(() => undefined);
    };
    const timer = setInterval(refresh, 30_000);
    document.addEventListener('visibilitychange', refresh);
    addEventListener('scroll', place, { passive: true });
    addEventListener('resize', place);
    stop = () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
      removeEventListener('scroll', place);
      removeEventListener('resize', place);
    };
    refresh();
    // Calls the page queued before we arrived (last: a bad one can only stop the ones after it).
    queued?.forEach(([name, ...args]) => (api[name] as (...a: unknown[]) => void)(...args));
  } catch {
    /* a hostile page must never see our errors */
  }
})();
