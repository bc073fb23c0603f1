//! The form rendered on a server (feature `ssr`): its HTML against the DOM contract.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use cognito_confirm::ConfirmSignUp;
use leptos::prelude::*;

fn render(view: impl FnOnce() -> AnyView) -> String {
    Owner::new().with(|| view().to_html())
}

#[test]
fn prints() {
    let html = render(|| {
        view! { <ConfirmSignUp client_id="7example1client2id3" region="eu-west-1" username="alice" /> }
            .into_any()
    });
    println!("{html}");
    let html =
        render(|| view! { <ConfirmSignUp client_id="7example1client2id3" region="nowhere-1" /> }.into_any());
    println!("{html}");
}
