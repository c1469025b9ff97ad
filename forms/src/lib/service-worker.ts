/**
 * Registers the service worker (`/sw.js`, built by `forms/build-sw.ts`) so every
 * form opens with no network once the site has been visited. Browsers without
 * service workers (or on plain http other than localhost) simply go without.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e: unknown) => {
      console.warn('service worker not registered', e);
    });
  });
}
