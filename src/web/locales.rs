//! Translations for JavaScript: `registerLocale`, and the texts a mounted form shows for its
//! locale (a registered catalogue, a built-in one, or English with a warning naming the module
//! to load).

use wasm_bindgen::prelude::*;

use super::js;
use super::mount::{forms_in, rerender};
use crate::core::i18n::{self, Messages};
use crate::core::protocol::StringMap;
use crate::core::CognitoError;

/// A language and its texts by key name.
type Catalogue = (String, Vec<(String, String)>);

thread_local! {
    /// Catalogues added with `registerLocale`, by language.
    static REGISTERED: std::cell::RefCell<Vec<Catalogue>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Languages already warned about as not loaded.
    static WARNED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `registerLocale(locale, messages)`: adds a catalogue, for example the module
/// `cognito-confirm/locales/de.js`. Forms already mounted in that language render again with it
/// (keeping the typed code), so the module can load after `mount()`. It wins over a built-in
/// catalogue; a key it lacks falls back to English.
#[wasm_bindgen(js_name = registerLocale, skip_typescript)]
pub fn register_locale(locale: &str, messages: JsValue) -> Result<(), JsValue> {
    let fail = |e: CognitoError| js::to_js_error(&e);
    let language = i18n::language(locale);
    if language.is_empty() || !language.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(fail(CognitoError::validation(
            "locale",
            ["\"", locale, "\" is not a BCP 47 locale"].concat(),
        )));
    }
    let messages = js::snapshot(&messages, "messages", 1).map_err(fail)?;
    let texts = js::read::<StringMap>(&messages, "messages").map_err(fail)?.0;
    let unknown: Vec<&str> = texts
        .iter()
        .map(|(key, _)| key.as_str())
        .filter(|key| i18n::Key::from_name(key).is_none())
        .collect();
    if !unknown.is_empty() {
        return Err(fail(CognitoError::validation(
            "messages",
            format!("unknown messages keys: {}", unknown.join(", ")),
        )));
    }
    REGISTERED.with(|r| {
        let mut r = r.borrow_mut();
        r.retain(|(l, _)| *l != language);
        r.push((language.clone(), texts));
    });
    // Forms already showing this language (or waiting for it in English) render again with it.
    for (id, options) in forms_in(&language) {
        rerender(id, &options, true).map_err(fail)?;
    }
    Ok(())
}

/// The texts for `locale`: a registered catalogue, else a built-in one, else English with a
/// one-time warning that names the module to load.
pub(crate) fn messages_for(locale: &str, overrides: Vec<(String, String)>) -> (Messages, Vec<String>) {
    let language = i18n::language(locale);
    let registered = REGISTERED.with(|r| {
        r.borrow()
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, texts)| texts.clone())
    });
    if let Some(texts) = registered {
        return Messages::with_catalogue(&language, texts, overrides);
    }
    let found = Messages::new(locale, overrides);
    // English stands in whenever the language is not built in.
    let missing = found.0.locale() != language;
    let first_time = missing
        && WARNED.with(|w| {
            let mut w = w.borrow_mut();
            let new = !w.contains(&language);
            if new {
                w.push(language.clone());
            }
            new
        });
    if first_time {
        let how = if i18n::TRANSLATIONS.contains(&language.as_str()) {
            [
                "Import \"cognito-confirm/locales/",
                &language,
                ".js\" and pass it to registerLocale(\"",
                &language,
                "\", …).",
            ]
            .concat()
        } else {
            [
                "The package has no \"",
                &language,
                "\" translation: pass your own to registerLocale(\"",
                &language,
                "\", …).",
            ]
            .concat()
        };
        web_sys::console::warn_1(&JsValue::from_str(
            &[
                "cognito-confirm: no \"",
                &language,
                "\" messages are loaded, so the form is in English. ",
                &how,
            ]
            .concat(),
        ));
    }
    found
}
