/**
 * The names the service worker and the pages share. The API cache holds the last
 * answers of the signed-in person's reads (for opening forms offline); it is
 * deleted when they sign out or someone else signs in.
 */
export const apiCacheName = 'shouwang-api';

/** Deletes the cached API answers (a shared phone must not show the last person's data). */
export async function clearApiCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(apiCacheName);
}
