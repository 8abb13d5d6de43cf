// Loads the WebAssembly application. Kept out of index.html so the CSP can forbid inline scripts.
// The bindings find `/ttis_web_bg.wasm` next to themselves (import.meta.url).
import init from '/ttis_web.js';

init();
