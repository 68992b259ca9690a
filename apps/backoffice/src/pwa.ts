/** The installable app: the service worker (public/sw.js) caches the shell, shows an offline page and Web Push. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/backoffice/sw.js', { scope: '/backoffice' }).catch(() => undefined);
  });
}
