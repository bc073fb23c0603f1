//! The headless JavaScript surface: the Promise API and `secretHash`. (`mount()` and
//! `defineElement()` are in `mount.rs`, with the `ui` feature; `adminConfirmSignUp` needs the
//! `admin` feature.)

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::js;
use super::transport::Client;
use crate::core::{CognitoError, Operation, Secret};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// `adminConfirmSignUp`, its request and the `credentials` option (merged into `ClientOptions`).
#[cfg(feature = "admin")]
#[wasm_bindgen(typescript_custom_section)]
const ADMIN_TYPES: &str = include_str!("types-admin.d.ts");

/// Reads the request, fills `SecretHash`, sends, and settles with the server's JSON object or
/// a named error. One body for the four operations keeps one copy of the async machinery.
#[inline(never)]
fn start(operation: Operation, request: JsValue, options: JsValue) -> Promise {
    super::panic::install();
    wasm_bindgen_futures::future_to_promise(async move {
        let result: Result<JsValue, CognitoError> = async {
            let request = js::read_request(operation, &request)?;
            request.validate()?;
            let client = Client::from_js(&options)?;
            Ok(client.call(request).await?.json)
        }
        .await;
        result.map_err(|e| js::to_js_error(&e))
    })
}

/// `confirmSignUp(request, options)`: resolves to `{}` or `{Session}`.
#[wasm_bindgen(js_name = confirmSignUp, skip_typescript)]
pub fn confirm_sign_up(request: JsValue, options: JsValue) -> Promise {
    start(Operation::ConfirmSignUp, request, options)
}

/// `resendConfirmationCode(request, options)`: resolves to `{CodeDeliveryDetails}`.
#[wasm_bindgen(js_name = resendConfirmationCode, skip_typescript)]
pub fn resend_confirmation_code(request: JsValue, options: JsValue) -> Promise {
    start(Operation::ResendConfirmationCode, request, options)
}

/// `initiateAuth(request, options)`: the sign-in right after a confirmation (`USER_AUTH` with
/// the `Session` `ConfirmSignUp` returned); resolves to the tokens or the next challenge.
#[wasm_bindgen(js_name = initiateAuth, skip_typescript)]
pub fn initiate_auth(request: JsValue, options: JsValue) -> Promise {
    start(Operation::InitiateAuth, request, options)
}

/// `adminConfirmSignUp(request, options)`: signed with Signature V4; resolves to `{}`.
#[cfg(feature = "admin")]
#[wasm_bindgen(js_name = adminConfirmSignUp, skip_typescript)]
pub fn admin_confirm_sign_up(request: JsValue, options: JsValue) -> Promise {
    start(Operation::AdminConfirmSignUp, request, options)
}

/// `secretHash(username, clientId, clientSecret)`: the Base64 SecretHash, synchronously. (A
/// JavaScript string made here rather than a returned `String`, whose two-value return needs a
/// shim in the module.)
#[wasm_bindgen(js_name = secretHash, skip_typescript)]
pub fn secret_hash(username: &str, client_id: &str, client_secret: &str) -> JsValue {
    JsValue::from_str(&crate::core::secret_hash(
        username,
        client_id,
        &Secret::new(client_secret),
    ))
}
