//! The browser shell: fetch transport, the JavaScript bindings and (feature `ui`) the form with
//! `mount()` and the custom element, drawn with web-sys (`dom`) or, with feature `leptos`, by the
//! Leptos component.

pub mod bindings;
#[cfg(feature = "leptos")]
pub mod component;
#[cfg(feature = "ui")]
pub mod dom;
#[cfg(feature = "ui")]
pub mod flow;
#[cfg_attr(not(feature = "ui"), allow(dead_code))] // option readers the form uses
mod js;
#[cfg(feature = "ui")]
pub mod mount;
#[cfg(feature = "ui")]
pub mod page;
#[cfg_attr(not(feature = "ui"), allow(dead_code))] // form tracking
pub mod panic;
#[cfg(feature = "ui")]
pub mod style;
pub mod transport;

#[cfg(feature = "leptos")]
pub use component::ConfirmSignUp;
#[cfg(feature = "ui")]
pub use flow::{Config, Confirmed, Mode, Resent};
pub use transport::{Client, SecretHashSource};

/// Feature `small-alloc`: every allocation of the module goes through a free list (see
/// Cargo.toml). A lock, where one thread needs none: the lock-free wrapper must be built with
/// `unsafe`, which this crate forbids.
#[cfg(feature = "small-alloc")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
