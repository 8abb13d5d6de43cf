// Loads the staff build of the WebAssembly application (staff.html, served for /staff and
// /staff/...). Kept out of the page so the CSP can forbid inline scripts. The bindings find
// `/ttis_web_staff_bg.wasm` next to themselves (import.meta.url).
import init from '/ttis_web_staff.js';

init();
