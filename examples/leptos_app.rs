//! A Leptos app embedding the confirmation form from Rust.
//!
//! Build it for the browser like any Leptos CSR app (`trunk serve --example leptos_app`, or
//! `cargo build --example leptos_app --target wasm32-unknown-unknown` plus wasm-bindgen). On
//! other targets it compiles to an empty program, so `cargo check --all-targets` covers it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::rc::Rc;

    use cognito_confirm::core::Endpoint;
    use cognito_confirm::web::{Client, Config, ConfirmSignUp, SecretHashSource};
    use leptos::prelude::*;

    #[component]
    fn App() -> impl IntoView {
        let confirmed = RwSignal::new(false);
        let Ok(endpoint) = Endpoint::for_region("eu-west-1") else {
            return view! { <p>"bad region"</p> }.into_any();
        };
        let mut client = Client::new(endpoint);
        // A server-side SecretHash provider would be a SecretHashSource::Provider(js function).
        client.secret_hash = SecretHashSource::None;
        let mut config = Config::new(client, "your-app-client-id");
        config.username = Some("alice".to_owned());
        config.on_confirmed = Some(Rc::new(move |_confirmed| confirmed.set(true)));
        view! {
            <main>
                <ConfirmSignUp config=config />
                <Show when=move || confirmed.get()>
                    <a href="/sign-in">"Continue to sign in"</a>
                </Show>
            </main>
        }
        .into_any()
    }

    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
