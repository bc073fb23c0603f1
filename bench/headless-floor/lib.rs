//! One async export: the floor of a wasm-bindgen Promise API in bytes (see Cargo.toml). No
//! validation, no errors of its own, no signing: only what every such build carries.
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(url: &str, init: &web_sys::RequestInit) -> js_sys::Promise;
}

/// `confirmSignUp(url, clientId, username, code, clientSecret)`: resolves to the answer's JSON.
#[wasm_bindgen(js_name = confirmSignUp)]
pub async fn confirm_sign_up(
    url: String,
    client_id: String,
    username: String,
    code: String,
    client_secret: String,
) -> Result<JsValue, JsValue> {
    let mut mac = Hmac::<Sha256>::new_from_slice(client_secret.as_bytes()).map_err(|_| JsValue::NULL)?;
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let body = js_sys::JSON::stringify(
        &js_sys::Object::from_entries(&js_sys::Array::of4(
            &js_sys::Array::of2(&"ClientId".into(), &client_id.into()),
            &js_sys::Array::of2(&"SecretHash".into(), &hash.into()),
            &js_sys::Array::of2(&"Username".into(), &username.into()),
            &js_sys::Array::of2(&"ConfirmationCode".into(), &code.into()),
        ))?
        .into(),
    )?;
    let headers = web_sys::Headers::new()?;
    headers.set("Content-Type", "application/x-amz-json-1.1")?;
    headers.set("X-Amz-Target", "AWSCognitoIdentityProviderService.ConfirmSignUp")?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&body);
    let response: web_sys::Response = JsFuture::from(fetch(&url, &init)).await?.dyn_into()?;
    JsFuture::from(response.json()?).await
}
