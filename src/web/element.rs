//! The `<cognito-confirm-sign-up>` custom element: `element.js` maps its attributes and
//! properties to `mount()` options and its callbacks to events.

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js;
use super::mount::mount;
use crate::core::CognitoError;

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineCognitoElement)]
    fn define_cognito_element(tag_name: &str, mount: &Function) -> JsValue;
}

/// Default tag of the custom element.
pub const DEFAULT_TAG: &str = "cognito-confirm-sign-up";

/// `defineElement(tagName?)`: registers the custom element (once per tag) and returns its class.
#[wasm_bindgen(js_name = defineElement, skip_typescript)]
pub fn define_element(tag_name: Option<String>) -> Result<JsValue, JsValue> {
    let tag = tag_name.unwrap_or_else(|| DEFAULT_TAG.to_owned());
    let valid = tag.bytes().any(|b| b == b'-')
        && tag.starts_with(|c: char| c.is_ascii_lowercase())
        && tag
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
    if !valid {
        let e = CognitoError::validation("tagName", format!("\"{tag}\" is not a valid custom element name"));
        return Err(js::to_js_error(&e));
    }
    let mount_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|target, options| {
        mount(target, options).map(JsValue::from)
    })
    .into_js_value();
    Ok(define_cognito_element(&tag, mount_fn.unchecked_ref()))
}
