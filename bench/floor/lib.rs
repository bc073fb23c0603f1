//! The floors of the chosen stack in bytes (see Cargo.toml): nothing here validates, names
//! errors, signs or translates; it is only what every build of these crates carries.
#![allow(missing_debug_implementations)]

use wasm_bindgen::prelude::*;

#[cfg(feature = "call")]
mod call {
    use base64::Engine as _;
    use hmac::{Hmac, Mac};
    use serde::{Deserialize, Serialize};
    use sha2::Sha256;
    use wasm_bindgen::prelude::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Options {
        endpoint: String,
        client_id: String,
        username: String,
        client_secret: String,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        on_done: js_sys::Function,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct ConfirmSignUp<'a> {
        client_id: &'a str,
        secret_hash: String,
        username: &'a str,
        confirmation_code: &'a str,
    }

    #[derive(Deserialize, Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Answer {
        session: Option<String>,
    }

    /// One ConfirmSignUp call with `code`; `options.onDone` gets the answer.
    pub async fn confirm(options: JsValue, code: String) -> Result<(), JsValue> {
        let options: Options = serde_wasm_bindgen::from_value(options)?;
        let mut mac = Hmac::<Sha256>::new_from_slice(options.client_secret.as_bytes()).map_err(|_| JsValue::NULL)?;
        mac.update(options.username.as_bytes());
        mac.update(options.client_id.as_bytes());
        let request = ConfirmSignUp {
            client_id: &options.client_id,
            secret_hash: base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()),
            username: &options.username,
            confirmation_code: &code,
        };
        let value = request.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
        let body = js_sys::JSON::stringify(&value)?;
        let signal = web_sys::AbortSignal::timeout_with_u32(10_000);
        let response = gloo_net::http::Request::post(&options.endpoint)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ConfirmSignUp")
            .abort_signal(Some(&signal))
            .body(body)
            .map_err(|e| JsValue::from_str(&e.to_string()))?
            .send()
            .await
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        let text = response.text().await.map_err(|e| JsValue::from_str(&e.to_string()))?;
        let answer: Answer = serde_wasm_bindgen::from_value(js_sys::JSON::parse(&text)?)?;
        options.on_done.call1(&JsValue::NULL, &serde_wasm_bindgen::to_value(&answer)?)?;
        Ok(())
    }
}

/// `confirmSignUp(options, code)`: the headless floor.
#[cfg(feature = "call")]
#[wasm_bindgen(js_name = confirmSignUp)]
pub async fn confirm_sign_up(options: JsValue, code: String) -> Result<(), JsValue> {
    call::confirm(options, code).await
}

#[cfg(feature = "form")]
mod form {
    use leptos::prelude::*;
    use wasm_bindgen::JsValue;

    #[component]
    pub fn Form(options: JsValue) -> impl IntoView {
        let (code, set_code) = signal(String::new());
        let (state, set_state) = signal("idle");
        let options = StoredValue::new_local(options);
        let submit = move |e: leptos::ev::SubmitEvent| {
            e.prevent_default();
            set_state.set("submitting");
            #[cfg(feature = "call")]
            wasm_bindgen_futures::spawn_local(async move {
                let done = super::call::confirm(options.get_value(), code.get_untracked()).await;
                set_state.set(if done.is_ok() { "confirmed" } else { "error" });
            });
            let _ = options;
        };
        view! {
            <form on:submit=submit>
                <label for="code">"Confirmation code"</label>
                <input id="code" name="code" prop:value=code on:input=move |e| set_code.set(event_target_value(&e)) />
                <button type="submit">"Confirm"</button>
                <p role="status">{move || state.get()}</p>
            </form>
        }
    }
}

/// `mount(options)`: draws the form into the page's body.
#[cfg(feature = "form")]
#[wasm_bindgen]
pub fn mount(options: JsValue) {
    leptos::mount::mount_to_body(move || leptos::view! { <form::Form options=options /> });
}
