//! # cognito-confirm
//!
//! The Amazon Cognito sign-up confirmation step as a small WebAssembly component: a form
//! (confirmation code, "Resend code", and an admin mode that confirms without a code) written as
//! a Leptos component, which `mount()` and a custom element also draw for plain JavaScript, and a
//! Promise API, talking to Cognito's JSON endpoint directly with `fetch` (gloo-net).
//!
//! The crate has two halves:
//! - [`core`]: sans-IO. Builds and validates the `ConfirmSignUp`, `ResendConfirmationCode` and
//!   `AdminConfirmSignUp` requests, computes `SecretHash` and Signature V4, parses answers into
//!   named errors, and runs the form's state machine. It compiles and is tested on any target.
//! - `web` (wasm32 only): sends those requests with gloo-net, moves values across the
//!   JavaScript boundary with serde-wasm-bindgen, and renders the form with Leptos.
//!
//! ```
//! use cognito_confirm::core::{ConfirmSignUpRequest, Endpoint, Request, Secret};
//!
//! let mut request = Request::from(ConfirmSignUpRequest {
//!     client_id: "7example1client2id3".into(),
//!     username: "alice".into(),
//!     confirmation_code: "123456".into(),
//!     ..Default::default()
//! });
//! if let Some(slot) = request.secret_hash_slot() {
//!     slot.fill(&Secret::new("client-secret"));
//! }
//! let endpoint = Endpoint::for_region("eu-west-1").unwrap();
//! // The body is the request as JSON: the browser shell serializes it with the browser's own
//! // `JSON.stringify`, anything else with any serde JSON serializer.
//! let body = serde_json::to_string(&request).unwrap();
//! let http = request.build(&endpoint, body).unwrap();
//! assert_eq!(http.url, "https://cognito-idp.eu-west-1.amazonaws.com/");
//! assert!(http.body.starts_with(r#"{"ClientId":"7example1client2id3","SecretHash":""#));
//! ```

pub mod core;
#[cfg(feature = "ui")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(feature = "ui")]
pub use ui::ConfirmSignUp;

/// The form's default stylesheet (`--cc-*` custom properties, `@layer cognito-confirm`). In the
/// browser the form adopts it by itself; a server-rendered page links it (or serves it as a file)
/// so that the form is styled before the wasm arrives.
pub const STYLESHEET: &str = include_str!("web/style.css");
