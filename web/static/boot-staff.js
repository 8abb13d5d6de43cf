// Loads the staff build of the WebAssembly application (staff.html, served for /staff and
// /staff/...). Kept out of the page so the CSP can forbid inline scripts. The bindings find their
// wasm next to themselves (import.meta.url); `cargo xtask build-web` gives both content-hashed
// names and rewrites this import. If the application cannot load, the page says so.
import init from '/ttis_web_staff.js';

init().catch((error) => {
  const failed = document.getElementById('app-loading-failed');
  const status = document.getElementById('app-loading-status');
  if (failed) failed.hidden = false;
  if (status) status.hidden = true;
  console.error('TTIS Lapor could not start', error);
});
