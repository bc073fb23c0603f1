//! The browser shell: fetch transport, the Leptos component and the JavaScript bindings.

pub mod bindings;
pub mod component;
mod js;
pub mod page;
pub mod panic;
pub mod style;
pub mod transport;

pub use component::{Config, ConfirmSignUp, Confirmed, Mode, Resent};
pub use transport::{Client, SecretHashSource};
