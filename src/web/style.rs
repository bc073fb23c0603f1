//! The default stylesheet. `page.js` adopts it as a constructable stylesheet, so it works under
//! a strict Content-Security-Policy (no inline `<style>`), once per document or shadow root.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = adoptStyles)]
    fn adopt_styles(element: &Element, css: &str);
}

/// Adds the default stylesheet to the document or shadow root that holds `element`.
pub fn adopt_for(element: &Element) {
    adopt_styles(element, crate::STYLESHEET);
}
