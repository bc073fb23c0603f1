//! `mount()` and its handle: the registry of mounted forms, each the Leptos component drawn into
//! its target with the options it was given, so that an update or a translation registered later
//! can draw it again.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js;
use super::options::{self, MountOptions};
use crate::core::i18n;
use crate::core::CognitoError;

#[wasm_bindgen(typescript_custom_section)]
const UI_TYPES: &str = include_str!("types-ui.d.ts");

/// The custom element's `credentials` property, with the admin feature.
#[cfg(feature = "admin")]
#[wasm_bindgen(typescript_custom_section)]
const UI_ADMIN_TYPES: &str = include_str!("types-ui-admin.d.ts");

/// A mounted form: where it is, the options it was rendered with (so that a locale registered
/// later can render it again), and the handle whose drop unmounts it.
struct Mounted {
    id: u32,
    target: web_sys::HtmlElement,
    options: JsValue,
    language: String,
    /// Leptos' `UnmountHandle`; its drop unmounts the form.
    _view: Box<dyn std::any::Any>,
}

thread_local! {
    /// Every mounted form. The form lives here, not in the handle, so a handle that JavaScript
    /// drops (and garbage-collects) does not take the form with it.
    static MOUNTED: std::cell::RefCell<Vec<Mounted>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_MOUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// What `mount()` returns: call `unmount()` to remove the form and free its memory.
#[wasm_bindgen(skip_typescript)]
#[derive(Debug)]
pub struct MountHandle {
    id: u32,
}

#[wasm_bindgen]
impl MountHandle {
    /// Re-renders the form with new options, keeping the typed code (unless `options.code` is
    /// given). Invalid options reject with a `ValidationError` and leave the form as it was.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsValue> {
        rerender(self.id, &options, false).map_err(|e| js::to_js_error(&e))
    }

    /// Removes the form. Calling it twice is harmless.
    pub fn unmount(&mut self) {
        let removed = take_mounted(self.id);
        if let Some(form) = &removed {
            super::panic::untrack(&form.target);
        }
        // Dropped outside the borrow: unmounting runs cleanups that may touch the registry.
        drop(removed);
    }
}

/// Removes form `id` from the registry (returned, so it is dropped outside the borrow).
fn take_mounted(id: u32) -> Option<Mounted> {
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|f| f.id == id)?;
        Some(m.swap_remove(at))
    })
}

/// `mount(elementOrSelector, options)`: renders the form into the element.
#[wasm_bindgen(skip_typescript)]
pub fn mount(target: JsValue, options: JsValue) -> Result<MountHandle, JsValue> {
    mount_inner(target, options).map_err(|e| js::to_js_error(&e))
}

fn mount_inner(target: JsValue, options: JsValue) -> Result<MountHandle, CognitoError> {
    super::panic::install();
    let element = resolve_target(&target)?;
    // A copy: the app may change its object later; this one renders the form again.
    let options = js::snapshot(&options, "options", 2)?;
    let read = options::read(&options, &element)?;
    let id = NEXT_MOUNT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let mounted = render(id, element, options, read);
    MOUNTED.with(|m| m.borrow_mut().push(mounted));
    Ok(MountHandle { id })
}

/// Renders the form into `element`.
fn render(id: u32, element: web_sys::HtmlElement, options: JsValue, read: MountOptions) -> Mounted {
    if read.stylesheet {
        super::style::adopt_for(&element);
    }
    let config = read.config;
    super::panic::track(&element, config.messages.get(i18n::Key::ErrorOther));
    let target = element.clone();
    let view = leptos::mount::mount_to(element, move || {
        leptos::view! { <crate::ui::ConfirmForm config=config /> }
    });
    Mounted {
        id,
        target,
        options,
        language: read.language,
        _view: Box::new(view),
    }
}

/// Renders form `id` again with `options`, keeping the typed code unless they bring one (or
/// always, with `typed_wins`). Invalid options leave the form as it was.
pub(crate) fn rerender(id: u32, options: &JsValue, typed_wins: bool) -> Result<(), CognitoError> {
    let gone = || CognitoError::validation("handle", "update() after unmount()");
    let target = MOUNTED
        .with(|m| m.borrow().iter().find(|f| f.id == id).map(|f| f.target.clone()))
        .ok_or_else(gone)?;
    let stored = js::snapshot(options, "options", 2)?;
    let options = js::snapshot(&stored, "options", 2)?;
    if typed_wins || js::get(&options, "code").is_none() {
        let typed = target
            .query_selector("input[name=code]")
            .ok()
            .flatten()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .filter(|v| !v.is_empty());
        if let Some(typed) = typed {
            js::set(&options, "code", &JsValue::from_str(&typed));
        }
    }
    // Validate first: a bad update leaves the current form as it is.
    let read = options::read(&options, &target)?;
    let old = take_mounted(id);
    drop(old);
    let mounted = render(id, target, stored, read);
    MOUNTED.with(|m| m.borrow_mut().push(mounted));
    Ok(())
}

fn resolve_target(target: &JsValue) -> Result<web_sys::HtmlElement, CognitoError> {
    let missing = || {
        CognitoError::validation(
            "target",
            "mount() needs an element or a selector that matches one",
        )
    };
    if let Some(selector) = target.as_string() {
        let document = web_sys::window().and_then(|w| w.document()).ok_or_else(missing)?;
        let found = document
            .query_selector(&selector)
            .map_err(|_| missing())?
            .ok_or_else(missing)?;
        return found.dyn_into::<web_sys::HtmlElement>().map_err(|_| missing());
    }
    target
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| missing())
}

/// The forms showing `language` (or waiting for it in English), with their options.
pub(crate) fn forms_in(language: &str) -> Vec<(u32, JsValue)> {
    MOUNTED.with(|m| {
        m.borrow()
            .iter()
            .filter(|f| f.language == language)
            .map(|f| (f.id, f.options.clone()))
            .collect()
    })
}
