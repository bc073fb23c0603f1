//! A panic must not leave a dead form behind: the hook reports it on the console and turns every
//! mounted form into a visible error. (With `panic = "abort"` the module then traps; the page and
//! other scripts keep working, and a reload brings the form back.)

use std::cell::RefCell;
use std::sync::Once;

use wasm_bindgen::JsValue;
use web_sys::Element;

#[cfg(feature = "ui")]
use crate::core::i18n::{builtin, Key};

thread_local! {
    /// The elements forms are mounted into.
    static TARGETS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook once per page.
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
            // The package is built without panic locations (scripts/size-env.sh): line 0.
            let place = info
                .location()
                .filter(|l| l.line() != 0)
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            report(&format!("{message}{place}"));
        }));
    });
}

/// Remembers a mount target.
pub fn track(target: &Element) {
    let _ = TARGETS.try_with(|t| t.try_borrow_mut().map(|mut t| t.push(target.clone())));
}

/// Forgets a mount target.
pub fn untrack(target: &Element) {
    let _ = TARGETS.try_with(|t| t.try_borrow_mut().map(|mut t| t.retain(|e| e != target)));
}

/// What the hook does: a console error and, in every mounted form, `data-state="error"` with a
/// translated message in its alert region. Written defensively: it runs while something failed.
pub fn report(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "cognito-confirm: internal error: {message}"
    )));
    #[cfg(feature = "ui")]
    show_in_forms();
}

#[cfg(feature = "ui")]
fn show_in_forms() {
    let _ = TARGETS.try_with(|targets| {
        let Ok(targets) = targets.try_borrow() else { return };
        for target in targets.iter() {
            let Ok(Some(root)) = target.query_selector(".cognito-confirm") else {
                continue;
            };
            let _ = root.set_attribute("data-state", "error");
            let lang = root.get_attribute("lang").unwrap_or_default();
            if let Ok(Some(alert)) = root.query_selector("[role=alert]") {
                alert.set_text_content(Some(builtin(&lang, Key::ErrorOther)));
            }
        }
    });
}
