//! What the page around the form offers: URL parameters, the WebOTP API and Cognito's
//! advanced-security data collection script. Each is optional; absence is never an error.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js;

/// `?name=value` from the page URL.
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

/// Waits for a one-time code from an incoming SMS through the WebOTP API
/// (`navigator.credentials.get({otp: {transport: ["sms"]}})`). `None` where the API is missing,
/// when the user declines, or when `signal` aborts.
pub async fn web_otp(signal: &web_sys::AbortSignal) -> Option<String> {
    let window = web_sys::window()?;
    if !Reflect::has(&window, &JsValue::from_str("OTPCredential")).unwrap_or(false) {
        return None;
    }
    let credentials = window.navigator().credentials();
    let otp = Object::new();
    js::set(&otp, "transport", &Array::of1(&JsValue::from_str("sms")));
    let options = web_sys::CredentialRequestOptions::new();
    js::set(&options, "otp", &otp);
    options.set_signal(signal);
    let promise = credentials.get_with_options(&options).ok()?;
    let credential = JsFuture::from(promise).await.ok()?;
    js::get(&credential, "code")?.as_string()
}

/// `UserContextData.EncodedData` from `AmazonCognitoAdvancedSecurityData.getData(username,
/// userPoolId, clientId)` when the page has loaded Cognito's script.
pub fn advanced_security_data(username: &str, user_pool_id: &str, client_id: &str) -> Option<String> {
    let window = web_sys::window()?;
    let collector = js::get(&window, "AmazonCognitoAdvancedSecurityData")?;
    let get_data: Function = js::get(&collector, "getData")?.dyn_into().ok()?;
    let args = Array::of3(&username.into(), &user_pool_id.into(), &client_id.into());
    get_data
        .apply(&collector, &args)
        .ok()?
        .as_string()
        .filter(|d| !d.is_empty())
}
