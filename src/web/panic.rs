//! A failure of the module must not leave a dead form behind. `guard.js` holds the mounted forms
//! and, when the module fails, reports it on the console and turns every form into a visible
//! error. The package's build aborts on a panic without running any hook (a trap, which
//! `guard.js` catches in the glue); other builds report through the hook installed here. Either
//! way the module then traps: the page and other scripts keep working, and a reload brings the
//! form back.

use std::sync::Once;

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/guard.js")]
extern "C" {
    fn watch(target: &Element, message: &str);
    fn unwatch(target: &Element);
    fn failed(detail: &str);
}

/// Installs the hook once per page (not in a build that aborts on a panic without running one).
pub fn install() {
    if cfg!(panic = "immediate-abort") {
        return;
    }
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

/// What the hook does: a console error and, in every mounted form, `data-state="error"` with
/// its translated message in its alert region.
pub fn report(message: &str) {
    failed(message);
}
