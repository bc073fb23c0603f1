//! A panic must not leave a dead form behind. In the wasm a panic aborts the module (a trap):
//! the page and other scripts keep working, but no form can answer any more. Before that, the
//! hook installed here hands the panic's message to `guard.js`, which reports it on the console
//! and turns every mounted form into a visible, translated error; a reload brings the form back.

use std::sync::Once;

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/guard.js")]
extern "C" {
    fn watch(target: &Element, message: &str);
    fn unwatch(target: &Element);
    fn failed(detail: &str);
}

/// Installs the panic hook, once per page. Every entry point calls it.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            report(&format!("{message}{place}"));
        }));
    });
}

/// Remembers a mount target, with the form's translated text for a failure.
pub fn track(target: &Element, message: &str) {
    watch(target, message);
}

/// Forgets a mount target.
pub fn untrack(target: &Element) {
    unwatch(target);
}

/// What the hook does with a panic's message: a console error and, in every mounted form,
/// `data-state="error"` with the form's translated "something went wrong" in its alert region.
pub fn report(message: &str) {
    failed(message);
}
