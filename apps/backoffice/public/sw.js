/* Tribu backoffice service worker: the app shell for fast starts, an offline page, and Web Push.
   Written by hand (no build plugin): it caches only /backoffice/ files, never the API or sockets. */
const SHELL_CACHE = 'tribu-shell-v1';
const OFFLINE = '/backoffice/offline.html';
const STATIC = [OFFLINE, '/backoffice/manifest.webmanifest', '/backoffice/icons/icon-192.png', '/backoffice/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(STATIC);
      // The shell: index.html and the fingerprinted scripts and styles it loads.
      try {
        const res = await fetch('/backoffice/', { cache: 'no-store' });
        if (res.ok) {
          const html = await res.clone().text();
          await cache.put('/backoffice/', res);
          const assets = [...new Set(html.match(/\/backoffice\/assets\/[^"'\s>]+/g) || [])];
          await cache.addAll(assets);
        }
      } catch {
        // Installed offline: the shell is cached on the next visit.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL_CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || !(url.pathname === '/backoffice' || url.pathname.startsWith('/backoffice/'))) return;
  if (req.mode === 'navigate') {
    // Network first (the desk must be live); the last shell is kept; no network at all: the offline page.
    event.respondWith(
      (async () => {
        try {
          const res = await fetch(req);
          if (res.ok) {
            const cache = await caches.open(SHELL_CACHE);
            await cache.put('/backoffice/', res.clone());
          }
          return res;
        } catch {
          return (await caches.match(OFFLINE)) || new Response('You are offline', { status: 503, headers: { 'content-type': 'text/plain' } });
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/backoffice/assets/') || url.pathname.startsWith('/backoffice/icons/')) {
    // Fingerprinted or static: the cached copy is as good as the network's.
    event.respondWith(
      (async () => {
        const cached = await caches.match(req);
        if (cached) return cached;
        const res = await fetch(req);
        if (res.ok) (await caches.open(SHELL_CACHE)).put(req, res.clone());
        return res;
      })(),
    );
  }
});

// A push from the server: { title, body, url, tag } (encrypted end to end; only this browser reads it).
self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const url = typeof data.url === 'string' && data.url.startsWith('/backoffice/') ? data.url : '/backoffice/';
  event.waitUntil(
    self.registration.showNotification(data.title || 'Tribu', {
      body: data.body || '',
      tag: data.tag || undefined,
      renotify: Boolean(data.tag),
      icon: '/backoffice/icons/icon-192.png',
      data: { url },
    }),
  );
});

// A tap opens that request on the desk: an open backoffice window is reused, else a new one opens.
async function openOnDesk(path) {
  const target = new URL(typeof path === 'string' && path.startsWith('/backoffice/') ? path : '/backoffice/', self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).pathname.startsWith('/backoffice'));
  if (open) {
    // Focusing needs the tap itself; steering the window does not.
    await open.focus().catch(() => undefined);
    try {
      return await open.navigate(target);
    } catch {
      // A window this worker does not control cannot be steered: a new one opens instead.
    }
  }
  return self.clients.openWindow(target);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openOnDesk(event.notification.data && event.notification.data.url));
});
