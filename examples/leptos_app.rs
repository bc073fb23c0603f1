//! A Leptos CSR app embedding the confirmation form from Rust.
//!
//! Build it for the browser like any Leptos CSR app (`trunk serve --example leptos_app
//! --features csr`, or `cargo build --example leptos_app --features csr --target
//! wasm32-unknown-unknown` plus wasm-bindgen). On other targets it compiles to an empty program,
//! so `cargo check --all-targets` covers it. A server-rendered app is `examples/ssr/`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use cognito_confirm::ConfirmSignUp;
    use leptos::prelude::*;

    #[component]
    fn App() -> impl IntoView {
        let confirmed = RwSignal::new(false);
        view! {
            <main>
                <ConfirmSignUp
                    client_id="your-app-client-id"
                    region="eu-west-1"
                    username="alice"
                    on_confirmed=move |_| confirmed.set(true)
                />
                <Show when=move || confirmed.get()>
                    <a href="/sign-in">"Continue to sign in"</a>
                </Show>
            </main>
        }
    }

    leptos::mount::mount_to_body(App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
