//! The app: one page with the sign-up confirmation form, rendered by the server and hydrated in
//! the browser.

use cognito_confirm::ConfirmSignUp;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the page needs to know of the user pool. The server reads it (here from its
/// environment) and Leptos hands the same value to the browser, so both render the same form.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PoolConfig {
    /// The Cognito endpoint (a region's, or a local Cognito-compatible server).
    pub endpoint: String,
    /// The app client id.
    pub client_id: String,
    /// The user who signed up.
    pub username: String,
}

impl PoolConfig {
    /// From `COGNITO_ENDPOINT`, `COGNITO_CLIENT_ID` and `COGNITO_USERNAME`.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        Self {
            endpoint: var("COGNITO_ENDPOINT"),
            client_id: var("COGNITO_CLIENT_ID"),
            username: var("COGNITO_USERNAME"),
        }
    }
}

/// The page.
#[component]
pub fn App() -> impl IntoView {
    // Computed on the server, serialized into the page, read back in the browser.
    let pool = SharedValue::new(PoolConfig::from_env).into_inner();
    let confirmed = RwSignal::new(false);
    // Effects run only in the browser, once the page is hydrated: the page then says it is
    // interactive (what the end-to-end test waits for before it presses Enter).
    let interactive = RwSignal::new(false);
    Effect::new(move || interactive.set(true));
    view! {
        <main data-interactive=move || interactive.get().to_string()>
            <h1>"Welcome aboard"</h1>
            <ConfirmSignUp
                client_id=pool.client_id
                endpoint=pool.endpoint
                username=pool.username
                on_confirmed=move |_| confirmed.set(true)
            />
            <p id="next">{move || if confirmed.get() { "Your account is ready." } else { "" }}</p>
        </main>
    }
}

/// The whole document, as the server sends it.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos::hydration::{AutoReload, HydrationScripts};
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>"Confirm your account"</title>
                // The form's stylesheet, so that it is styled before the wasm has arrived.
                <link rel="stylesheet" href="/cognito-confirm.css" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The browser's entry point, called by the script `HydrationScripts` writes.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}
