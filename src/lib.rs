//! # cognito-confirm
//!
//! The Amazon Cognito sign-up confirmation step as a small WebAssembly component: a form
//! (confirmation code, "Resend code", and an admin mode that confirms without a code), drawn with
//! web-sys or, for Leptos apps, as a Leptos component, and a Promise API for plain JavaScript,
//! talking to Cognito's JSON endpoint directly with `fetch`.
//!
//! The crate has two halves:
//! - [`core`]: sans-IO. Builds and validates the `ConfirmSignUp`, `ResendConfirmationCode` and
//!   `AdminConfirmSignUp` requests, computes `SecretHash` and Signature V4, parses answers into
//!   named errors, and runs the form's state machine. It compiles and is tested on any target.
//! - `web` (wasm32 only): sends those requests with `fetch` and renders the form.
//!
//! ```
//! use cognito_confirm::core::{build_request, CognitoRequest, ConfirmSignUpRequest, Endpoint, Secret};
//!
//! let mut request = ConfirmSignUpRequest {
//!     client_id: "7example1client2id3".into(),
//!     username: "alice".into(),
//!     confirmation_code: "123456".into(),
//!     ..Default::default()
//! };
//! if let Some(slot) = request.secret_hash_slot() {
//!     slot.fill(&Secret::new("client-secret"));
//! }
//! let endpoint = Endpoint::for_region("eu-west-1").unwrap();
//! let http = build_request(&endpoint, &request).unwrap();
//! assert_eq!(http.url, "https://cognito-idp.eu-west-1.amazonaws.com/");
//! assert!(http.body.starts_with(r#"{"ClientId":"7example1client2id3","SecretHash":""#));
//! ```

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;
