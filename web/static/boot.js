// Loads the WebAssembly application. Kept out of index.html so the CSP can forbid inline scripts.
// The bindings find their wasm next to themselves (import.meta.url); `cargo xtask build-web` gives
// both content-hashed names and rewrites this import. Until the application mounts, the page shows
// its loading state; if it cannot load, the page says so (with the report email) instead.
import init from '/ttis_web.js';

init().catch((error) => {
  const failed = document.getElementById('app-loading-failed');
  const status = document.getElementById('app-loading-status');
  if (failed) failed.hidden = false;
  if (status) status.hidden = true;
  console.error('TTIS Lapor could not start', error);
});
