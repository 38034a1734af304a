// Loads the wasm app without an inline script, so the page's CSP can forbid
// inline scripts. Trunk writes the hashed file names into data attributes.
//
// The wasm is compiled while the JS glue is still arriving: its fetch (which
// takes the response index.html preloads) and compileStreaming start here,
// before the import, and the glue is handed the compiled module. Started
// from the glue's own init, the compile waited for the glue's download and
// parse. A server that does not label the file application/wasm gets the
// slower compile from bytes, as the glue itself would do.
const boot = document.getElementById('boot');
const status = document.getElementById('boot-status');
try {
  const compiled = fetch(boot.dataset.wasm).then((response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} fetching ${response.url}`);
    return typeof WebAssembly.compileStreaming === 'function' && (response.headers.get('content-type') ?? '').startsWith('application/wasm')
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  // Not left unhandled while the import runs: a failure is reported below.
  compiled.catch(() => {});
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: compiled });
  if (status) status.remove();
} catch (error) {
  if (status) {
    status.textContent = '应用加载失败,请刷新页面或更换浏览器。The app failed to load: ' + error;
    status.classList.add('boot-failed');
  }
  throw error;
}

// Once the app runs, the service worker (sw.js, next to this file) keeps it
// working offline. Only over http(s) and where the browser offers it (a
// secure context); a failure costs only offline use, so it is a warning.
// It registers once the page is idle: its install fetches every file again,
// which on a first visit would otherwise compete with the first render.
if ((location.protocol === 'http:' || location.protocol === 'https:') && 'serviceWorker' in navigator) {
  const register = () => navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch((error) => {
    console.warn('Offline use unavailable: the service worker did not register.', error);
  });
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 1000);
}
