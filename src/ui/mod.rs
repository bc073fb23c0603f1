//! The Leptos form, on every target: rendered to HTML on a server (feature `ssr`), hydrated
//! (`hydrate`) or mounted (`csr`) in the browser. What it shows is here; what it does in the
//! browser is in the browser shell (`web`), called from its event handlers and effects only.

pub(crate) mod component;
pub(crate) mod flow;

pub use component::{ConfirmForm, ConfirmSignUp};
pub use flow::{Callback, Config, Confirmed, Mode, Resent, SignIn, DEFAULT_RESEND_COOLDOWN_SECONDS};
