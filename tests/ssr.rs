//! The form rendered on a server (feature `ssr`): its HTML against the DOM contract, as a Leptos
//! SSR app's server build renders it.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::sync::Arc;

use cognito_confirm::core::{Credentials, Secret};
use cognito_confirm::ui::Mode;
use cognito_confirm::ConfirmSignUp;
use leptos::prelude::*;

const CLIENT_ID: &str = "7example1client2id3";

/// `view` rendered to HTML as a server renders a page for hydration (a shared context that counts
/// ids, as `leptos_axum` gives each request).
fn render(view: impl FnOnce() -> AnyView) -> String {
    let context = Arc::new(hydration_context::SsrSharedContext::new());
    Owner::new_root(Some(context)).with(|| view().to_html())
}

/// The start tag of the first element whose start tag holds `needle`.
fn tag<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("no {needle} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// The value of attribute `name` in start tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// The text of the element that starts with `tag` (no nested elements).
fn text_after<'a>(html: &'a str, tag: &str) -> &'a str {
    let at = html.find(tag).unwrap() + tag.len();
    html[at..at + html[at..].find('<').unwrap()].trim()
}

fn user_form() -> String {
    render(|| view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice" /> }.into_any())
}

#[test]
fn renders_the_dom_contract() {
    let html = user_form();
    let root = tag(&html, "class=\"cognito-confirm\"");
    assert!(root.starts_with("<div"), "{root}");
    assert_eq!(attr(root, "data-state"), Some("idle"));
    assert_eq!(attr(root, "lang"), Some("en"));
    assert_eq!(attr(root, "dir"), Some("ltr"));

    let input = tag(&html, "name=\"code\"");
    assert!(input.starts_with("<input"), "{input}");
    assert_eq!(attr(input, "type"), Some("text"));
    assert_eq!(attr(input, "autocomplete"), Some("one-time-code"));
    assert_eq!(attr(input, "inputmode"), Some("numeric"));
    assert_eq!(attr(input, "value"), None, "nothing prefilled");
    // Its accessible name: the label that points at it.
    let id = attr(input, "id").unwrap();
    let label = tag(&html, &format!("for=\"{id}\""));
    assert_eq!(text_after(&html, label), "Confirmation code");
    // The error region describes it.
    let error = tag(&html, "role=\"alert\"");
    assert_eq!(attr(input, "aria-describedby"), attr(error, "id"));
    assert_eq!(attr(input, "aria-invalid"), Some("false"));
    assert_eq!(text_after(&html, error), "");
    assert_eq!(text_after(&html, tag(&html, "role=\"status\"")), "");

    let submit = tag(&html, "type=\"submit\"");
    assert!(submit.starts_with("<button"), "{submit}");
    assert_eq!(text_after(&html, submit), "Confirm");
    let resend = tag(&html, "cognito-confirm__resend");
    assert_eq!(attr(resend, "type"), Some("button"));
    assert_eq!(text_after(&html, resend), "Resend code");
    // Not disabled: no countdown before a code was sent.
    assert!(!resend.contains("disabled"), "{resend}");
    // The username is given: no username field.
    assert!(!html.contains("name=\"username\""));
    // Nothing of the browser's reaches the HTML: no script, no inline style.
    assert!(!html.contains("<script") && !html.contains("<style") && !html.contains("style="));
}

#[test]
fn asks_for_the_username_when_none_is_given() {
    let html = render(|| view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" /> }.into_any());
    let input = tag(&html, "name=\"username\"");
    assert_eq!(attr(input, "autocomplete"), Some("username"));
    let label = tag(&html, &format!("for=\"{}\"", attr(input, "id").unwrap()));
    assert_eq!(text_after(&html, label), "Username");
    // Before the code field, as in the browser.
    assert!(html.find("name=\"username\"") < html.find("name=\"code\""));
}

#[test]
fn prefills_the_code_normalised() {
    let html = render(|| {
        view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice" code="１２３ ４５６" /> }.into_any()
    });
    assert_eq!(attr(tag(&html, "name=\"code\""), "value"), Some("123456"));
}

#[test]
fn ids_are_the_same_on_every_render_of_a_page_and_differ_between_forms() {
    let page = || {
        view! {
            <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" />
            <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" />
        }
        .into_any()
    };
    let first = render(page);
    assert_eq!(first, render(page), "a second request renders the same ids");
    let ids: Vec<&str> = first
        .match_indices(" id=\"")
        .map(|(at, _)| attr(&first[at..], "id").unwrap())
        .collect();
    assert_eq!(ids.len(), 6, "{ids:?}");
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn renders_in_the_locale_and_right_to_left() {
    let html = render(|| {
        view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice" locale="de-AT" /> }
            .into_any()
    });
    let root = tag(&html, "class=\"cognito-confirm\"");
    assert_eq!(attr(root, "lang"), Some("de"));
    assert_eq!(text_after(&html, tag(&html, "type=\"submit\"")), "Bestätigen");
    let html = render(|| {
        view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice" locale="ar" /> }
            .into_any()
    });
    assert_eq!(attr(tag(&html, "class=\"cognito-confirm\""), "dir"), Some("rtl"));
}

#[test]
fn text_overrides_apply() {
    let html = render(|| {
        view! {
            <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice"
                messages=vec![("confirm".to_owned(), "Verify <now>".to_owned())] />
        }
        .into_any()
    });
    // As text, escaped: never markup.
    assert_eq!(
        text_after(&html, tag(&html, "type=\"submit\"")),
        "Verify &lt;now&gt;"
    );
}

#[test]
fn admin_mode_has_no_code_field() {
    let credentials = Credentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        session_token: None,
    };
    let html = render(move || {
        view! {
            <ConfirmSignUp client_id="" region="eu-west-1" username="alice" mode=Mode::Admin
                user_pool_id="eu-west-1_AbC123" credentials=credentials />
        }
        .into_any()
    });
    assert!(!html.contains("name=\"code\""));
    assert!(!html.contains("cognito-confirm__resend"));
    assert_eq!(text_after(&html, tag(&html, "type=\"submit\"")), "Confirm user");
    assert!(!html.contains("wJalrXUtnFEMI") && !html.contains("AKIDEXAMPLE"));
    assert_eq!(
        attr(tag(&html, "class=\"cognito-confirm\""), "data-state"),
        Some("idle")
    );
}

#[test]
fn options_that_cannot_work_render_as_the_error() {
    // Plain http to a host that is not loopback is refused.
    let html = render(|| {
        view! { <ConfirmSignUp client_id=CLIENT_ID endpoint="http://example.com/" username="alice" /> }
            .into_any()
    });
    assert_eq!(
        attr(tag(&html, "class=\"cognito-confirm\""), "data-state"),
        Some("error")
    );
    assert!(!text_after(&html, tag(&html, "role=\"alert\"")).is_empty());
    assert_eq!(attr(tag(&html, "name=\"code\""), "aria-invalid"), Some("true"));
    // A client id Cognito would refuse.
    let html = render(|| {
        view! { <ConfirmSignUp client_id="not a client id" region="eu-west-1" username="alice" /> }.into_any()
    });
    assert_eq!(
        attr(tag(&html, "class=\"cognito-confirm\""), "data-state"),
        Some("error")
    );
}

#[test]
fn secrets_never_reach_the_html() {
    let html = render(|| {
        view! { <ConfirmSignUp client_id=CLIENT_ID region="eu-west-1" username="alice" client_secret="client-secret-value-1" /> }
            .into_any()
    });
    assert!(!html.contains("client-secret-value-1"));
}

/// The page `tests/hydrate.rs` hydrates in the browser: two forms as a server renders them. The
/// file is checked current here; `BLESS=1 cargo test --features ssr --test ssr` writes it.
#[test]
fn the_hydration_fixture_is_current() {
    let html = render(|| {
        view! {
            <ConfirmSignUp client_id=CLIENT_ID endpoint="https://cognito-idp.eu-west-1.amazonaws.com/" username="alice" />
            <ConfirmSignUp client_id=CLIENT_ID endpoint="https://cognito-idp.eu-west-1.amazonaws.com/" />
        }
        .into_any()
    });
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ssr-forms.html");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &html).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap_or_default(),
        html,
        "tests/data/ssr-forms.html is stale: BLESS=1 cargo test --features ssr --test ssr"
    );
}
