// Service worker: the app keeps working with no network after the first visit.
//
// Network first for every same-origin GET, cache as the fallback, so an
// online visit always gets the current release and an offline one the last
// release seen. Pages (navigations) are kept under their path without search
// or fragment (the app's state lives in the fragment, which never reaches
// here); files in a cache of their own, pruned to what the newest page names,
// so old hashed JS/wasm/CSS do not pile up release after release.
// boot.js registers this file after the app has started.
const VERSION = 'v1';
const PAGES = `pathways-pages-${VERSION}`;
const FILES = `pathways-files-${VERSION}`;
// Trunk's content-hashed names (style-<hash>.css, pathways-<hash>.js,
// pathways-<hash>_bg.wasm): the same name always means the same bytes.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** Same-origin paths of the files a page names (href, src, data-js, data-wasm). */
function namedFiles(html, base) {
  const paths = new Set();
  // Quoted or not: Trunk's minified page drops the quotes where it can.
  for (const [, , quoted, bare] of html.matchAll(/\s(href|src|data-js|data-wasm)=(?:"([^"]+)"|([^\s"'>]+))/g)) {
    const url = new URL(quoted ?? bare, base);
    if (url.origin === self.location.origin) paths.add(url.pathname);
  }
  return paths;
}

function pageKey(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}

/** Drops cached files the newest page no longer names (a previous release's). */
async function prune(html, base) {
  const keep = namedFiles(html, base);
  // Only a page of the app (it names hashed files) decides what stays.
  if (![...keep].some((path) => HASHED.test(path))) return;
  const files = await caches.open(FILES);
  for (const request of await files.keys()) {
    if (!keep.has(new URL(request.url).pathname)) await files.delete(request);
  }
}

/** Caches the start page and the files it names; never fails the install. */
async function precache() {
  try {
    const start = new URL('./', self.registration.scope).href;
    const response = await fetch(start);
    if (!response.ok) return;
    const html = await response.clone().text();
    await (await caches.open(PAGES)).put(start, response);
    const files = await caches.open(FILES);
    await Promise.all(
      [...namedFiles(html, start)].map(async (path) => {
        try {
          // A hashed name never changes content, so the copy the page just
          // loaded (in the HTTP cache) is as good as a new download.
          const fetched = await fetch(path, { cache: HASHED.test(path) ? 'force-cache' : 'default' });
          if (fetched.ok) await files.put(path, fetched);
        } catch {
          // Offline during install: the next visit caches it.
        }
      }),
    );
  } catch {
    // Offline during install: pages are cached as they are fetched.
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('pathways-') && name !== PAGES && name !== FILES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromNetwork(event, isPage) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          if (isPage) {
            const html = await copy.clone().text();
            await (await caches.open(PAGES)).put(pageKey(request.url), copy);
            await prune(html, request.url);
          } else {
            await (await caches.open(FILES)).put(new URL(request.url).pathname, copy);
          }
        })().catch(() => {}),
      );
    }
    return response;
  } catch (error) {
    const cached = isPage
      ? ((await caches.match(pageKey(request.url), { cacheName: PAGES })) ??
        (await caches.match(new URL('./', self.registration.scope).href, { cacheName: PAGES })))
      : await caches.match(new URL(request.url).pathname, { cacheName: FILES, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromNetwork(event, request.mode === 'navigate'));
});
