// Loads the wasm app without an inline script, so the page's CSP can forbid
// inline scripts. Trunk writes the hashed file names into data attributes.
const boot = document.getElementById('boot');
const status = document.getElementById('boot-status');
try {
  const { default: init } = await import(boot.dataset.js);
  await init({ module_or_path: boot.dataset.wasm });
  if (status) status.remove();
} catch (error) {
  if (status) {
    status.textContent = '应用加载失败,请刷新页面或更换浏览器。The app failed to load: ' + error;
    status.classList.add('boot-failed');
  }
  throw error;
}
