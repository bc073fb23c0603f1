//! The Leptos confirmation form: code input, Confirm and Resend code, or the admin confirm. This
//! file draws it and holds its state ([`Ui`]); the texts it shows are in `flow.rs`, what it does
//! in the browser in `web/actions.rs`. It renders on a server (`ssr`), hydrates that HTML
//! (`hydrate`) and mounts in the browser (`csr`) alike: browser work runs only in event
//! handlers and effects, which a server never runs.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::flow::Region;
use super::flow::{self, now_ms, Attr, Config, Confirmed, Disabled, Ids, Mode, Resent, SignIn, Text};
use crate::core::form::{normalize_code, Form};
use crate::core::i18n::{is_rtl, Key, Messages};
use crate::core::protocol::ClientMetadata;
use crate::core::{CognitoError, Credentials, Endpoint, EndpointOptions};

#[cfg(target_arch = "wasm32")]
use crate::web::actions;

/// On a server, where event handlers and effects never run, the actions are never called.
#[cfg(not(target_arch = "wasm32"))]
mod actions {
    use super::Ui;
    pub(crate) fn confirm(_: &Ui) {}
    pub(crate) fn resend(_: &Ui) {}
    pub(crate) fn code_typed(_: &Ui, _: &str) {}
}

/// The Amazon Cognito sign-up confirmation form.
///
/// Renders a root `div.cognito-confirm` whose `data-state` is `idle`, `submitting`,
/// `confirmed` or `error`; a "Confirmation code" input; a Confirm submit button; a "Resend
/// code" button with a cooldown; a `role="status"` region for notices and a `role="alert"`
/// region for errors. The props are the JavaScript options of `mount()` in snake_case.
///
/// ```
/// use cognito_confirm::ConfirmSignUp;
/// use leptos::prelude::*;
///
/// let form = view! { <ConfirmSignUp client_id="7example1client2id3" region="eu-west-1" username="alice" /> };
/// # let _ = form;
/// ```
///
/// Options that cannot work (an unknown region, say) are shown in the form as its error, and
/// handed to `on_error` when the user tries to confirm; nothing is sent.
#[component]
#[allow(clippy::too_many_arguments)] // one argument per prop: that is what a component is
pub fn ConfirmSignUp(
    /// The app client id (`ClientId`). Required in user mode.
    #[prop(into)]
    client_id: String,
    /// The AWS region, e.g. `"eu-west-1"`: the endpoint's, and the Signature V4 region of the
    /// admin mode. Required unless `endpoint` is given.
    #[prop(optional, into)]
    region: Option<String>,
    /// A full endpoint URL instead of the region's, e.g. a local Cognito-compatible server.
    #[prop(optional, into)]
    endpoint: Option<String>,
    /// The region's FIPS endpoint, as the AWS SDKs resolve it. Defaults to false.
    #[prop(optional)]
    use_fips_endpoint: bool,
    /// The region's dual-stack (IPv6) endpoint, as the AWS SDKs resolve it. Defaults to false.
    #[prop(optional)]
    use_dualstack_endpoint: bool,
    /// The user. When absent the form shows a Username field.
    #[prop(optional, into)]
    username: Option<String>,
    /// A code to prefill (e.g. from a link).
    #[prop(optional, into)]
    code: Option<String>,
    /// `Mode::User` (the code form, the default) or `Mode::Admin` (confirm without a code; needs
    /// `user_pool_id` and `credentials`).
    #[prop(optional)]
    mode: Mode,
    /// The user pool: the admin mode, and advanced-security data.
    #[prop(optional, into)]
    user_pool_id: Option<String>,
    /// A BCP 47 tag whose language picks the texts: English, or with the `locales` feature any
    /// of the 22 built in. Defaults to `"en"`.
    #[prop(optional, into)]
    locale: Option<String>,
    /// Per-key text overrides, by key name (`("confirm", "Verify")`).
    #[prop(optional)]
    messages: Vec<(String, String)>,
    /// Seconds the resend button rests after a code was sent. Defaults to 30.
    #[prop(default = flow::DEFAULT_RESEND_COOLDOWN_SECONDS)]
    resend_cooldown_seconds: u32,
    /// Submit by itself once the code has this many characters. Defaults to never.
    #[prop(optional)]
    auto_submit_length: Option<usize>,
    /// Fill (and submit) the code from an incoming SMS through the WebOTP API where the browser
    /// has it. Defaults to true.
    #[prop(default = true)]
    web_otp: bool,
    /// The app client's secret: SecretHash is then computed in the page, where anyone can read
    /// the secret (see the README's Security section).
    #[prop(optional, into)]
    client_secret: Option<String>,
    /// AWS credentials for the admin mode.
    #[prop(optional)]
    credentials: Option<Credentials>,
    /// Per-attempt timeout in milliseconds. Defaults to 10 000.
    #[prop(default = DEFAULT_TIMEOUT_MS)]
    timeout_ms: u32,
    /// `ClientMetadata` sent with every call.
    #[prop(optional)]
    client_metadata: Option<ClientMetadata>,
    /// `UserContextData.EncodedData`; by default taken from Cognito's advanced-security script
    /// when the page loaded it (needs `user_pool_id`).
    #[prop(optional, into)]
    encoded_data: Option<String>,
    /// Adopt the default stylesheet in the browser (a constructable stylesheet: CSP-safe). A
    /// server-rendered page links [`STYLESHEET`](crate::STYLESHEET) itself to be styled before
    /// the wasm. Defaults to true.
    #[prop(default = true)]
    stylesheet: bool,
    /// The `Session` of the app's `SignUp` response, sent with `ConfirmSignUp`.
    #[prop(optional, into)]
    session: Option<String>,
    /// After confirming, sign in with the `Session` `ConfirmSignUp` returns (`InitiateAuth`
    /// `USER_AUTH`): `on_signed_in` gets the tokens, or `on_challenge` the next step. Defaults to
    /// false.
    #[prop(optional)]
    auto_sign_in: bool,
    /// Called after confirmation ("already confirmed" included).
    #[prop(optional, into)]
    on_confirmed: Option<Callback<Confirmed>>,
    /// Called with the tokens of the automatic sign-in.
    #[prop(optional, into)]
    on_signed_in: Option<Callback<SignIn>>,
    /// Called when the automatic sign-in needs another step (`ChallengeName`, `Session`, …).
    #[prop(optional, into)]
    on_challenge: Option<Callback<SignIn>>,
    /// Called after a code was sent again.
    #[prop(optional, into)]
    on_resent: Option<Callback<Resent>>,
    /// Called with every error shown.
    #[prop(optional, into)]
    on_error: Option<Callback<CognitoError>>,
) -> impl IntoView {
    let endpoint = Endpoint::resolve(&EndpointOptions {
        region: region.as_deref(),
        endpoint: endpoint.as_deref(),
        use_fips_endpoint,
        use_dualstack_endpoint,
    });
    let (messages, _unknown) = Messages::new(locale.as_deref().unwrap_or("en"), messages);
    let mut config = Config {
        username: username.filter(|u| !u.is_empty()),
        user_pool_id,
        code,
        mode,
        messages,
        resend_cooldown_seconds,
        auto_submit_length: auto_submit_length.filter(|n| *n > 0),
        client_metadata,
        encoded_data,
        web_otp,
        session: session.filter(|s| !s.is_empty()),
        auto_sign_in,
        on_confirmed: on_confirmed.map(called_with_a_clone),
        on_signed_in: on_signed_in.map(called_with_a_clone),
        on_challenge: on_challenge.map(called_with_a_clone),
        on_resent: on_resent.map(called_with_a_clone),
        on_error: on_error.map(called_with_a_clone),
        ..Config::unsent(client_id)
    };
    let checked = mode.check(
        &config.client_id,
        config.user_pool_id.as_deref(),
        credentials.is_some(),
    );
    match endpoint.and_then(|endpoint| checked.map(|()| endpoint)) {
        Err(problem) => config.problem = Some(problem),
        #[cfg(target_arch = "wasm32")]
        Ok(endpoint) => {
            use crate::web::transport::{Client, SecretHashSource};
            let mut client = Client::new(endpoint);
            client.region = region;
            client.timeout_ms = timeout_ms;
            client.credentials = credentials;
            if let Some(secret) = client_secret.filter(|s| !s.is_empty()) {
                client.secret_hash = SecretHashSource::Inline(crate::core::Secret::new(secret));
            }
            config.client = Some(Rc::new(client));
        }
        #[cfg(not(target_arch = "wasm32"))]
        Ok(_) => {
            // A server never sends: these only matter in the browser.
            let _ = (region, timeout_ms, credentials, client_secret);
        }
    }
    let root = NodeRef::<html::Div>::new();
    if stylesheet {
        #[cfg(target_arch = "wasm32")]
        Effect::new(move || {
            if let Some(root) = root.get() {
                crate::web::style::adopt_for(&root);
            }
        });
    }
    form_view(config, root)
}

/// A Leptos callback as the form's own callback type, which hands it a copy of the value.
fn called_with_a_clone<T: Clone + 'static>(callback: Callback<T>) -> flow::Callback<T> {
    Rc::new(move |value: &T| callback.run(value.clone()))
}

/// Default `timeout_ms`.
const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// The form for a [`Config`] made already: what `mount()` and the custom element draw.
#[component]
pub fn ConfirmForm(
    /// The form's configuration.
    config: Config,
) -> impl IntoView {
    form_view(config, NodeRef::new())
}

/// The form's view, with `root` on its root element.
fn form_view(config: Config, root: NodeRef<html::Div>) -> impl IntoView {
    let Ids {
        code: code_id,
        username: user_id,
        error: error_id,
    } = Ids::next();

    let mode = config.mode;
    let has_username = config.username.is_some();
    let locale = config.messages.locale().to_owned();
    let dir = if is_rtl(&locale) { "rtl" } else { "ltr" };
    // The inputs are the DOM's own: their value is written once (the prefilled code) and read
    // when sent, never written by a signal. So text typed into server-rendered HTML before the
    // wasm hydrated it stays, where a `prop:value` would overwrite it during hydration.
    let initial_code = config.code.as_deref().map(normalize_code);
    let mut form = Form::new(config.resend_cooldown_seconds);
    if let Some(problem) = config.problem.clone() {
        form.reject(problem);
    }
    let web_otp = mode == Mode::User && config.web_otp;
    let ui = Ui {
        shown: StoredValue::new(Shown {
            messages: config.messages.clone(),
            mode,
        }),
        #[cfg(target_arch = "wasm32")]
        config: StoredValue::new_local(Rc::new(config)),
        form: RwSignal::new(form),
        clock: Trigger::new(),
        ticker: StoredValue::new(None),
        code_input: NodeRef::new(),
        username_input: NodeRef::new(),
        alert: NodeRef::new(),
        status: NodeRef::new(),
    };
    #[cfg(not(target_arch = "wasm32"))]
    drop(config); // a server only draws
    on_cleanup(move || {
        if let Some(Some(handle)) = ui.ticker.try_get_value() {
            handle.clear();
        }
    });

    // WebOTP: fill the code from an incoming SMS and submit it; aborted when the form goes.
    #[cfg(target_arch = "wasm32")]
    if web_otp {
        Effect::new(move || {
            if let Ok(controller) = web_sys::AbortController::new() {
                actions::web_otp(&ui, controller.signal());
                on_cleanup(move || controller.abort());
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = web_otp;

    // One closure type per kind of reactive value (text, attribute, `disabled`): each closure
    // type the view holds compiles its own copy of Leptos's effect code.
    let text = move |which: Text| move || ui.text(which);
    // The alert and status regions hold no node at all while they say nothing (a comment marks
    // the place), so that `:empty` hides them in the server's HTML as in the browser's: an empty
    // text would be rendered as a space.
    let region = move |which: Text| move || Some(ui.text(which)).filter(|text| !text.is_empty());
    let attr = move |which: Attr| move || ui.attr(which);
    let disabled = move |which: Disabled| move || ui.disabled(which);
    let t = move |key: Key| ui.t(key);

    let heading = t(Key::Heading);
    let intro = t(if mode == Mode::Admin {
        Key::AdminIntro
    } else {
        Key::Intro
    });
    let username_field = (!has_username).then(|| {
        let user_id2 = user_id.clone();
        view! {
            <div class="cognito-confirm__field">
                <label class="cognito-confirm__label" part="label" for=user_id2>{t(Key::UsernameLabel)}</label>
                <input
                    class="cognito-confirm__input"
                    part="input username"
                    id=user_id
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                    node_ref=ui.username_input
                    prop:disabled=disabled(Disabled::WhenConfirmed)
                />
            </div>
        }
    });
    let code_field = (mode == Mode::User).then(|| {
        let code_id2 = code_id.clone();
        let error_id2 = error_id.clone();
        view! {
            <div class="cognito-confirm__field">
                <label class="cognito-confirm__label" part="label" for=code_id2>{t(Key::CodeLabel)}</label>
                <input
                    class="cognito-confirm__input cognito-confirm__code"
                    part="input code"
                    id=code_id
                    name="code"
                    type="text"
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    autocapitalize="none"
                    spellcheck="false"
                    required
                    maxlength="2048"
                    aria-describedby=error_id2
                    aria-invalid=attr(Attr::Invalid)
                    value=initial_code
                    node_ref=ui.code_input
                    on:input=move |ev| actions::code_typed(&ui, &event_target_value(&ev))
                    prop:disabled=disabled(Disabled::WhenConfirmed)
                />
            </div>
        }
    });
    let resend_button = (mode == Mode::User).then(|| {
        view! {
            <button
                type="button"
                class="cognito-confirm__button cognito-confirm__resend"
                part="button resend"
                on:click=move |_| actions::resend(&ui)
                prop:disabled=disabled(Disabled::Resend)
                aria-busy=attr(Attr::ResendBusy)
            >
                {text(Text::ResendLabel)}
                <span class="cognito-confirm__countdown" part="countdown" aria-hidden="true">
                    {text(Text::Countdown)}
                </span>
            </button>
        }
    });

    view! {
        <div class="cognito-confirm" part="root" data-state=attr(Attr::State) dir=dir lang=locale.clone() node_ref=root>
            <form class="cognito-confirm__form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                actions::confirm(&ui);
            }>
                <h2 class="cognito-confirm__heading" part="heading">{heading}</h2>
                <p class="cognito-confirm__intro" part="intro">{intro}</p>
                {username_field}
                {code_field}
                <div
                    class="cognito-confirm__error"
                    part="error"
                    id=error_id
                    role="alert"
                    tabindex="-1"
                    node_ref=ui.alert
                >
                    {region(Text::Error)}
                </div>
                <div class="cognito-confirm__status" part="status" role="status" tabindex="-1" node_ref=ui.status>
                    {region(Text::Notice)}
                </div>
                <div class="cognito-confirm__actions" part="actions">
                    <button
                        type="submit"
                        class="cognito-confirm__button cognito-confirm__submit"
                        part="button submit"
                        prop:disabled=disabled(Disabled::WhenConfirmed)
                        aria-busy=attr(Attr::ConfirmBusy)
                    >
                        {text(Text::ConfirmLabel)}
                    </button>
                    {resend_button}
                </div>
            </form>
        </div>
    }
}

/// What the texts of the form depend on besides its state: the same on a server and in the
/// browser.
struct Shown {
    messages: Messages,
    mode: Mode,
}

/// The form's signals, stored values and configuration, as its actions (`web/actions.rs`) see
/// them. All are arena handles, so this is `Copy`: each event handler and view closure captures
/// this one value. Its methods answer `None` once the form is gone (unmounted while a request
/// ran); the actions then stop.
#[derive(Clone, Copy)]
pub(crate) struct Ui {
    shown: StoredValue<Shown>,
    /// The whole configuration, callbacks and client included: only the browser acts on it.
    #[cfg(target_arch = "wasm32")]
    config: StoredValue<Rc<Config>, LocalStorage>,
    form: RwSignal<Form>,
    /// Notified four times a second while the resend button rests, to redraw the countdown.
    clock: Trigger,
    ticker: StoredValue<Option<IntervalHandle>>,
    code_input: NodeRef<html::Input>,
    username_input: NodeRef<html::Input>,
    alert: NodeRef<html::Div>,
    status: NodeRef<html::Div>,
}

impl Ui {
    fn t(self, key: Key) -> String {
        self.shown.with_value(|shown| shown.messages.get(key).to_owned())
    }

    /// A text of the view, as it is now (the countdown also redraws with the clock).
    fn text(self, which: Text) -> String {
        if matches!(which, Text::Countdown) {
            self.clock.track();
        }
        let form = self.form.read();
        self.shown
            .with_value(|shown| flow::text(&shown.messages, shown.mode, &form, which, now_ms()))
    }

    /// An attribute of the view, as it is now.
    fn attr(self, which: Attr) -> &'static str {
        flow::attr(&self.form.read(), which)
    }

    /// Whether a control is disabled now.
    fn disabled(self, which: Disabled) -> bool {
        if matches!(which, Disabled::Resend) {
            self.clock.track();
        }
        flow::disabled(&self.form.read(), which, now_ms())
    }
}

/// What the browser's actions read and change.
#[cfg(target_arch = "wasm32")]
impl Ui {
    /// The form's configuration.
    pub(crate) fn config(&self) -> Option<Rc<Config>> {
        self.config.try_get_value()
    }

    /// Runs `f` on the form's state, without drawing; [`Ui::draw`] draws.
    pub(crate) fn with_form<R>(&self, f: impl FnOnce(&mut Form) -> R) -> Option<R> {
        self.form.try_write_untracked().map(|mut form| f(&mut form))
    }

    /// Draws the state as it is now.
    pub(crate) fn draw(&self) {
        self.form.notify();
    }

    /// The code in the code input, normalised.
    pub(crate) fn code(&self) -> String {
        self.code_input
            .try_get_untracked()
            .flatten()
            .map(|input| normalize_code(&input.value()))
            .unwrap_or_default()
    }

    /// Puts `code` in the code input (unless it is there already, which would move the caret);
    /// `false` once the form is gone.
    pub(crate) fn set_code(&self, code: &str) -> bool {
        let Some(Some(input)) = self.code_input.try_get_untracked() else {
            return false;
        };
        if input.value() != code {
            input.set_value(code);
        }
        true
    }

    /// What is typed in the username input, when the form has one.
    pub(crate) fn typed_username(&self) -> String {
        self.username_input
            .try_get_untracked()
            .flatten()
            .map(|input| input.value())
            .unwrap_or_default()
    }

    /// Moves focus to `region`, once it is drawn.
    pub(crate) fn focus(&self, region: Region) {
        let target = match region {
            Region::Alert => self.alert,
            Region::Status => self.status,
        };
        request_animation_frame(move || {
            // The form may have been unmounted before the frame (an app that replaces it in
            // onConfirmed): then there is nothing to focus.
            if let Some(Some(el)) = target.try_get_untracked() {
                let _ = el.focus();
            }
        });
    }

    /// Redraws the countdown four times a second until the resend button may be used again. Its
    /// first second is drawn already: the caller draws the state that started the cooldown.
    pub(crate) fn start_ticker(&self) {
        let ui = *self;
        let tick = move || {
            if ui.clock.is_disposed() {
                return;
            }
            ui.clock.notify();
            let done = ui
                .form
                .try_read_untracked()
                .map(|f| f.cooldown_remaining(now_ms()) == 0)
                .unwrap_or(true);
            if done {
                if let Some(Some(handle)) = ui.ticker.try_update_value(Option::take) {
                    handle.clear();
                }
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(250)) {
            if let Some(Some(old)) = ui.ticker.try_update_value(|slot| slot.replace(handle)) {
                old.clear();
            }
        }
    }
}
