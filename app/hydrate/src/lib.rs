//! The browser entry point: wakes up the islands that the server rendered. Everything else on a
//! page stays plain server-rendered HTML, which keeps the WebAssembly small.

// The islands are exported by the app crate; naming the crate links them into this bundle.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
