//! Hydration in the browser (feature `hydrate`): the form takes over the HTML a server rendered
//! for it (`tests/data/ssr-forms.html`, kept current by `tests/ssr.rs`) without a mismatch, and
//! keeps what the user typed, the focus and the selection before the wasm arrived.
#![cfg(all(target_arch = "wasm32", feature = "hydrate"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

use cognito_confirm::ConfirmSignUp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlFormElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const SERVER_HTML: &str = include_str!("data/ssr-forms.html");
const CLIENT_ID: &str = "7example1client2id3";
const ENDPOINT: &str = "https://cognito-idp.eu-west-1.amazonaws.com/";

/// A `fetch` that answers `{}` and keeps each request's body in the array it returns.
fn record_requests() -> js_sys::Array {
    let install = js_sys::Function::new_no_args(
        "const bodies = [];
         globalThis.fetch = async (input, init) => {
           bodies.push(await new Request(input, init).text());
           return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' } });
         };
         return bodies;",
    );
    install
        .call0(&wasm_bindgen::JsValue::UNDEFINED)
        .unwrap()
        .unchecked_into()
}

fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    panic!("the condition did not hold within two seconds");
}

#[wasm_bindgen_test]
async fn hydrates_server_html_keeping_what_was_typed() {
    let document = web_sys::window().unwrap().document().unwrap();
    let page: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    page.set_inner_html(SERVER_HTML);
    document.body().unwrap().append_child(&page).unwrap();
    let forms = page.query_selector_all(".cognito-confirm").unwrap();
    let first: web_sys::Element = forms.get(0).unwrap().unchecked_into();
    let second: web_sys::Element = forms.get(1).unwrap().unchecked_into();

    // The user types before the wasm has arrived: a username in the second form, a code (with a
    // space, not yet normalised) in the first, where the caret stays.
    let username: HtmlInputElement = find(&second, "input[name=username]");
    username.set_value("bob");
    let code: HtmlInputElement = find(&first, "input[name=code]");
    code.set_value("123 456");
    code.focus().unwrap();
    code.set_selection_range(3, 3).unwrap();

    let _hydrated = leptos::mount::hydrate_from(page.clone(), || {
        view! {
            <ConfirmSignUp client_id=CLIENT_ID endpoint=ENDPOINT username="alice" />
            <ConfirmSignUp client_id=CLIENT_ID endpoint=ENDPOINT />
        }
    });

    // The same elements, taken over: nothing typed is lost, focus and caret stay.
    let code_now: HtmlInputElement = find(&first, "input[name=code]");
    assert!(code_now.is_same_node(Some(&code)), "the input was replaced");
    assert_eq!(code.value(), "123 456");
    assert_eq!(username.value(), "bob");
    assert!(document.active_element().unwrap().is_same_node(Some(&code)));
    assert_eq!(code.selection_start().unwrap(), Some(3));
    assert_eq!(page.inner_html().matches("class=\"cognito-confirm\"").count(), 2);

    // And it works: Confirm sends the code typed before hydration, normalised.
    let bodies = record_requests();
    find::<HtmlFormElement>(&first, "form").request_submit().unwrap();
    until(|| first.get_attribute("data-state").as_deref() == Some("confirmed")).await;
    assert_eq!(bodies.length(), 1);
    let body = bodies.get(0).as_string().unwrap();
    assert!(body.contains(r#""Username":"alice""#), "{body}");
    assert!(body.contains(r#""ConfirmationCode":"123456""#), "{body}");

    // The second form sends the username typed before hydration.
    find::<HtmlInputElement>(&second, "input[name=code]").set_value("654321");
    find::<HtmlFormElement>(&second, "form").request_submit().unwrap();
    until(|| second.get_attribute("data-state").as_deref() == Some("confirmed")).await;
    let body = bodies.get(1).as_string().unwrap();
    assert!(body.contains(r#""Username":"bob""#), "{body}");
    assert_eq!(bodies.length(), 2);
}
