// The handbook's service worker, written by the build (handbook/site/offline/): after one visit, every
// page, form and the checkers' runtime of this version are kept in this browser, so the handbook still
// works when the signal drops. It keeps the site's own files only, never anything a reader typed: the
// checkers' answers live in the page and are never sent anywhere, so there is nothing else to keep.
// A new build is a new cache; it waits until the reader chooses to reload, so old and new never mix.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const PREFIX = `handbook:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data === "reload-with-new-version") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(request, { ignoreSearch: true });
    return kept || fetch(request);
  })());
});
