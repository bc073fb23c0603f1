//! Small helpers for reading JavaScript option objects and building JavaScript errors.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::protocol::member_as;
use crate::core::text::{concat, decimal};
use crate::core::{CognitoError, Source};

/// `obj[key]`, or `None` when absent, `undefined` or `null`.
pub(crate) fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `obj[key]` as a string.
pub(crate) fn get_string(obj: &JsValue, key: &'static str) -> Result<Option<String>, CognitoError> {
    member_as(obj, key, "a string", JsValue::as_string)
}

/// `obj[key]` as a whole number within `range`.
pub(crate) fn get_u32(
    obj: &JsValue,
    key: &'static str,
    range: std::ops::RangeInclusive<u32>,
) -> Result<Option<u32>, CognitoError> {
    let Some(v) = get(obj, key) else { return Ok(None) };
    let bad = || {
        CognitoError::validation(
            key,
            concat(&[
                key,
                " must be a whole number from ",
                &decimal(u64::from(*range.start())),
                " to ",
                &decimal(u64::from(*range.end())),
            ]),
        )
    };
    let n = v.as_f64().ok_or_else(bad)?;
    if n.fract() != 0.0 || n < f64::from(*range.start()) || n > f64::from(*range.end()) {
        return Err(bad());
    }
    // In range, so the cast is exact.
    Ok(Some(n as u32))
}

/// `obj[key]` as a boolean.
pub(crate) fn get_bool(obj: &JsValue, key: &'static str) -> Result<Option<bool>, CognitoError> {
    member_as(obj, key, "true or false", JsValue::as_bool)
}

/// `obj[key]` as a function.
pub(crate) fn get_function(obj: &JsValue, key: &'static str) -> Result<Option<Function>, CognitoError> {
    member_as(obj, key, "a function", |v| v.dyn_ref::<Function>().cloned())
}

/// A real JavaScript `Error` with `name`, `message`, `status`, `retryable`, `kind` (and `field`
/// for validation errors).
pub(crate) fn to_js_error(error: &CognitoError) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name(error.name.as_str());
    let obj: &Object = js.as_ref();
    set(obj, "status", &JsValue::from(error.status));
    set(obj, "retryable", &JsValue::from_bool(error.retryable()));
    set(obj, "kind", &JsValue::from_str(error.kind.as_str()));
    if let Some(field) = error.field {
        set(obj, "field", &JsValue::from_str(field));
    }
    js.into()
}

/// Sets `obj[key] = value`; setting a plain property on an own object cannot fail.
pub(crate) fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Parses JSON with the browser's own parser.
pub(crate) fn parse_json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|_| Object::new().into())
}

/// The message of a thrown JavaScript value, for error text.
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.keys`, which runs a Proxy's `ownKeys` trap and so may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Object.assign`, which runs getters and so may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = assign)]
    fn assign(target: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
}

/// A shallow copy of an options object. One whose getters throw is a `ValidationError`.
pub(crate) fn copy_options(options: &JsValue) -> Result<JsValue, CognitoError> {
    assign(&Object::new(), options).map_err(|e| {
        CognitoError::validation("options", concat(&["options cannot be read: ", &describe(&e)]))
    })
}

/// Requests are read from JavaScript objects member by member (no serde in the wasm). An
/// object that throws when inspected (a hostile Proxy) reads as no object at all.
impl Source for JsValue {
    fn keys(&self) -> Option<Vec<String>> {
        if !self.is_object() || self.is_function() || is_array(self).unwrap_or(true) {
            return None;
        }
        let keys = own_keys(self).ok()?;
        let mut names = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            if let Some(name) = key.as_string() {
                names.push(name);
            }
        }
        Some(names)
    }
    fn member(&self, key: &str) -> Option<Self> {
        get(self, key)
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
}
