//! The Leptos confirmation form: code input, Confirm and Resend code, or the admin confirm.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::page;
use super::transport::{Answer, Client};
use crate::core::form::{normalize_code, Action, Form, Notice, Phase};
use crate::core::i18n::{is_rtl, Key, Messages};
use crate::core::protocol::UserContextData;
use crate::core::text::{concat, decimal};
use crate::core::{
    AdminConfirmSignUpRequest, CodeDeliveryDetails, CognitoError, ConfirmSignUpRequest, Request,
    ResendConfirmationCodeRequest,
};

/// Default `resendCooldownSeconds`.
pub const DEFAULT_RESEND_COOLDOWN_SECONDS: u32 = 30;

/// Which form to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The user types the code they received.
    #[default]
    User,
    /// An administrator confirms the user without a code (`AdminConfirmSignUp`).
    Admin,
}

/// A successful confirmation, as handed to `on_confirmed`.
#[derive(Clone, Debug)]
pub struct Confirmed {
    /// `Session` for auto sign-in, when Cognito returned one.
    pub session: Option<String>,
    /// The response JSON as Cognito sent it (`{}` when the user was already confirmed).
    pub raw: String,
}

/// A code sent again, as handed to `on_resent`.
#[derive(Clone, Debug)]
pub struct Resent {
    /// Where the code went.
    pub details: CodeDeliveryDetails,
    /// The response JSON as Cognito sent it.
    pub raw: String,
}

/// An app callback.
pub type Callback<T> = Rc<dyn Fn(&T)>;

/// Everything the form needs. Build it from Rust, or let `mount()` read it from JavaScript.
#[derive(Clone)]
pub struct Config {
    /// Endpoint, secret hash, credentials and timeout.
    pub client: Rc<Client>,
    /// The app client id (`ClientId`); required in user mode.
    pub client_id: String,
    /// The user; when `None` a username field is shown.
    pub username: Option<String>,
    /// The pool, for admin mode.
    pub user_pool_id: Option<String>,
    /// A code to prefill (e.g. from a link).
    pub code: Option<String>,
    /// User or admin mode. Defaults to user.
    pub mode: Mode,
    /// Texts in the chosen locale, with overrides.
    pub messages: Messages,
    /// Seconds the resend button rests after a code was sent. Defaults to 30.
    pub resend_cooldown_seconds: u32,
    /// Submit by itself once the code has this many characters (`None`: never).
    pub auto_submit_length: Option<usize>,
    /// `ClientMetadata` sent with every call.
    pub client_metadata: Option<crate::core::protocol::ClientMetadata>,
    /// `UserContextData.EncodedData` to send; when `None` it is taken from Cognito's
    /// advanced-security script if the page loaded it (needs `user_pool_id`).
    pub encoded_data: Option<String>,
    /// Fill the code from an incoming SMS through the WebOTP API where the browser has it.
    /// Defaults to true.
    pub web_otp: bool,
    /// Called after confirmation.
    pub on_confirmed: Option<Callback<Confirmed>>,
    /// Called after a code was sent again.
    pub on_resent: Option<Callback<Resent>>,
    /// Called with every error shown.
    pub on_error: Option<Callback<CognitoError>>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("client", &self.client)
            .field("client_id", &self.client_id)
            .field("mode", &self.mode)
            .field("locale", &self.messages.locale())
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Threat protection data for confirm and resend, when there is any.
    fn user_context(&self, username: &str) -> Option<UserContextData> {
        let pool = self.user_pool_id.as_deref().unwrap_or_default();
        let data = self.encoded_data.clone().or_else(|| {
            (!pool.is_empty())
                .then(|| page::advanced_security_data(username, pool, &self.client_id))
                .flatten()
        });
        data.map(|d| UserContextData {
            ip_address: None,
            encoded_data: Some(d),
        })
    }

    /// A user-mode form for `client_id` with the defaults for everything else.
    pub fn new(client: Client, client_id: impl Into<String>) -> Self {
        Self {
            client: Rc::new(client),
            client_id: client_id.into(),
            username: None,
            user_pool_id: None,
            code: None,
            mode: Mode::User,
            messages: Messages::default(),
            resend_cooldown_seconds: DEFAULT_RESEND_COOLDOWN_SECONDS,
            auto_submit_length: None,
            client_metadata: None,
            encoded_data: None,
            web_otp: true,
            on_confirmed: None,
            on_resent: None,
            on_error: None,
        }
    }
}

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The sign-up confirmation form.
///
/// Renders a root `div.cognito-confirm` whose `data-state` is `idle`, `submitting`,
/// `confirmed` or `error`; a "Confirmation code" input; a Confirm submit button; a "Resend
/// code" button with a cooldown; a `role="status"` region for notices and a `role="alert"`
/// region for errors.
#[component]
pub fn ConfirmSignUp(
    /// The form's configuration.
    config: Config,
) -> impl IntoView {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let id = decimal(u64::from(id));
    let code_id = concat(&["cognito-confirm-", &id, "-code"]);
    let user_id = concat(&["cognito-confirm-", &id, "-username"]);
    let error_id = concat(&["cognito-confirm-", &id, "-error"]);

    let mode = config.mode;
    let has_username = config.username.is_some();
    let locale = config.messages.locale().to_owned();
    let dir = if is_rtl(&locale) { "rtl" } else { "ltr" };
    let ui = Ui {
        form: RwSignal::new(Form::new(config.resend_cooldown_seconds)),
        code: RwSignal::new(config.code.as_deref().map(normalize_code).unwrap_or_default()),
        typed_username: RwSignal::new(String::new()),
        clock: Trigger::new(),
        ticker: StoredValue::new_local(None),
        alert: StoredValue::new_local(None),
        status: StoredValue::new_local(None),
        config: StoredValue::new_local(Rc::new(config)),
    };
    on_cleanup(move || {
        if let Some(Some(handle)) = ui.ticker.try_get_value() {
            handle.clear();
        }
    });

    // WebOTP: fill the code from an incoming SMS and submit it; aborted when the form goes.
    if mode == Mode::User && ui.cfg().web_otp {
        if let Ok(controller) = web_sys::AbortController::new() {
            let signal = controller.signal();
            on_cleanup(move || controller.abort());
            spawn_local(async move {
                if let Some(otp) = page::web_otp(&signal).await {
                    if ui.code.try_set(normalize_code(&otp)).is_none() {
                        ui.confirm();
                    }
                }
            });
        }
    }

    let on_submit: Handler = Rc::new(move |ev| {
        ev.prevent_default();
        ui.confirm();
    });
    let on_code_input: Handler = Rc::new(move |ev| ui.code_input(&event_target_value(&ev)));
    let on_username_input: Handler = Rc::new(move |ev| ui.typed_username.set(event_target_value(&ev)));
    let on_resend_click: Handler = Rc::new(move |_| ui.resend());

    // One closure type per kind of reactive value (text, attribute, `disabled`): each closure
    // type the view holds compiles its own copy of Leptos's effect code.
    let text = move |which: Text| move || ui.text(which);
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
                    prop:value=ui.typed_username
                    use:listen=("input", on_username_input)
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
                    prop:value=ui.code
                    use:listen=("input", on_code_input)
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
                use:listen=("click", on_resend_click)
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
        <div class="cognito-confirm" part="root" data-state=attr(Attr::State) dir=dir lang=locale.clone()>
            <form class="cognito-confirm__form" novalidate use:listen=("submit", on_submit)>
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
                    use:keep=ui.alert
                >
                    {text(Text::Error)}
                </div>
                <div class="cognito-confirm__status" part="status" role="status" tabindex="-1" use:keep=ui.status>
                    {text(Text::Notice)}
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

/// The reactive texts of the view.
#[derive(Clone, Copy)]
enum Text {
    /// The `role="alert"` region.
    Error,
    /// The `role="status"` region.
    Notice,
    ConfirmLabel,
    ResendLabel,
    /// " (29 s)" after the resend label while the button rests.
    Countdown,
}

/// The reactive attributes of the view.
#[derive(Clone, Copy)]
enum Attr {
    /// The root's `data-state`.
    State,
    /// The code input's `aria-invalid`.
    Invalid,
    /// The Confirm button's `aria-busy`.
    ConfirmBusy,
    /// The Resend button's `aria-busy`.
    ResendBusy,
}

/// Which controls are disabled when.
#[derive(Clone, Copy)]
enum Disabled {
    /// The inputs and Confirm, once the account is confirmed.
    WhenConfirmed,
    /// Resend: also while it runs and during its cooldown.
    Resend,
}

/// The form's signals, stored values and configuration. All are arena handles, so this is
/// `Copy`: each event handler and view closure captures this one value, rather than a copy of
/// every handle each nested closure needs.
#[derive(Clone, Copy)]
struct Ui {
    config: StoredValue<Rc<Config>, LocalStorage>,
    form: RwSignal<Form>,
    code: RwSignal<String>,
    typed_username: RwSignal<String>,
    /// Notified four times a second while the resend button rests, to redraw the countdown.
    clock: Trigger,
    ticker: StoredValue<Option<IntervalHandle>, LocalStorage>,
    alert: Slot,
    status: Slot,
}

impl Ui {
    fn cfg(self) -> Rc<Config> {
        self.config.get_value()
    }

    fn t(self, key: Key) -> String {
        self.cfg().messages.get(key).to_owned()
    }

    fn username(self) -> String {
        self.cfg()
            .username
            .clone()
            .unwrap_or_else(|| self.typed_username.get_untracked().trim().to_owned())
    }

    fn busy(self, action: Action) -> bool {
        self.form.read().busy() == Some(action)
    }

    fn confirmed(self) -> bool {
        self.form.read().phase() == Phase::Confirmed
    }

    /// Seconds until the resend button may be used again.
    fn cooldown(self) -> u32 {
        self.clock.track();
        self.form.read().cooldown_remaining(now_ms())
    }

    /// A text of the view, as it is now.
    fn text(self, which: Text) -> String {
        match which {
            Text::Error => {
                let form = self.form.read();
                let Some(error) = form.error() else {
                    return String::new();
                };
                match self.cfg().messages.error(error) {
                    (message, Some(next)) => concat(&[&message, " ", &next]),
                    (message, None) => message,
                }
            }
            Text::Notice => match self.form.read().notice() {
                Some(Notice::Confirmed) => self.t(Key::Confirmed),
                Some(Notice::CodeResent(details)) => resent_text(&self.cfg().messages, details),
                None => String::new(),
            },
            Text::ConfirmLabel => self.t(match (self.busy(Action::Confirm), self.cfg().mode) {
                (true, _) => Key::Confirming,
                (false, Mode::User) => Key::Confirm,
                (false, Mode::Admin) => Key::AdminConfirm,
            }),
            Text::ResendLabel => self.t(if self.busy(Action::Resend) {
                Key::Resending
            } else {
                Key::Resend
            }),
            Text::Countdown => match self.cooldown() {
                0 => String::new(),
                s => {
                    let seconds = decimal(u64::from(s));
                    let text = self
                        .cfg()
                        .messages
                        .format(Key::Countdown, &[("seconds", &seconds)]);
                    concat(&[" ", &text])
                }
            },
        }
    }

    /// An attribute of the view, as it is now.
    fn attr(self, which: Attr) -> &'static str {
        let yes = match which {
            Attr::State => return self.form.read().phase().as_str(),
            Attr::Invalid => self.form.read().error().is_some(),
            Attr::ConfirmBusy => self.busy(Action::Confirm),
            Attr::ResendBusy => self.busy(Action::Resend),
        };
        if yes {
            "true"
        } else {
            "false"
        }
    }

    /// Whether a control is disabled now.
    fn disabled(self, which: Disabled) -> bool {
        self.confirmed()
            || match which {
                Disabled::WhenConfirmed => false,
                Disabled::Resend => self.busy(Action::Resend) || self.cooldown() != 0,
            }
    }

    /// Moves focus to the message that just appeared, once it is rendered.
    fn focus(target: Slot) {
        request_animation_frame(move || {
            // The form may have been unmounted before the frame (an app that replaces it in
            // onConfirmed): then there is nothing to focus.
            if let Some(Some(el)) = target.try_get_value() {
                let _ = el.focus();
            }
        });
    }

    fn report_error(self, error: CognitoError) {
        if let Some(cb) = &self.cfg().on_error {
            cb(&error);
        }
        Self::focus(self.alert);
    }

    /// The code as typed, normalised; submitted when it reaches `autoSubmitLength`.
    fn code_input(self, typed: &str) {
        let value = normalize_code(typed);
        let submit = self
            .cfg()
            .auto_submit_length
            .is_some_and(|n| n > 0 && crate::core::text::char_count(&value) == n);
        self.code.set(value);
        if submit {
            self.confirm();
        }
    }

    /// Validates `request`, marks `action` as running and sends it, handing the answer to
    /// `then`. The busy state is set untracked and drawn only once the request's task is
    /// queued, so the fetch goes out first and the re-render follows in the same turn.
    fn launch(self, action: Action, request: Request, then: Then) {
        if let Err(e) = request.validate() {
            if self.form.try_write().map(|mut f| f.reject(e.clone())).is_some() {
                self.report_error(e);
            }
            return;
        }
        if self
            .form
            .try_write_untracked()
            .map(|mut f| f.begin(action, now_ms()))
            != Some(true)
        {
            return;
        }
        send(self.cfg().client.clone(), request, then);
        self.form.notify();
    }

    fn confirm(self) {
        let c = self.cfg();
        let mode = c.mode;
        let username = self.username();
        let request: Request = match mode {
            Mode::User => ConfirmSignUpRequest {
                client_id: c.client_id.clone(),
                user_context_data: c.user_context(&username),
                username,
                confirmation_code: self.code.get_untracked(),
                client_metadata: c.client_metadata.clone(),
                ..Default::default()
            }
            .into(),
            Mode::Admin => AdminConfirmSignUpRequest {
                user_pool_id: c.user_pool_id.clone().unwrap_or_default(),
                username,
                client_metadata: c.client_metadata.clone(),
            }
            .into(),
        };
        self.launch(
            Action::Confirm,
            request,
            Box::new(move |result| {
                self.finish_confirm(result.and_then(|answer| {
                    let session = match mode {
                        Mode::User => answer.decode::<ConfirmSignUpRequest>()?.session,
                        Mode::Admin => None,
                    };
                    Ok(Confirmed {
                        session,
                        raw: answer.text,
                    })
                }))
            }),
        );
    }

    fn finish_confirm(self, result: Result<Confirmed, CognitoError>) {
        let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
        if self
            .form
            .try_write()
            .map(|mut f| f.finish_confirm(outcome))
            .is_none()
        {
            return; // unmounted meanwhile
        }
        let confirmed = match (result, self.form.read_untracked().phase()) {
            (Ok(confirmed), _) => confirmed,
            // "Already confirmed": the form is confirmed, not in error.
            (Err(_), Phase::Confirmed) => Confirmed {
                session: None,
                raw: "{}".to_owned(),
            },
            (Err(e), _) => return self.report_error(e),
        };
        if let Some(cb) = &self.cfg().on_confirmed {
            cb(&confirmed);
        }
        Self::focus(self.status);
    }

    fn resend(self) {
        let c = self.cfg();
        let username = self.username();
        let request = ResendConfirmationCodeRequest {
            client_id: c.client_id.clone(),
            user_context_data: c.user_context(&username),
            username,
            client_metadata: c.client_metadata.clone(),
            ..Default::default()
        };
        self.launch(
            Action::Resend,
            request.into(),
            Box::new(move |result| self.finish_resend(result)),
        );
    }

    fn finish_resend(self, result: Result<Answer, CognitoError>) {
        let result = result.and_then(|answer| {
            Ok(Resent {
                details: answer
                    .decode::<ResendConfirmationCodeRequest>()?
                    .code_delivery_details
                    .unwrap_or_default(),
                raw: answer.text,
            })
        });
        let outcome = result.as_ref().map(|r| r.details.clone()).map_err(Clone::clone);
        if self
            .form
            .try_write()
            .map(|mut f| f.finish_resend(outcome, now_ms()))
            .is_none()
        {
            return;
        }
        match result {
            Ok(resent) => {
                self.start_ticker();
                if let Some(cb) = &self.cfg().on_resent {
                    cb(&resent);
                }
            }
            // "Already confirmed": the form is confirmed, not in error.
            Err(_) if self.form.read_untracked().phase() == Phase::Confirmed => Self::focus(self.status),
            Err(e) => self.report_error(e),
        }
    }

    /// Redraws the countdown four times a second until the resend button may be used again.
    fn start_ticker(self) {
        let tick = move || {
            if self.clock.is_disposed() {
                return;
            }
            self.clock.notify();
            let done = self
                .form
                .try_read_untracked()
                .map(|f| f.cooldown_remaining(now_ms()) == 0)
                .unwrap_or(true);
            if done {
                if let Some(Some(handle)) = self.ticker.try_update_value(Option::take) {
                    handle.clear();
                }
            }
        };
        self.clock.notify();
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(250)) {
            if let Some(Some(old)) = self.ticker.try_update_value(|slot| slot.replace(handle)) {
                old.clear();
            }
        }
    }
}

/// What runs with the answer to a request.
type Then = Box<dyn FnOnce(Result<Answer, CognitoError>)>;

/// Sends `request` in the background and hands the answer to `then`: one future type for every
/// action, where a future per action would each compile its own state machine.
fn send(client: Rc<Client>, request: Request, then: Then) {
    spawn_local(async move { then(client.call(request).await) });
}

/// "A new code was sent to a***@e***.com (email). Earlier codes no longer work."
fn resent_text(messages: &Messages, details: &CodeDeliveryDetails) -> String {
    let medium = match details.delivery_medium.as_deref() {
        Some("EMAIL") => messages.get(Key::MediumEmail).to_owned(),
        Some("SMS") => messages.get(Key::MediumSms).to_owned(),
        Some(other) => other.to_owned(),
        None => String::new(),
    };
    let sent = match details.destination.as_deref() {
        Some(destination) if !destination.is_empty() => messages.format(
            Key::CodeSent,
            &[("destination", destination), ("medium", &medium)],
        ),
        _ => messages.get(Key::CodeSentNoDestination).to_owned(),
    };
    concat(&[&sent, " ", messages.get(Key::EarlierCodesInvalid)])
}

/// Where `use:keep` puts an element, for the form to focus it later.
type Slot = StoredValue<Option<web_sys::HtmlElement>, LocalStorage>;

/// `use:keep=slot`: puts the element in `slot` (what `node_ref` does, for less wasm).
fn keep(el: web_sys::Element, slot: Slot) {
    slot.set_value(Some(el.unchecked_into()));
}

/// An event handler of the form.
type Handler = Rc<dyn Fn(web_sys::Event)>;

/// `use:listen=("input", handler)`: calls `handler` with every such event on the element until
/// the form is unmounted. Leptos' own `on:` would do as well, but links its event delegation,
/// which the form never uses, and with it kilobytes of wasm.
fn listen(el: web_sys::Element, (name, handler): (&'static str, Handler)) {
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |ev| handler(ev));
    if el
        .add_event_listener_with_callback(name, callback.as_ref().unchecked_ref())
        .is_ok()
    {
        // The cleanup must be Send; the form only ever runs on the page's one thread.
        let listener = SendWrapper::new((el, callback));
        on_cleanup(move || {
            let (el, callback) = listener.take();
            let _ = el.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        });
    }
}
