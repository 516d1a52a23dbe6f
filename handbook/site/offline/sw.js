// The handbook's service worker, written by the build (handbook/site/offline/): after one visit, every
// page, form and the checkers' runtime of this version are kept in this browser, so the handbook still
// works when the signal drops. It keeps the site's own files only, never anything a reader typed: the
// checkers' answers live in the page and are never sent anywhere, so there is nothing else to keep.
// A new build is a new cache; it waits until the reader chooses to reload, so old and new never mix.
const VERSION = "__VERSION__";
const FILES = __FILES__;
// The checkers' memory snapshot (11 MB): a faster start, not needed to work offline. Kept once the
// rest is (when a page asks, see offline.js), so that it never holds up the offline copy.
const LATER = __LATER__;
// A network's runtime folder, shared by its groups on this origin (build-all --shared-runtime), or null:
// its files are kept in this group's copy too, and served from it like the group's own.
const SHARED = __SHARED__ && new URL(__SHARED__, self.location).href;
const PREFIX = `handbook:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "reload-with-new-version") self.skipWaiting();
  if (event.data === "keep-later") event.waitUntil(keepLater());
});

async function keepLater() {
  const cache = await caches.open(CACHE);
  for (const file of LATER) {
    if (!(await cache.match(file)))
      await cache.add(file).catch(() => {
        /* without it, Python starts as usual */
      });
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const ours = request.url.startsWith(self.registration.scope) || (SHARED && request.url.startsWith(SHARED));
  if (request.method !== "GET" || !ours) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept && request.url.endsWith(".wasm")) return runtime(request, kept);
      if (kept) return kept;
      if (request.mode !== "navigate") return fetch(request);
      return fetch(request).catch(() => notKept(cache));
    })(),
  );
});

// Offline, a page this copy does not keep (a route's page under All answers, a mistyped address) gets the
// handbook's own page saying so, with the checkers, which work offline: never the browser's error page.
// It is the 404 page, whose links start from the site's folder, so it is given that folder as its base.
async function notKept(cache) {
  const page = await cache.match("404.html");
  if (!page) return Response.error();
  const html = (await page.text()).replace("<head>", `<head><base href="${self.registration.scope}">`);
  return new Response(html, {
    status: 503,
    statusText: "Offline",
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

// The checkers' runtime (9.6 MB of WebAssembly). Through the browser's own HTTP cache (where the
// browser can keep it compiled) rather than from this copy, a second visit's first answer came about
// 250 ms sooner (docs/about/performance.md). So it is asked for there first, and used only if it is the very file
// kept with this build (same ETag or Last-Modified), so that a later build never mixes in. Offline,
// on an error, or when the network is slow to answer, the kept copy.
const NETWORK_WAIT_MS = 3000;

async function runtime(request, kept) {
  const controller = new AbortController();
  const waited = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  const fresh = await Promise.race([fetch(request, { signal: controller.signal }).catch(() => null), waited]);
  if (fresh && fresh.ok && sameFile(fresh, kept)) return fresh;
  controller.abort(); // not wanted: stop its download
  return kept;
}

function sameFile(one, other) {
  const tag = (response) => response.headers.get("etag") || response.headers.get("last-modified");
  return tag(one) !== null && tag(one) === tag(other);
}
