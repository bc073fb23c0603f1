//! The form's JavaScript surface: `mount()`, its handle, and the `<cognito-confirm-sign-up>`
//! custom element.

use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::flow::{Config, Mode, DEFAULT_RESEND_COOLDOWN_SECONDS};
use super::transport::{Client, SIGNS};
use super::{js, page};
use crate::core::i18n::{self, Messages};
use crate::core::protocol::read_string_map;
use crate::core::text::{concat, push_separator};
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
    let options = js::copy_options(&options)?;
    let read = read_options(&options, &element)?;
    let id = NEXT_MOUNT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let mounted = render(id, element, options, read);
    MOUNTED.with(|m| m.borrow_mut().push(mounted));
    Ok(MountHandle { id })
}

/// What the options say, checked before anything on the page changes: the configuration,
/// whether to adopt the default stylesheet, and the language asked for.
struct ReadOptions {
    config: Config,
    stylesheet: bool,
    language: String,
}

fn read_options(options: &JsValue, element: &web_sys::Element) -> Result<ReadOptions, CognitoError> {
    let locale = requested_locale(options, element)?;
    Ok(ReadOptions {
        config: config_from_js(options, &locale)?,
        stylesheet: js::get_bool(options, "stylesheet")?.unwrap_or(true),
        language: i18n::language(&locale),
    })
}

/// Renders the form into `element`.
fn render(id: u32, element: web_sys::HtmlElement, options: JsValue, read: ReadOptions) -> Mounted {
    if read.stylesheet {
        super::style::adopt_for(&element);
    }
    let config = read.config;
    super::panic::track(&element, config.messages.get(i18n::Key::ErrorOther));
    let target = element.clone();
    let view = leptos::mount::mount_to(element, move || {
        leptos::view! { <super::component::ConfirmSignUp config=config /> }
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
fn rerender(id: u32, options: &JsValue, typed_wins: bool) -> Result<(), CognitoError> {
    let gone = || CognitoError::validation("handle", "update() after unmount()");
    let target = MOUNTED
        .with(|m| m.borrow().iter().find(|f| f.id == id).map(|f| f.target.clone()))
        .ok_or_else(gone)?;
    let stored = js::copy_options(options)?;
    let options = js::copy_options(&stored)?;
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
    let read = read_options(&options, &target)?;
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
        let e = CognitoError::validation(
            "tagName",
            concat(&["\"", &tag, "\" is not a valid custom element name"]),
        );
        return Err(js::to_js_error(&e));
    }
    let mount_fn = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(|target, options| {
        mount(target, options).map(JsValue::from)
    })
    .into_js_value();
    Ok(define_cognito_element(&tag, mount_fn.unchecked_ref()))
}

/// Reads the UI options of CONTRACT.md, with the texts for `locale` (the option or the page's).
pub(crate) fn config_from_js(options: &JsValue, locale: &str) -> Result<Config, CognitoError> {
    let client = Client::from_js(options)?;
    let mode = match js::get_string(options, "mode")?.as_deref() {
        None | Some("user") => Mode::User,
        Some("admin") if SIGNS => Mode::Admin,
        Some("admin") => {
            return Err(CognitoError::validation(
                "mode",
                "admin mode needs the admin feature of this build",
            ))
        }
        Some(_) => {
            return Err(CognitoError::validation(
                "mode",
                "mode must be \"user\" or \"admin\"",
            ))
        }
    };
    let client_id = js::get_string(options, "clientId")?.unwrap_or_default();
    if mode == Mode::User {
        crate::core::validate::client_id(&client_id)?;
    }
    let user_pool_id = js::get_string(options, "userPoolId")?;
    if mode == Mode::Admin {
        crate::core::validate::user_pool_id(user_pool_id.as_deref().unwrap_or_default())?;
        if client.credentials.is_none() {
            return Err(CognitoError::validation(
                "credentials",
                "admin mode needs credentials",
            ));
        }
    }
    let overrides = string_map(options, "messages")?;
    let (messages, unknown) = messages_for(locale, overrides);
    if !unknown.is_empty() {
        let mut names = String::new();
        for name in &unknown {
            push_separator(&mut names, ", ");
            names.push_str(name);
        }
        web_sys::console::warn_1(&JsValue::from_str(&concat(&[
            "cognito-confirm: unknown messages keys ignored: ",
            &names,
        ])));
    }
    let on = |key: &'static str| js::get_function(options, key);
    let on_confirmed = on("onConfirmed")?.map(|f| {
        Rc::new(move |c: &super::flow::Confirmed| call_back(&f, &js::parse_json(&c.raw))) as Rc<dyn Fn(&_)>
    });
    let on_resent = on("onResent")?.map(|f| {
        Rc::new(move |r: &super::flow::Resent| call_back(&f, &js::parse_json(&r.raw))) as Rc<dyn Fn(&_)>
    });
    let on_error = on("onError")?
        .map(|f| Rc::new(move |e: &CognitoError| call_back(&f, &js::to_js_error(e))) as Rc<dyn Fn(&_)>);
    let metadata = string_map(options, "clientMetadata")?;
    // Opt-in: `?username=…&code=…` from the page URL fills what the options leave open.
    let from_url = js::get_bool(options, "prefillFromUrl")?.unwrap_or(false);
    let url = |name: &str| if from_url { page::url_param(name) } else { None };
    let username = js::get_string(options, "username")?
        .filter(|u| !u.is_empty())
        .or_else(|| url("username"));
    let code = js::get_string(options, "code")?.or_else(|| url("code"));
    Ok(Config {
        client: Rc::new(client),
        client_id,
        username,
        user_pool_id,
        code,
        mode,
        messages,
        resend_cooldown_seconds: js::get_u32(options, "resendCooldownSeconds", 0..=3600)?
            .unwrap_or(DEFAULT_RESEND_COOLDOWN_SECONDS),
        auto_submit_length: js::get_u32(options, "autoSubmitLength", 1..=2048)?.map(|n| n as usize),
        client_metadata: (!metadata.is_empty()).then_some(metadata),
        encoded_data: js::get_string(options, "encodedData")?,
        web_otp: js::get_bool(options, "webOtp")?.unwrap_or(true),
        on_confirmed,
        on_resent,
        on_error,
    })
}

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
            concat(&["\"", locale, "\" is not a BCP 47 locale"]),
        )));
    }
    let texts = read_string_map(&messages, "messages").map_err(fail)?;
    let mut unknown = String::new();
    for (key, _) in &texts {
        if i18n::Key::from_name(key).is_none() {
            push_separator(&mut unknown, ", ");
            unknown.push_str(key);
        }
    }
    if !unknown.is_empty() {
        return Err(fail(CognitoError::validation(
            "messages",
            concat(&["unknown messages keys: ", &unknown]),
        )));
    }
    REGISTERED.with(|r| {
        let mut r = r.borrow_mut();
        r.retain(|(l, _)| *l != language);
        r.push((language.clone(), texts));
    });
    // Forms already showing this language (or waiting for it in English) render again with it.
    let mut waiting = Vec::new();
    MOUNTED.with(|m| {
        for form in m.borrow().iter().filter(|f| f.language == language) {
            waiting.push((form.id, form.options.clone()));
        }
    });
    for (id, options) in waiting {
        rerender(id, &options, true).map_err(fail)?;
    }
    Ok(())
}

/// The texts for `locale`: a registered catalogue, else a built-in one, else English with a
/// one-time warning that names the module to load.
fn messages_for(locale: &str, overrides: Vec<(String, String)>) -> (Messages, Vec<String>) {
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
            concat(&[
                "Import \"cognito-confirm/locales/",
                &language,
                ".js\" and pass it to registerLocale(\"",
                &language,
                "\", …).",
            ])
        } else {
            concat(&[
                "The package has no \"",
                &language,
                "\" translation: pass your own to registerLocale(\"",
                &language,
                "\", …).",
            ])
        };
        web_sys::console::warn_1(&JsValue::from_str(&concat(&[
            "cognito-confirm: no \"",
            &language,
            "\" messages are loaded, so the form is in English. ",
            &how,
        ])));
    }
    found
}

/// Calls an app callback; an exception in it is reported on the console, not propagated.
fn call_back(f: &Function, arg: &JsValue) {
    if let Err(e) = f.call1(&JsValue::NULL, arg) {
        web_sys::console::error_2(&JsValue::from_str("cognito-confirm: a callback threw"), &e);
    }
}

/// `obj[key]` as a map of strings, in key order.
fn string_map(options: &JsValue, key: &'static str) -> Result<Vec<(String, String)>, CognitoError> {
    js::get(options, key).map_or(Ok(Vec::new()), |value| read_string_map(&value, key))
}

/// The `locale` option, else the page's.
fn requested_locale(options: &JsValue, element: &web_sys::Element) -> Result<String, CognitoError> {
    Ok(match js::get_string(options, "locale")? {
        Some(l) => l,
        None => page_locale(element),
    })
}

/// The `lang` of the closest ancestor, else the document's, else English.
fn page_locale(element: &web_sys::Element) -> String {
    element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| "en".to_owned())
}
