//! What the page around the form offers: URL parameters, the WebOTP API and Cognito's
//! advanced-security data collection script. Each is optional; absence is never an error. The
//! browser calls are in `page.js`, which answers `""` for "none".

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = urlParam)]
    fn url_param_js(name: &str) -> String;
    #[wasm_bindgen(js_name = webOtp)]
    fn web_otp_js(signal: &web_sys::AbortSignal) -> js_sys::Promise;
    #[wasm_bindgen(js_name = advancedSecurityData)]
    fn advanced_security_data_js(username: &str, user_pool_id: &str, client_id: &str) -> String;
}

fn some(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// `?name=value` from the page URL.
pub fn url_param(name: &str) -> Option<String> {
    some(url_param_js(name))
}

/// Waits for a one-time code from an incoming SMS through the WebOTP API
/// (`navigator.credentials.get({otp: {transport: ["sms"]}})`). `None` where the API is missing,
/// when the user declines, or when `signal` aborts.
pub async fn web_otp(signal: &web_sys::AbortSignal) -> Option<String> {
    some(JsFuture::from(web_otp_js(signal)).await.ok()?.as_string()?)
}

/// `UserContextData.EncodedData` from `AmazonCognitoAdvancedSecurityData.getData(username,
/// userPoolId, clientId)` when the page has loaded Cognito's script.
pub fn advanced_security_data(username: &str, user_pool_id: &str, client_id: &str) -> Option<String> {
    some(advanced_security_data_js(username, user_pool_id, client_id))
}
