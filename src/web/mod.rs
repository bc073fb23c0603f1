//! The browser shell: the fetch transport, the JavaScript bindings and (feature `ui`) the form's
//! actions, `mount()` and the custom element, which draw the Leptos form of [`crate::ui`] for
//! JavaScript users.

#[cfg(feature = "ui")]
pub(crate) mod actions;
pub mod bindings;
#[cfg(feature = "ui")]
pub mod element;
mod js;
#[cfg(feature = "ui")]
pub mod locales;
#[cfg(feature = "ui")]
pub mod mount;
#[cfg(feature = "ui")]
mod options;
#[cfg(feature = "ui")]
pub(crate) mod page;
pub mod panic;
#[cfg(feature = "ui")]
pub mod style;
pub mod transport;

#[cfg(feature = "ui")]
pub use crate::ui::{Config, ConfirmForm, ConfirmSignUp, Confirmed, Mode, Resent};
pub use transport::{Client, SecretHashSource};
