//! The options of `mount()` and the custom element, read with serde-wasm-bindgen into the form's
//! [`Config`]: the client options plus the form's own, every key checked by name.

use std::rc::Rc;

use js_sys::Function;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

use super::transport::{whole, Client, ClientOptions, SIGNS};
use super::{js, locales, page};
use crate::core::i18n;
use crate::core::members::fields_of;
use crate::core::protocol::StringMap;
use crate::core::CognitoError;
use crate::ui::{Config, Confirmed, Mode, Resent, SignIn, DEFAULT_RESEND_COOLDOWN_SECONDS};

/// The form's own options, beside the client options, as the caller's object spells them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct FormOptions {
    client_id: Option<String>,
    username: Option<String>,
    user_pool_id: Option<String>,
    code: Option<String>,
    mode: Option<String>,
    locale: Option<String>,
    messages: Option<StringMap>,
    resend_cooldown_seconds: Option<f64>,
    auto_submit_length: Option<f64>,
    prefill_from_url: Option<bool>,
    web_otp: Option<bool>,
    encoded_data: Option<String>,
    client_metadata: Option<StringMap>,
    stylesheet: Option<bool>,
    session: Option<String>,
    auto_sign_in: Option<bool>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    on_confirmed: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    on_signed_in: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    on_challenge: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    on_resent: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    on_error: JsValue,
}

/// What `mount()`'s options say, checked before anything on the page changes.
pub(crate) struct MountOptions {
    /// The form's configuration.
    pub config: Config,
    /// Whether to adopt the default stylesheet.
    pub stylesheet: bool,
    /// The language of the texts asked for (`de` for `de-AT`).
    pub language: String,
}

/// Reads a snapshot of `mount()`'s options (see `js::snapshot`) for a form in `element`.
pub(crate) fn read(options: &JsValue, element: &web_sys::Element) -> Result<MountOptions, CognitoError> {
    let known: Vec<&str> = ClientOptions::known()
        .iter()
        .chain(fields_of::<FormOptions>())
        .copied()
        .collect();
    js::check_keys(options, "options", &known)?;
    let client = Client::from_options(ClientOptions::read(options)?)?;
    let form: FormOptions = js::read(options, "options")?;
    let locale = form.locale.clone().unwrap_or_else(|| page_locale(element));
    Ok(MountOptions {
        stylesheet: form.stylesheet.unwrap_or(true),
        language: i18n::language(&locale),
        config: config(client, form, &locale)?,
    })
}

/// The form's configuration, with the texts for `locale`.
fn config(client: Client, form: FormOptions, locale: &str) -> Result<Config, CognitoError> {
    let mode = match form.mode.as_deref() {
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
    let client_id = form.client_id.unwrap_or_default();
    mode.check(
        &client_id,
        form.user_pool_id.as_deref(),
        client.credentials.is_some(),
    )?;
    let overrides = form.messages.unwrap_or_default().0;
    let (messages, unknown) = locales::messages_for(locale, overrides);
    if !unknown.is_empty() {
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "cognito-confirm: unknown messages keys ignored: {}",
            unknown.join(", ")
        )));
    }
    let on_confirmed = callback("onConfirmed", form.on_confirmed)?
        .map(|f| Rc::new(move |c: &Confirmed| call_back(&f, &parse(&c.raw))) as Rc<dyn Fn(&_)>);
    let on_resent = callback("onResent", form.on_resent)?
        .map(|f| Rc::new(move |r: &Resent| call_back(&f, &parse(&r.raw))) as Rc<dyn Fn(&_)>);
    let on_signed_in = callback("onSignedIn", form.on_signed_in)?
        .map(|f| Rc::new(move |s: &SignIn| call_back(&f, &parse(&s.raw))) as Rc<dyn Fn(&_)>);
    let on_challenge = callback("onChallenge", form.on_challenge)?
        .map(|f| Rc::new(move |s: &SignIn| call_back(&f, &parse(&s.raw))) as Rc<dyn Fn(&_)>);
    crate::core::validate::session(form.session.as_deref())?;
    let on_error = callback("onError", form.on_error)?
        .map(|f| Rc::new(move |e: &CognitoError| call_back(&f, &js::to_js_error(e))) as Rc<dyn Fn(&_)>);
    // Opt-in: `?username=…&code=…` from the page URL fills what the options leave open.
    let from_url = form.prefill_from_url.unwrap_or(false);
    let url = |name: &str| if from_url { page::url_param(name) } else { None };
    let username = form
        .username
        .filter(|u| !u.is_empty())
        .or_else(|| url("username"));
    let code = form.code.or_else(|| url("code"));
    let metadata = form.client_metadata.unwrap_or_default().0;
    Ok(Config {
        client: Some(Rc::new(client)),
        problem: None,
        client_id,
        username,
        user_pool_id: form.user_pool_id,
        code,
        mode,
        messages,
        resend_cooldown_seconds: whole("resendCooldownSeconds", form.resend_cooldown_seconds, 0..=3600)?
            .unwrap_or(DEFAULT_RESEND_COOLDOWN_SECONDS),
        auto_submit_length: whole("autoSubmitLength", form.auto_submit_length, 1..=2048)?.map(|n| n as usize),
        client_metadata: (!metadata.is_empty()).then_some(metadata),
        encoded_data: form.encoded_data,
        web_otp: form.web_otp.unwrap_or(true),
        session: form.session.filter(|s| !s.is_empty()),
        auto_sign_in: form.auto_sign_in.unwrap_or(false),
        on_confirmed,
        on_signed_in,
        on_challenge,
        on_resent,
        on_error,
    })
}

/// A callback option: a function, or absent.
fn callback(key: &'static str, value: JsValue) -> Result<Option<Function>, CognitoError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| CognitoError::validation(key, format!("{key} must be a function")))
}

/// A response as Cognito sent it, parsed by the browser's `JSON.parse` for a callback.
fn parse(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or_else(|_| js_sys::Object::new().into())
}

/// Calls an app callback; an exception in it is reported on the console, not propagated.
fn call_back(f: &Function, arg: &JsValue) {
    if let Err(e) = f.call1(&JsValue::NULL, arg) {
        web_sys::console::error_2(&JsValue::from_str("cognito-confirm: a callback threw"), &e);
    }
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
