//! The browser shell: the fetch transport, the JavaScript bindings and (feature `ui`) the Leptos
//! form, which `mount()` and the custom element draw for JavaScript users.

pub mod bindings;
#[cfg(feature = "ui")]
pub mod component;
#[cfg(feature = "ui")]
pub mod element;
#[cfg(feature = "ui")]
pub mod flow;
mod js;
#[cfg(feature = "ui")]
pub mod locales;
#[cfg(feature = "ui")]
pub mod mount;
#[cfg(feature = "ui")]
mod options;
#[cfg(feature = "ui")]
pub mod page;
pub mod panic;
#[cfg(feature = "ui")]
pub mod style;
pub mod transport;

#[cfg(feature = "ui")]
pub use component::ConfirmSignUp;
#[cfg(feature = "ui")]
pub use flow::{Config, Confirmed, Mode, Resent};
pub use transport::{Client, SecretHashSource};
