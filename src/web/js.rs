//! The JavaScript boundary: values in (a safe snapshot of the caller's object, its keys checked,
//! then read with serde-wasm-bindgen), values out, and JavaScript errors.

use js_sys::{Array, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::members;
use crate::core::{CognitoError, Operation, Request};

/// `obj[key]`, or `None` when absent, `undefined` or `null`. A getter that throws reads as
/// absent: objects from callers are read through [`snapshot`] first, where that is an error.
pub(crate) fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    if !obj.is_object() {
        return None;
    }
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Sets `obj[key] = value`; setting a plain property on an own object cannot fail.
pub(crate) fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Object.keys`, which runs a Proxy's `ownKeys` trap and so may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// Whether `value` is a plain object (not an array, a function or a primitive); an error where
/// asking throws (a revoked Proxy).
fn try_plain_object(value: &JsValue) -> Result<bool, JsValue> {
    Ok(value.is_object() && !value.is_function() && !is_array(value)?)
}

/// Whether `value` is a plain object; `false` where asking throws.
pub(crate) fn is_plain_object(value: &JsValue) -> bool {
    try_plain_object(value).unwrap_or(false)
}

/// The own enumerable keys of a plain object; `None` for anything else.
pub(crate) fn keys(value: &JsValue) -> Option<Vec<String>> {
    if !is_plain_object(value) {
        return None;
    }
    Some(
        own_keys(value)
            .ok()?
            .iter()
            .filter_map(|k| k.as_string())
            .collect(),
    )
}

/// A copy of the caller's object, `depth` levels of plain objects deep, taken once: every getter
/// runs here and only here, so one that throws (or a revoked Proxy) is a `ValidationError` on
/// `field` rather than an exception in the middle of reading; and a caller that changes its
/// object later changes nothing here. Functions and other values are kept as they are.
pub(crate) fn snapshot(value: &JsValue, field: &'static str, depth: u32) -> Result<JsValue, CognitoError> {
    copy(value, field, field, depth)
}

/// [`snapshot`] of the member at `path` (`request.ClientMetadata`), for error text.
fn copy(value: &JsValue, field: &'static str, path: &str, depth: u32) -> Result<JsValue, CognitoError> {
    let fail = |at: &str, e: JsValue| {
        CognitoError::validation(field, format!("{at} cannot be read: {}", describe(&e)))
    };
    if depth == 0 || !try_plain_object(value).map_err(|e| fail(path, e))? {
        return Ok(value.clone());
    }
    let copy = Object::new();
    for key in own_keys(value).map_err(|e| fail(path, e))?.iter() {
        let inner = [path, ".", &key.as_string().unwrap_or_default()].concat();
        let member = Reflect::get(value, &key).map_err(|e| fail(&inner, e))?;
        let member = self::copy(&member, field, &inner, depth - 1)?;
        // Defined, not assigned: a key such as `__proto__` stays a key of the copy.
        let descriptor = Object::new();
        set(&descriptor, "value", &member);
        for flag in ["enumerable", "writable", "configurable"] {
            set(&descriptor, flag, &JsValue::TRUE);
        }
        Object::define_property(&copy, &key, &descriptor);
    }
    Ok(copy.into())
}

/// Reads `T` from a snapshot: a member of the wrong type is a `ValidationError` naming it.
pub(crate) fn read<T: for<'de> Deserialize<'de>>(
    value: &JsValue,
    field: &'static str,
) -> Result<T, CognitoError> {
    members::read(field, |member| T::deserialize(deserializer(value, member)))
}

/// A serde deserializer of `value`, or of an object holding only its `member`.
fn deserializer(value: &JsValue, member: Option<&str>) -> serde_wasm_bindgen::Deserializer {
    let Some(member) = member else {
        return value.clone().into();
    };
    let only = Object::new();
    if let Some(v) = get(value, member) {
        set(&only, member, &v);
    }
    JsValue::from(only).into()
}

/// `value` as a JavaScript value the way `JSON.parse` would give it: plain objects for structs
/// and maps, members in declaration order, absent `Option`s left out.
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
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

/// The message of a thrown JavaScript value, for error text.
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    value.as_string().unwrap_or_else(|| "unknown error".to_owned())
}

/// Refuses a key of the snapshot `value` that is not one of `known`.
pub(crate) fn check_keys(value: &JsValue, field: &'static str, known: &[&str]) -> Result<(), CognitoError> {
    let Some(keys) = keys(value) else { return Ok(()) };
    members::check_keys(keys.iter().map(String::as_str), field, known)
}

/// Reads a request of `operation` from the caller's object: a snapshot, its members checked by
/// name (nested ones too), then read with serde.
pub(crate) fn read_request(operation: Operation, value: &JsValue) -> Result<Request, CognitoError> {
    let value = snapshot(value, "request", 3)?;
    Request::check_members(operation, |member| match member {
        None => keys(&value),
        Some(member) => get(&value, member).and_then(|v| keys(&v)),
    })?;
    Request::read(operation, |member| deserializer(&value, member))
}
