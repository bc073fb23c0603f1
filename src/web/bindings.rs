//! The headless JavaScript surface: the Promise API and `secretHash`. (`mount()` and
//! `defineElement()` are in `mount.rs`, with the `ui` feature.)

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use super::js;
use super::transport::Client;
use crate::core::{
    AdminConfirmSignUpRequest, CognitoError, CognitoRequest, ConfirmSignUpRequest,
    ResendConfirmationCodeRequest, Secret,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn request_from_js<R: DeserializeOwned>(value: JsValue, what: &'static str) -> Result<R, CognitoError> {
    if !value.is_object() {
        return Err(CognitoError::validation(
            "request",
            format!("{what} needs a request object"),
        ));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| CognitoError::validation("request", format!("Invalid {what} request: {e}")))
}

/// Validates, fills `SecretHash`, sends, and resolves to the server's JSON object.
async fn run<R: CognitoRequest + DeserializeOwned>(
    request: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    super::panic::install();
    let result: Result<String, CognitoError> = async {
        let request: R = request_from_js(request, R::OPERATION.name())?;
        request.validate()?;
        let client = Client::from_js(&options)?;
        Ok(client.call(request).await?.1)
    }
    .await;
    result
        .map(|raw| js::parse_json(&raw))
        .map_err(|e| js::to_js_error(&e))
}

/// `confirmSignUp(request, options)`: resolves to `{}` or `{Session}`.
#[wasm_bindgen(js_name = confirmSignUp, skip_typescript)]
pub async fn confirm_sign_up(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run::<ConfirmSignUpRequest>(request, options).await
}

/// `resendConfirmationCode(request, options)`: resolves to `{CodeDeliveryDetails}`.
#[wasm_bindgen(js_name = resendConfirmationCode, skip_typescript)]
pub async fn resend_confirmation_code(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run::<ResendConfirmationCodeRequest>(request, options).await
}

/// `adminConfirmSignUp(request, options)`: signed with Signature V4; resolves to `{}`.
#[wasm_bindgen(js_name = adminConfirmSignUp, skip_typescript)]
pub async fn admin_confirm_sign_up(request: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    run::<AdminConfirmSignUpRequest>(request, options).await
}

/// `secretHash(username, clientId, clientSecret)`: the Base64 SecretHash, synchronously.
#[wasm_bindgen(js_name = secretHash, skip_typescript)]
pub fn secret_hash(username: &str, client_id: &str, client_secret: &str) -> String {
    crate::core::secret_hash(username, client_id, &Secret::new(client_secret))
}
