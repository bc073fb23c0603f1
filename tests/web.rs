//! Browser tests of the component and the Promise API, with `fetch` intercepted in the page.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

use std::time::Duration;

use cognito_confirm::core::Endpoint;
use cognito_confirm::web::bindings;
use cognito_confirm::web::{Client, Config, ConfirmSignUp};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function intercept(status, body) {
  const calls = [];
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    calls.push({
      url: request.url,
      target: request.headers.get("x-amz-target"),
      contentType: request.headers.get("content-type"),
      body: await request.text(),
    });
    return new Response(body, { status, headers: { "Content-Type": "application/x-amz-json-1.1" } });
  };
  return calls;
}
"#)]
extern "C" {
    /// Replaces `fetch` with one that answers `status`/`body` and records each request.
    fn intercept(status: u16, body: &str) -> js_sys::Array;
}

const CLIENT_ID: &str = "7example1client2id3";

fn fresh_target() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn config() -> Config {
    let client = Client::new(Endpoint::parse("https://cognito-idp.eu-west-1.amazonaws.com/").unwrap());
    let mut config = Config::new(client, CLIENT_ID);
    config.username = Some("alice".into());
    config
}

async fn settle() {
    // Lets the reactive system, the fetch promise and the request animation frame run.
    for _ in 0..5 {
        leptos::task::tick().await;
        gloo_sleep(Duration::from_millis(20)).await;
    }
}

async fn gloo_sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, d.as_millis() as i32)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn state(root: &HtmlElement) -> String {
    find::<HtmlElement>(root, ".cognito-confirm")
        .get_attribute("data-state")
        .unwrap()
}

fn type_code(root: &HtmlElement, code: &str) {
    let input: HtmlInputElement = find(root, "input[name=code]");
    input.set_value(code);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn mounts_with_the_input_and_both_buttons() {
    let target = fresh_target();
    let _handle = leptos::mount::mount_to(target.clone(), || view! { <ConfirmSignUp config=config() /> });
    settle().await;
    assert_eq!(state(&target), "idle");
    let input: HtmlInputElement = find(&target, "input[name=code]");
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    let label: HtmlElement = find(&target, &format!("label[for='{}']", input.id()));
    assert_eq!(label.text_content().as_deref(), Some("Confirmation code"));
    let submit: HtmlButtonElement = find(&target, "button[type=submit]");
    assert_eq!(submit.text_content().as_deref(), Some("Confirm"));
    let resend: HtmlButtonElement = find(&target, ".cognito-confirm__resend");
    assert_eq!(resend.text_content().unwrap().trim(), "Resend code");
    assert!(!resend.disabled());
    assert!(target.query_selector("[role=status]").unwrap().is_some());
    assert!(target.query_selector("[role=alert]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn confirm_sends_the_request_and_shows_success() {
    let calls = intercept(200, "{}");
    let target = fresh_target();
    let _handle = leptos::mount::mount_to(target.clone(), || view! { <ConfirmSignUp config=config() /> });
    settle().await;
    type_code(&target, " 123-456 ");
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;

    assert_eq!(calls.length(), 1, "exactly one request");
    let call = calls.get(0);
    let get = |k: &str| Reflect::get(&call, &k.into()).unwrap().as_string().unwrap();
    assert_eq!(get("target"), "AWSCognitoIdentityProviderService.ConfirmSignUp");
    assert_eq!(get("contentType"), "application/x-amz-json-1.1");
    assert_eq!(
        get("body"),
        format!(r#"{{"ClientId":"{CLIENT_ID}","Username":"alice","ConfirmationCode":"123456"}}"#)
    );
    assert_eq!(state(&target), "confirmed");
    let status: HtmlElement = find(&target, "[role=status]");
    assert_eq!(
        status.text_content().as_deref(),
        Some("Your account is confirmed.")
    );
}

#[wasm_bindgen_test]
async fn a_wrong_code_shows_an_alert_and_keeps_the_code() {
    intercept(
        400,
        r#"{"__type":"CodeMismatchException","message":"Invalid verification code provided, please try again."}"#,
    );
    let target = fresh_target();
    let _handle = leptos::mount::mount_to(target.clone(), || view! { <ConfirmSignUp config=config() /> });
    settle().await;
    type_code(&target, "654321");
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(state(&target), "error");
    let alert: HtmlElement = find(&target, "[role=alert]");
    assert!(alert.text_content().unwrap().contains("code is not right"));
    assert_eq!(
        find::<HtmlInputElement>(&target, "input[name=code]").value(),
        "654321"
    );
}

#[wasm_bindgen_test]
async fn an_empty_code_is_refused_before_sending() {
    let calls = intercept(200, "{}");
    let target = fresh_target();
    let _handle = leptos::mount::mount_to(target.clone(), || view! { <ConfirmSignUp config=config() /> });
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(calls.length(), 0);
    assert_eq!(state(&target), "error");
    let alert: HtmlElement = find(&target, "[role=alert]");
    assert_eq!(
        alert.text_content().as_deref(),
        Some("Enter the confirmation code.")
    );
}

fn options() -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"region".into(), &"eu-west-1".into()).unwrap();
    o.into()
}

fn request(pairs: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
async fn the_promise_api_resolves_with_the_server_object() {
    intercept(200, r#"{"Session":"abcdefghijklmnopqrstuvwxyz"}"#);
    let req = request(&[
        ("ClientId", CLIENT_ID),
        ("Username", "alice"),
        ("ConfirmationCode", "123456"),
    ]);
    let response = bindings::confirm_sign_up(req, options()).await.unwrap();
    let session = Reflect::get(&response, &"Session".into()).unwrap();
    assert_eq!(session.as_string().as_deref(), Some("abcdefghijklmnopqrstuvwxyz"));
}

#[wasm_bindgen_test]
async fn the_promise_api_rejects_with_a_named_error() {
    intercept(
        400,
        r#"{"__type":"com.amazonaws#LimitExceededException:http://internal","message":"Attempt limit exceeded, please try after some time."}"#,
    );
    let req = request(&[("ClientId", CLIENT_ID), ("Username", "alice")]);
    let error = bindings::resend_confirmation_code(req, options())
        .await
        .unwrap_err();
    let error: js_sys::Error = error.dyn_into().expect("a real Error");
    assert_eq!(String::from(error.name()), "LimitExceededException");
    let get = |k: &str| Reflect::get(&error, &k.into()).unwrap();
    assert_eq!(get("kind").as_string().as_deref(), Some("attempt-limit"));
    assert_eq!(get("status").as_f64(), Some(400.0));
    assert_eq!(get("retryable").as_bool(), Some(false));
}

#[wasm_bindgen_test]
async fn bad_input_is_a_validation_error_and_nothing_is_sent() {
    let calls = intercept(200, "{}");
    let req = request(&[
        ("ClientId", "bad id!"),
        ("Username", "alice"),
        ("ConfirmationCode", "1"),
    ]);
    let error: js_sys::Error = bindings::confirm_sign_up(req, options())
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(String::from(error.name()), "ValidationError");
    assert_eq!(calls.length(), 0);
}
