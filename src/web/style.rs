//! The default stylesheet, adopted as a constructable stylesheet so it works under a strict
//! Content-Security-Policy (no inline `<style>`), once per document or shadow root.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot};

const CSS: &str = include_str!("style.css");

thread_local! {
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
}

/// Adds the default stylesheet to the document or shadow root that holds `element`.
pub fn adopt_for(element: &Element) {
    SHEET.with(|sheet| {
        let Some(sheet) = sheet else { return };
        let root = element.get_root_node();
        if let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
            let list = shadow.adopted_style_sheets();
            if !list.includes(sheet, 0) {
                list.push(sheet);
                shadow.set_adopted_style_sheets(&JsValue::from(list));
            }
        } else if let Some(document) = root
            .dyn_ref::<Document>()
            .cloned()
            .or_else(|| element.owner_document())
        {
            let list = document.adopted_style_sheets();
            if !list.includes(sheet, 0) {
                list.push(sheet);
                document.set_adopted_style_sheets(&JsValue::from(list));
            }
        }
    });
}
