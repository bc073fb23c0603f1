//! Browser tests of the component and the Promise API, with `fetch` intercepted in the page.
#![cfg(all(target_arch = "wasm32", feature = "ui"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly

use std::time::Duration;

use cognito_confirm::core::Endpoint;
use cognito_confirm::web::{bindings, mount};
use cognito_confirm::web::{Client, Config};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

// The helpers below are evaluated in the page rather than shipped as an `inline_js` snippet: each
// snippet is one more module the test page loads at once, and the test runner's HTTP server can
// leave a request unanswered when the page opens more than four connections at the same time
// (the suite then hangs at "Loading scripts..."). See the README's Layout section.

/// A `fetch` that answers in turn with each `[status, body, delayMs]` of `answers` (the last
/// one again once they run out) and records each request in the array it returns.
const FAKE_FETCH: &str = r#"(answers) => {
  const calls = [];
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    calls.push({
      url: request.url,
      target: request.headers.get("x-amz-target"),
      contentType: request.headers.get("content-type"),
      body: await request.text(),
    });
    const [status, body, delay] = answers[Math.min(calls.length, answers.length) - 1];
    await new Promise((r) => setTimeout(r, delay ?? 0));
    return new Response(body, { status, headers: { "Content-Type": "application/x-amz-json-1.1" } });
  };
  return calls;
}"#;

/// Evaluates JavaScript in the page's global scope, like `(0, eval)(code)` (test setup only).
fn run_js(code: &str) -> JsValue {
    let eval: js_sys::Function = Reflect::get(&js_sys::global(), &"eval".into())
        .unwrap()
        .unchecked_into();
    eval.call1(&JsValue::UNDEFINED, &code.into()).unwrap()
}

/// Replaces `fetch` with one that answers each `[status, body, delayMs]` of `answers` in turn
/// and returns the requests it sees.
fn intercept_each(answers: JsValue) -> js_sys::Array {
    let install: js_sys::Function = run_js(FAKE_FETCH).unchecked_into();
    install
        .call1(&JsValue::UNDEFINED, &answers)
        .unwrap()
        .unchecked_into()
}

/// Replaces `fetch` with one that always answers `status`/`body` and returns the requests it
/// sees.
fn intercept(status: u16, body: &str) -> js_sys::Array {
    let answer = js_sys::Array::of2(&status.into(), &body.into());
    intercept_each(js_sys::Array::of1(&answer).into())
}

const CLIENT_ID: &str = "7example1client2id3";

fn fresh_target() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Draws the form for `config` into `target`. It stays until the result is dropped.
fn show(target: &HtmlElement, config: Config) -> impl Sized {
    use leptos::prelude::*;
    leptos::mount::mount_to(target.clone(), move || {
        view! { <cognito_confirm::web::ConfirmForm config=config /> }
    })
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
    let _shown = show(&target, config());
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
    let _shown = show(&target, config());
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
async fn the_leptos_component_signs_in_with_its_session_and_auto_sign_in_props() {
    use cognito_confirm::ui::{Confirmed, SignIn};
    use leptos::prelude::*;
    const SIGN_UP_SESSION: &str = "AYABsignUpSession0123456789";
    const CONFIRM_SESSION: &str = "AYABconfirmSession0123456789";
    let answers = js_sys::Array::of2(
        &js_sys::Array::of2(&200.into(), &format!(r#"{{"Session":"{CONFIRM_SESSION}"}}"#).into()),
        &js_sys::Array::of2(
            &200.into(),
            &r#"{"AuthenticationResult":{"AccessToken":"eyJ.a","ExpiresIn":3600,"TokenType":"Bearer","RefreshToken":"eyJ.r","IdToken":"eyJ.i"},"ChallengeParameters":{}}"#.into(),
        ),
    );
    let calls = intercept_each(answers.into());
    // Leptos callbacks are Send + Sync.
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let (confirmed, signed_in) = (seen.clone(), seen.clone());
    let target = fresh_target();
    let on_confirmed = move |c: Confirmed| {
        confirmed
            .lock()
            .unwrap()
            .push(format!("confirmed {}", c.session.is_some()));
    };
    let on_signed_in = move |s: SignIn| {
        let tokens = s.response.authentication_result.unwrap_or_default();
        signed_in
            .lock()
            .unwrap()
            .push(format!("signed in {}", tokens.token_type.unwrap_or_default()));
    };
    let _shown = leptos::mount::mount_to(target.clone(), move || {
        view! {
            <cognito_confirm::ConfirmSignUp
                client_id=CLIENT_ID
                endpoint="https://cognito-idp.eu-west-1.amazonaws.com/"
                username="alice"
                session=SIGN_UP_SESSION
                auto_sign_in=true
                on_confirmed=on_confirmed
                on_signed_in=on_signed_in
            />
        }
    });
    settle().await;
    type_code(&target, "123456");
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(calls.length(), 2, "ConfirmSignUp, then InitiateAuth");
    let body = |i: u32| {
        Reflect::get(&calls.get(i), &"body".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert!(
        body(0).ends_with(&format!(r#","Session":"{SIGN_UP_SESSION}"}}"#)),
        "{}",
        body(0)
    );
    assert_eq!(
        body(1),
        format!(
            r#"{{"AuthFlow":"USER_AUTH","ClientId":"{CLIENT_ID}","AuthParameters":{{"USERNAME":"alice"}},"Session":"{CONFIRM_SESSION}"}}"#
        )
    );
    assert_eq!(*seen.lock().unwrap(), ["confirmed true", "signed in Bearer"]);
    assert_eq!(state(&target), "confirmed");
    let status: HtmlElement = find(&target, "[role=status]");
    assert_eq!(status.text_content().as_deref(), Some("You are signed in."));
    assert!(!target.inner_html().contains("AYAB") && !target.inner_html().contains("eyJ"));
}

#[wasm_bindgen_test]
async fn a_wrong_code_shows_an_alert_and_keeps_the_code() {
    intercept(
        400,
        r#"{"__type":"CodeMismatchException","message":"Invalid verification code provided, please try again."}"#,
    );
    let target = fresh_target();
    let _shown = show(&target, config());
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
    let _shown = show(&target, config());
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

fn answers(list: &[(u16, &str, u32)]) -> JsValue {
    let arr = js_sys::Array::new();
    for (status, body, delay) in list {
        arr.push(&js_sys::Array::of3(
            &(*status).into(),
            &(*body).into(),
            &(*delay).into(),
        ));
    }
    arr.into()
}

/// Mounts through the JavaScript `mount()` with `extra` options (a JS object literal).
fn mount_js(extra: &str) -> (HtmlElement, mount::MountHandle) {
    let target = fresh_target();
    let options = run_js(&format!(
        "({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', username: 'alice', ...{extra} }})"
    ));
    let handle = mount::mount(target.clone().into(), options).unwrap();
    (target, handle)
}

/// The body of the `i`-th request `intercept` saw.
fn sent_body(calls: &js_sys::Array, i: u32) -> String {
    Reflect::get(&calls.get(i), &"body".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find::<HtmlElement>(root, selector)
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn resend_announces_the_destination_and_starts_a_cooldown() {
    let calls = intercept(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
    );
    let (target, _handle) = mount_js("{ resendCooldownSeconds: 30 }");
    settle().await;
    let resend: HtmlButtonElement = find(&target, ".cognito-confirm__resend");
    resend.click();
    settle().await;
    assert_eq!(calls.length(), 1);
    let call = calls.get(0);
    let target_header = Reflect::get(&call, &"target".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        target_header,
        "AWSCognitoIdentityProviderService.ResendConfirmationCode"
    );
    assert_eq!(
        text(&target, "[role=status]"),
        "A new code was sent to a***@e***.com (email). Earlier codes no longer work."
    );
    assert!(resend.disabled(), "cooldown");
    assert!(
        text(&target, ".cognito-confirm__countdown").contains("s)"),
        "visible countdown"
    );
    assert!(resend.text_content().unwrap().starts_with("Resend code"));
    resend.click();
    settle().await;
    assert_eq!(calls.length(), 1, "no resend during the cooldown");
    assert_eq!(state(&target), "idle");
}

#[wasm_bindgen_test]
async fn double_clicks_send_one_request() {
    let calls = intercept_each(answers(&[(200, "{}", 150)]));
    let (target, _handle) = mount_js("{ code: '123456' }");
    settle().await;
    let submit: HtmlButtonElement = find(&target, "button[type=submit]");
    submit.click();
    submit.click();
    gloo_sleep(Duration::ZERO).await; // a redraw, not the answer (150 ms away)
    assert_eq!(state(&target), "submitting");
    assert_eq!(submit.get_attribute("aria-busy").as_deref(), Some("true"));
    submit.click();
    gloo_sleep(Duration::from_millis(300)).await;
    settle().await;
    assert_eq!(calls.length(), 1, "one request in flight at a time");
    assert_eq!(state(&target), "confirmed");
}

#[wasm_bindgen_test]
async fn already_confirmed_ends_confirmed_on_confirm_and_on_resend() {
    intercept(
        400,
        r#"{"__type":"NotAuthorizedException","message":"User cannot be confirmed. Current status is CONFIRMED"}"#,
    );
    let (target, _handle) = mount_js("{ code: '123456' }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(state(&target), "confirmed");
    assert_eq!(text(&target, "[role=alert]"), "");

    intercept(
        400,
        r#"{"__type":"InvalidParameterException","message":"User is already confirmed."}"#,
    );
    let (target, _handle) = mount_js("{}");
    settle().await;
    find::<HtmlButtonElement>(&target, ".cognito-confirm__resend").click();
    settle().await;
    assert_eq!(state(&target), "confirmed");
}

#[wasm_bindgen_test]
async fn session_reaches_on_confirmed() {
    intercept(200, r#"{"Session":"abcdefghijklmnopqrstuvwxyz"}"#);
    let (target, _handle) =
        mount_js("{ code: '123456', onConfirmed: (r) => { globalThis.confirmedWith = r; } }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    let session = run_js("globalThis.confirmedWith.Session");
    assert_eq!(session.as_string().as_deref(), Some("abcdefghijklmnopqrstuvwxyz"));
}

#[wasm_bindgen_test]
async fn pasted_codes_are_normalised_and_auto_submitted() {
    let calls = intercept(200, "{}");
    let (target, _handle) = mount_js("{ autoSubmitLength: 6 }");
    settle().await;
    type_code(&target, "１２３ ４-5");
    settle().await;
    assert_eq!(
        find::<HtmlInputElement>(&target, "input[name=code]").value(),
        "12345"
    );
    assert_eq!(calls.length(), 0, "not complete yet");
    type_code(&target, "123 456");
    settle().await;
    assert_eq!(calls.length(), 1, "submitted once complete");
    assert_eq!(state(&target), "confirmed");
}

#[wasm_bindgen_test]
async fn the_username_field_appears_when_no_username_is_given() {
    let calls = intercept(200, "{}");
    let target = fresh_target();
    let options = run_js(&format!(
        "({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', code: '123456' }})"
    ));
    let _handle = mount::mount(target.clone().into(), options).unwrap();
    settle().await;
    let user: HtmlInputElement = find(&target, "input[name=username]");
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(calls.length(), 0);
    assert_eq!(text(&target, "[role=alert]"), "Enter your username.");
    user.set_value("bob");
    user.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    let body = sent_body(&calls, 0);
    assert!(body.contains(r#""Username":"bob""#), "{body}");
}

#[wasm_bindgen_test]
async fn client_metadata_and_encoded_data_options_are_sent() {
    let calls = intercept(200, "{}");
    let (target, _handle) =
        mount_js("{ code: '123456', clientMetadata: { source: 'app', step: '2' }, encodedData: 'ENC-1' }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    let body = sent_body(&calls, 0);
    assert!(
        body.contains(
            r#""UserContextData":{"EncodedData":"ENC-1"},"ClientMetadata":{"source":"app","step":"2"}"#
        ),
        "{body}"
    );
}

#[wasm_bindgen_test]
async fn web_otp_false_leaves_the_sms_alone() {
    run_js(
        "globalThis.OTPCredential = class {}; globalThis.otpCalls = 0; \
         navigator.credentials.get = async () => { globalThis.otpCalls++; return { code: '987654' }; }",
    );
    let (target, _handle) = mount_js("{ webOtp: false }");
    settle().await;
    run_js("delete globalThis.OTPCredential; delete navigator.credentials.get");
    assert_eq!(run_js("globalThis.otpCalls").as_f64(), Some(0.0));
    assert_eq!(find::<HtmlInputElement>(&target, "input[name=code]").value(), "");
}

#[wasm_bindgen_test]
async fn advanced_security_data_is_sent_when_the_page_has_the_script() {
    let calls = intercept(200, "{}");
    run_js("globalThis.AmazonCognitoAdvancedSecurityData = { getData: (u, p, c) => `fp:${u}:${p}:${c}` }");
    let (target, _handle) = mount_js("{ code: '123456', userPoolId: 'eu-west-1_AbC123' }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    run_js("delete globalThis.AmazonCognitoAdvancedSecurityData");
    let body = sent_body(&calls, 0);
    assert!(
        body.contains(&format!(
            r#""UserContextData":{{"EncodedData":"fp:alice:eu-west-1_AbC123:{CLIENT_ID}"}}"#
        )),
        "{body}"
    );
}

#[wasm_bindgen_test]
async fn server_messages_are_never_rendered_as_html() {
    intercept(
        400,
        r#"{"__type":"UserLambdaValidationException","message":"<img src=x onerror=alert(1)><b>bold</b>"}"#,
    );
    let (target, _handle) = mount_js("{ code: '123456', onError: (e) => { globalThis.lastError = e; } }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert!(target.query_selector("img").unwrap().is_none());
    assert!(target.query_selector("b").unwrap().is_none());
    let message = run_js("globalThis.lastError.message").as_string().unwrap();
    assert_eq!(
        message, "<img src=x onerror=alert(1)><b>bold</b>",
        "the raw message is available to the app"
    );
}

#[wasm_bindgen_test]
async fn unmount_removes_the_form() {
    let (target, mut handle) = mount_js("{}");
    settle().await;
    assert!(target.query_selector(".cognito-confirm").unwrap().is_some());
    handle.unmount();
    assert!(target.query_selector(".cognito-confirm").unwrap().is_none());
    handle.unmount();
}

#[wasm_bindgen_test]
async fn locales_translate_and_arabic_is_right_to_left() {
    let (target, _handle) = mount_js("{ locale: 'de-DE' }");
    settle().await;
    let label: HtmlElement = find(&target, "label");
    assert_eq!(label.text_content().as_deref(), Some("Bestätigungscode"));
    assert_eq!(text(&target, "button[type=submit]"), "Bestätigen");
    let root: HtmlElement = find(&target, ".cognito-confirm");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));

    let (target, _handle) = mount_js("{ locale: 'ar', messages: { confirm: 'تأكيد الآن' } }");
    settle().await;
    let root: HtmlElement = find(&target, ".cognito-confirm");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(
        text(&target, "button[type=submit]"),
        "تأكيد الآن",
        "per-key override"
    );
    assert_eq!(text(&target, "label"), "رمز التأكيد");
}

#[wasm_bindgen_test]
async fn the_locale_defaults_to_the_pages_lang() {
    let outer = fresh_target();
    outer.set_attribute("lang", "fr").unwrap();
    let inner = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    outer.append_child(&inner).unwrap();
    let options = run_js(&format!(
        "({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', username: 'a' }})"
    ));
    let _handle = mount::mount(inner.into(), options).unwrap();
    settle().await;
    assert_eq!(text(&outer, "button[type=submit]"), "Confirmer");
}

#[wasm_bindgen_test]
async fn a_panic_becomes_a_visible_error_in_every_mounted_form() {
    let (target, _handle) = mount_js("{ locale: 'fr' }");
    settle().await;
    type_code(&target, "123");
    // What the panic hook does with a panic's message (a real panic would abort this test).
    cognito_confirm::web::panic::report("simulated");
    let input: HtmlInputElement = find(&target, "input[name=code]");
    assert_eq!(input.value(), "123", "the typed code stays");
    let root: HtmlElement = find(&target, ".cognito-confirm");
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("error"));
    assert_eq!(
        text(&target, "[role=alert]"),
        "Une erreur s’est produite. Réessayez."
    );
}

#[wasm_bindgen_test]
async fn prototype_polluting_metadata_keys_are_plain_data() {
    let calls = intercept(200, "{}");
    let request = run_js(&format!(
        "({{ ClientId: '{CLIENT_ID}', Username: 'alice', ConfirmationCode: '123456', \
         ClientMetadata: JSON.parse('{{\"__proto__\": \"x\", \"constructor\": \"y\", \"prototype\": \"z\"}}') }})"
    ));
    let error: js_sys::Error = bindings::confirm_sign_up(request, options())
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(String::from(error.name()), "ValidationError");
    assert!(String::from(error.message()).contains("__proto__"));
    let request = run_js(&format!(
        "({{ ClientId: '{CLIENT_ID}', Username: 'alice', ConfirmationCode: '123456', \
         ClientMetadata: JSON.parse('{{\"constructor\": \"y\", \"prototype\": \"z\"}}') }})"
    ));
    bindings::confirm_sign_up(request, options()).await.unwrap();
    let body = sent_body(&calls, 0);
    assert!(
        body.contains(r#""ClientMetadata":{"constructor":"y","prototype":"z"}"#),
        "{body}"
    );
    assert!(
        run_js("({}).x === undefined && Object.prototype.constructor === Object")
            .as_bool()
            .unwrap()
    );

    let nested = run_js(&format!(
        "({{ ClientId: '{CLIENT_ID}', Username: 'alice', ConfirmationCode: '1', \
         ClientMetadata: JSON.parse('{{\"__proto__\": {{\"polluted\": \"yes\"}}}}') }})"
    ));
    let error: js_sys::Error = bindings::confirm_sign_up(nested, options())
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(String::from(error.name()), "ValidationError");
    assert!(run_js("({}).polluted === undefined").as_bool().unwrap());
}

#[wasm_bindgen_test]
async fn hostile_input_gets_named_validation_errors_before_sending() {
    let calls = intercept(200, "{}");
    let long = "1".repeat(5000);
    for (username, code, field) in [
        ("", "123456", "Username"),
        ("   ", "123456", "Username"),
        ("al\u{0007}ice", "123456", "Username"),
        ("alice", long.as_str(), "ConfirmationCode"),
        ("alice", "12\u{0000}34", "ConfirmationCode"),
        ("alice", "", "ConfirmationCode"),
    ] {
        let request = request(&[
            ("ClientId", CLIENT_ID),
            ("Username", username),
            ("ConfirmationCode", code),
        ]);
        let error = bindings::confirm_sign_up(request, options()).await.unwrap_err();
        let field_of = Reflect::get(&error, &"field".into()).unwrap().as_string();
        assert_eq!(field_of.as_deref(), Some(field), "{username:?} {code:?}");
    }
    assert_eq!(calls.length(), 0, "nothing was sent");
    // Emoji and right-to-left usernames are valid and travel intact.
    let request = request(&[
        ("ClientId", CLIENT_ID),
        ("Username", "مستخدم😀"),
        ("ConfirmationCode", "123456"),
    ]);
    bindings::confirm_sign_up(request, options()).await.unwrap();
    let body = sent_body(&calls, 0);
    assert!(body.contains("مستخدم😀"));
}

/// The wasm's SHA-256 is not the host's (a compact build of it, see Cargo.toml): known answers
/// from Python's `hmac`, one of them longer than a block in key and message.
#[wasm_bindgen_test]
fn secret_hash_in_the_browser_matches_known_answers() {
    assert_eq!(
        bindings::secret_hash("zoë", "abc", "secret")
            .as_string()
            .as_deref(),
        Some("5T1aPMPoYBDs19aEblYJXzurYWGb+LAfjTZfJ67t/jU=")
    );
    assert_eq!(
        bindings::secret_hash(&"u".repeat(200), "7example1client2id3", &"k".repeat(100))
            .as_string()
            .as_deref(),
        Some("FgwMAwWDKnhvdCQ+NqQ0qrmOCbMLMAo2sZNr5LgaUxk=")
    );
}

#[wasm_bindgen_test]
async fn secret_hash_precedence_member_then_provider_then_inline_secret() {
    let calls = intercept(200, "{}");
    let body_of = |i: u32| sent_body(&calls, i);
    let req = || {
        request(&[
            ("ClientId", "abc"),
            ("Username", "zoë"),
            ("ConfirmationCode", "123456"),
        ])
    };

    // Inline secret: HMAC-SHA256("secret", "zoë" + "abc"), as Python's hmac computes it.
    let inline = run_js("({ region: 'eu-west-1', clientSecret: 'secret' })");
    bindings::confirm_sign_up(req(), inline.clone()).await.unwrap();
    let expected = bindings::secret_hash("zoë", "abc", "secret").as_string().unwrap();
    assert_eq!(expected, "5T1aPMPoYBDs19aEblYJXzurYWGb+LAfjTZfJ67t/jU=");
    assert!(
        body_of(0).contains(&format!(r#""SecretHash":"{expected}""#)),
        "{}",
        body_of(0)
    );

    // An async provider wins over the inline secret and gets (username, clientId).
    let provider = run_js(
        "({ region: 'eu-west-1', clientSecret: 'secret', \
           secretHash: async (u, c) => { globalThis.providerArgs = [u, c]; return 'cHJvdmlkZWQ='; } })",
    );
    bindings::confirm_sign_up(req(), provider.clone()).await.unwrap();
    assert!(
        body_of(1).contains(r#""SecretHash":"cHJvdmlkZWQ=""#),
        "{}",
        body_of(1)
    );
    assert_eq!(
        run_js("globalThis.providerArgs.join(',')").as_string().as_deref(),
        Some("zoë,abc")
    );

    // An explicit member wins over both.
    let explicit = request(&[
        ("ClientId", "abc"),
        ("Username", "zoë"),
        ("ConfirmationCode", "123456"),
        ("SecretHash", "ZXhwbGljaXQ="),
    ]);
    bindings::confirm_sign_up(explicit, provider).await.unwrap();
    assert!(
        body_of(2).contains(r#""SecretHash":"ZXhwbGljaXQ=""#),
        "{}",
        body_of(2)
    );

    // A failing provider is a named error and nothing is sent.
    let failing =
        run_js("({ region: 'eu-west-1', secretHash: () => Promise.reject(new Error('server down')) })");
    let error: js_sys::Error = bindings::confirm_sign_up(req(), failing)
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(String::from(error.name()), "ValidationError");
    assert!(String::from(error.message()).contains("server down"));
    assert_eq!(calls.length(), 3);
}

#[cfg(feature = "admin")]
#[wasm_bindgen_test]
async fn a_clock_skew_error_is_signed_again_once_with_the_servers_time() {
    let calls = intercept_each(answers(&[
        (
            400,
            r#"{"__type":"InvalidSignatureException","message":"Signature expired: 20000101T000000Z is now earlier than 20261123T115500Z (20261123T120000Z - 5 min.)"}"#,
            0,
        ),
        (200, "{}", 0),
    ]));
    run_js(
        "globalThis.realFetch = globalThis.fetch; globalThis.fetch = (input, init) => { \
           globalThis.dates = (globalThis.dates || []).concat([(input instanceof Request ? input.headers : new Headers(init?.headers)).get('x-amz-date')]); \
           return globalThis.realFetch(input, init); }",
    );
    let options = run_js(
        "({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } })",
    );
    let req = request(&[("UserPoolId", "eu-west-1_AbC123"), ("Username", "alice")]);
    bindings::admin_confirm_sign_up(req, options).await.unwrap();
    assert_eq!(calls.length(), 2, "signed again once");
    let second = run_js("globalThis.dates[1]").as_string().unwrap();
    assert!(
        second.starts_with("20261123T12000"),
        "signed with the server's clock: {second}"
    );
}

#[wasm_bindgen_test]
async fn web_otp_fills_and_submits_the_code_from_an_sms() {
    let calls = intercept(200, "{}");
    run_js(
        "globalThis.OTPCredential = class {}; \
         navigator.credentials.get = async (options) => { globalThis.otpOptions = options; return { code: '987654' }; }",
    );
    let (target, _handle) = mount_js("{}");
    settle().await;
    run_js("delete globalThis.OTPCredential; delete navigator.credentials.get");
    assert_eq!(
        run_js("globalThis.otpOptions.otp.transport.join()")
            .as_string()
            .as_deref(),
        Some("sms")
    );
    assert_eq!(
        find::<HtmlInputElement>(&target, "input[name=code]").value(),
        "987654"
    );
    assert_eq!(calls.length(), 1, "submitted");
    assert_eq!(state(&target), "confirmed");
}

#[wasm_bindgen_test]
async fn update_re_renders_with_new_options_and_keeps_the_typed_code() {
    let (target, mut handle) = mount_js("{}");
    settle().await;
    type_code(&target, "135790");
    handle
        .update(run_js(&format!(
            "({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', username: 'alice', locale: 'es' }})"
        )))
        .unwrap();
    settle().await;
    assert_eq!(text(&target, "button[type=submit]"), "Confirmar");
    assert_eq!(
        find::<HtmlInputElement>(&target, "input[name=code]").value(),
        "135790"
    );
    assert_eq!(target.child_element_count(), 1, "one form, not two");
    let bad = handle
        .update(run_js("({ region: 'eu-west-1', clientId: 'bad id!' })"))
        .unwrap_err();
    assert_eq!(
        Reflect::get(&bad, &"name".into()).unwrap().as_string().as_deref(),
        Some("ValidationError")
    );
    assert_eq!(
        text(&target, "button[type=submit]"),
        "Confirmar",
        "a bad update keeps the form"
    );
    handle.unmount();
    assert!(handle.update(options()).is_err());
}

#[wasm_bindgen_test]
async fn requests_are_read_member_by_member_from_javascript_objects() {
    let calls = intercept(200, "{}");
    let full = run_js(&format!(
        "({{ ClientId: '{CLIENT_ID}', Username: 'alice', ConfirmationCode: '123456', ForceAliasCreation: false, \
         UserContextData: {{ EncodedData: 'e' }}, AnalyticsMetadata: {{ AnalyticsEndpointId: 'a' }}, \
         ClientMetadata: {{ zeta: '1', alpha: '2' }}, Session: null }})"
    ));
    bindings::confirm_sign_up(full, options()).await.unwrap();
    let body = sent_body(&calls, 0);
    assert_eq!(
        body,
        format!(
            r#"{{"ClientId":"{CLIENT_ID}","Username":"alice","ConfirmationCode":"123456","ForceAliasCreation":false,"AnalyticsMetadata":{{"AnalyticsEndpointId":"a"}},"UserContextData":{{"EncodedData":"e"}},"ClientMetadata":{{"zeta":"1","alpha":"2"}}}}"#
        ),
        "members in the model's order, ClientMetadata in the caller's, null left out"
    );

    for (js, field, says) in [
        ("({ clientId: 'x' })", "request", r#"unknown member "clientId""#),
        ("({ ClientId: 7 })", "ClientId", "ClientId must be a string"),
        (
            "({ ForceAliasCreation: 'yes' })",
            "ForceAliasCreation",
            "ForceAliasCreation must be a boolean",
        ),
        (
            "({ ClientMetadata: { n: 1 } })",
            "ClientMetadata",
            "ClientMetadata must be an object of strings",
        ),
        ("({ clientid: 'x' })", "request", r#"Did you mean "ClientId"?"#),
        (
            "({ UserContextData: { ip: '1' } })",
            "UserContextData",
            "unknown member",
        ),
        (
            "(['ClientId'])",
            "request",
            "ConfirmSignUp needs a request object",
        ),
        ("'ClientId'", "request", "ConfirmSignUp needs a request object"),
        ("(() => ({}))", "request", "ConfirmSignUp needs a request object"),
        (
            "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
            "request",
            "request cannot be read",
        ),
        (
            "new Proxy({}, { ownKeys() { throw new Error('no'); } })",
            "request",
            "request cannot be read: no",
        ),
        (
            "({ ClientMetadata: new Proxy({}, { ownKeys() { throw new Error('no'); } }) })",
            "request",
            "request.ClientMetadata cannot be read: no",
        ),
        (
            "({ get ClientId() { throw new Error('no'); }, Username: 'alice', ConfirmationCode: '1' })",
            "request",
            "request.ClientId cannot be read: no",
        ),
    ] {
        let error: js_sys::Error = bindings::confirm_sign_up(run_js(js), options())
            .await
            .unwrap_err()
            .dyn_into()
            .unwrap();
        let get = |k: &str| Reflect::get(&error, &k.into()).unwrap().as_string();
        assert_eq!(String::from(error.name()), "ValidationError", "{js}");
        assert_eq!(get("field").as_deref(), Some(field), "{js}");
        let message = String::from(error.message());
        assert!(message.contains(says), "{js}: {message}");
    }
    assert_eq!(calls.length(), 1, "nothing is sent for bad input");
}

/// A `mount()` that throws: asserts a `ValidationError`, returns its `field` and message.
fn mount_refused(target: &HtmlElement, options: JsValue) -> (String, String) {
    let error: js_sys::Error = mount::mount(target.clone().into(), options)
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(String::from(error.name()), "ValidationError");
    let field = Reflect::get(&error, &"field".into()).unwrap().as_string();
    (field.unwrap_or_default(), error.message().into())
}

/// Admin mode needs credentials; a build without the admin feature (`ui` alone) refuses it by
/// name, and both before anything is drawn or sent.
#[wasm_bindgen_test]
fn admin_mode_is_refused_by_name_without_credentials_or_without_the_admin_feature() {
    let calls = intercept(200, "{}");
    let target = fresh_target();
    let options = run_js(
        "({ region: 'eu-west-1', mode: 'admin', userPoolId: 'eu-west-1_AbC123', username: 'alice', \
            credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } })",
    );
    if cfg!(feature = "admin") {
        // With credentials it mounts; without them it is refused below.
        mount::mount(target.clone().into(), options.clone())
            .unwrap()
            .unmount();
        Reflect::delete_property(options.unchecked_ref::<Object>(), &"credentials".into()).unwrap();
    }
    let (field, says) = if cfg!(feature = "admin") {
        ("credentials", "admin mode needs credentials")
    } else {
        ("mode", "admin mode needs the admin feature of this build")
    };
    assert_eq!(mount_refused(&target, options), (field.into(), says.into()));
    assert_eq!(target.child_element_count(), 0, "nothing drawn");
    assert_eq!(calls.length(), 0, "nothing sent");
}

#[wasm_bindgen_test]
async fn options_that_throw_when_read_are_a_validation_error_not_a_crash() {
    let target = fresh_target();
    let hostile = run_js("({ get clientId() { throw new Error('boom'); } })");
    let (field, message) = mount_refused(&target, hostile);
    assert_eq!(field, "options");
    assert!(message.contains("boom"));
    assert!(
        target.query_selector(".cognito-confirm").unwrap().is_none(),
        "nothing mounted"
    );
    // The module still works afterwards.
    let options = run_js(&format!(
        "({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', username: 'alice' }})"
    ));
    let _handle = mount::mount(target.clone().into(), options).unwrap();
    settle().await;
    assert_eq!(state(&target), "idle");
}

#[wasm_bindgen_test]
async fn a_wrapped_fetch_that_resolves_to_no_response_is_a_network_error() {
    run_js("globalThis.fetch = async () => ({ status: 200, json: async () => ({}) })");
    let req = request(&[
        ("ClientId", CLIENT_ID),
        ("Username", "alice"),
        ("ConfirmationCode", "123456"),
    ]);
    let error: js_sys::Error = bindings::confirm_sign_up(req, options())
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        Reflect::get(&error, &"kind".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("network")
    );
    assert!(String::from(error.message()).contains("not a Response"));
}

#[wasm_bindgen_test]
fn a_misspelt_mount_option_is_refused_by_name_with_the_likely_one() {
    let calls = intercept(200, "{}");
    let target = fresh_target();
    for (options, says) in [
        (
            format!("({{ region: 'eu-west-1', clientID: '{CLIENT_ID}', username: 'alice' }})"),
            r#""clientID". Did you mean "clientId"?"#,
        ),
        (
            format!("({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', useFIPSEndpoint: true }})"),
            r#"Did you mean "useFipsEndpoint"?"#,
        ),
        (
            format!("({{ region: 'eu-west-1', clientId: '{CLIENT_ID}', onconfirmed: () => {{}} }})"),
            r#"Did you mean "onConfirmed"?"#,
        ),
    ] {
        let (field, message) = mount_refused(&target, run_js(&options));
        assert_eq!(field, "options", "{options}");
        assert!(message.contains(says), "{options}: {message}");
    }
    assert_eq!(target.child_element_count(), 0, "nothing drawn");
    assert_eq!(calls.length(), 0, "nothing sent");
}

#[wasm_bindgen_test]
async fn the_form_sends_to_the_fips_endpoint_when_asked() {
    let calls = intercept(200, "{}");
    let (target, _handle) = mount_js("{ useFipsEndpoint: true, code: '123456' }");
    settle().await;
    find::<HtmlButtonElement>(&target, "button[type=submit]").click();
    settle().await;
    assert_eq!(calls.length(), 1);
    let url = Reflect::get(&calls.get(0), &"url".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(url, "https://cognito-idp-fips.eu-west-1.amazonaws.com/");
    assert_eq!(state(&target), "confirmed");
}
