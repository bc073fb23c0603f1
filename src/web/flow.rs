//! What the form does: its configuration, the texts and attributes it shows for each state of
//! [`Form`], and its actions (confirm, resend code). The Leptos component (`component.rs`) draws
//! it; these functions read and change its state through [`Ui`].

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::component::Ui;
use super::page;
use super::transport::{Answer, Client};
use crate::core::form::{normalize_code, Action, Form, Notice, Phase};
use crate::core::i18n::{Key, Messages};
use crate::core::protocol::UserContextData;

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

/// The ids of one form's elements: its code input, username input and error region.
pub(crate) struct Ids {
    pub code: String,
    pub username: String,
    pub error: String,
}

impl Ids {
    /// Ids no other form on the page has.
    pub fn next() -> Self {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed).to_string();
        let id = |part: &str| ["cognito-confirm-", &id, "-", part].concat();
        Self {
            code: id("code"),
            username: id("username"),
            error: id("error"),
        }
    }
}

pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The texts of the form that change with its state.
#[derive(Clone, Copy)]
pub(crate) enum Text {
    /// The `role="alert"` region.
    Error,
    /// The `role="status"` region.
    Notice,
    ConfirmLabel,
    ResendLabel,
    /// " (29 s)" after the resend label while the button rests.
    Countdown,
}

/// The attributes of the form that change with its state.
#[derive(Clone, Copy)]
pub(crate) enum Attr {
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
pub(crate) enum Disabled {
    /// The inputs and Confirm, once the account is confirmed.
    WhenConfirmed,
    /// Resend: also while it runs and during its cooldown.
    Resend,
}

/// `which` text for `form` at `now` (ms).
pub(crate) fn text(config: &Config, form: &Form, which: Text, now: f64) -> String {
    let messages = &config.messages;
    let t = |key: Key| messages.get(key).to_owned();
    let busy = |action: Action| form.busy() == Some(action);
    match which {
        Text::Error => match form.error().map(|error| messages.error(error)) {
            Some((message, Some(next))) => [&message, " ", &next].concat(),
            Some((message, None)) => message,
            None => String::new(),
        },
        Text::Notice => match form.notice() {
            Some(Notice::Confirmed) => t(Key::Confirmed),
            Some(Notice::CodeResent(details)) => resent_text(messages, details),
            None => String::new(),
        },
        Text::ConfirmLabel => t(match (busy(Action::Confirm), config.mode) {
            (true, _) => Key::Confirming,
            (false, Mode::User) => Key::Confirm,
            (false, Mode::Admin) => Key::AdminConfirm,
        }),
        Text::ResendLabel => t(if busy(Action::Resend) {
            Key::Resending
        } else {
            Key::Resend
        }),
        Text::Countdown => match form.cooldown_remaining(now) {
            0 => String::new(),
            s => {
                let seconds = s.to_string();
                [" ", &messages.format(Key::Countdown, &[("seconds", &seconds)])].concat()
            }
        },
    }
}

/// `which` attribute of `form`.
pub(crate) fn attr(form: &Form, which: Attr) -> &'static str {
    let yes = match which {
        Attr::State => return form.phase().as_str(),
        Attr::Invalid => form.error().is_some(),
        Attr::ConfirmBusy => form.busy() == Some(Action::Confirm),
        Attr::ResendBusy => form.busy() == Some(Action::Resend),
    };
    if yes {
        "true"
    } else {
        "false"
    }
}

/// Whether `which` controls are disabled in `form` at `now` (ms).
pub(crate) fn disabled(form: &Form, which: Disabled, now: f64) -> bool {
    form.phase() == Phase::Confirmed
        || match which {
            Disabled::WhenConfirmed => false,
            Disabled::Resend => form.busy() == Some(Action::Resend) || form.cooldown_remaining(now) != 0,
        }
}

/// Where the form moves focus after an answer.
#[derive(Clone, Copy)]
pub(crate) enum Region {
    /// The `role="alert"` region, after an error.
    Alert,
    /// The `role="status"` region, after a notice.
    Status,
}

/// What runs with the answer to a request.
type Then = Box<dyn FnOnce(Result<Answer, CognitoError>)>;

/// Sends `request` in the background and hands the answer to `then`: one future type for every
/// action, where a future per action would each compile its own state machine.
fn send(client: Rc<Client>, request: Request, then: Then) {
    wasm_bindgen_futures::spawn_local(async move { then(client.call(request).await) });
}

fn username(view: &Ui, config: &Config) -> String {
    config
        .username
        .clone()
        .unwrap_or_else(|| view.typed_username().trim().to_owned())
}

fn report_error(view: &Ui, config: &Config, error: CognitoError) {
    if let Some(cb) = &config.on_error {
        cb(&error);
    }
    view.focus(Region::Alert);
}

/// The code as typed: normalised, kept, and submitted when it reaches `autoSubmitLength`.
pub(crate) fn code_typed(view: &Ui, typed: &str) {
    let value = normalize_code(typed);
    let submit = view.config().is_some_and(|c| {
        c.auto_submit_length
            .is_some_and(|n| n > 0 && value.chars().count() == n)
    });
    if view.set_code(value) && submit {
        confirm(view);
    }
}

/// Validates `request`, marks `action` as running and sends it, handing the answer to `then`.
/// The request is sent before the busy state is drawn, so the fetch does not wait for the
/// drawing.
fn launch(
    view: &Ui,
    config: &Config,
    action: Action,
    request: Request,
    then: impl FnOnce(&Ui, Result<Answer, CognitoError>) + 'static,
) {
    if let Err(e) = request.validate() {
        if view.with_form(|f| f.reject(e.clone())).is_some() {
            view.draw();
            report_error(view, config, e);
        }
        return;
    }
    if view.with_form(|f| f.begin(action, now_ms())) != Some(true) {
        return;
    }
    let answer_to = *view;
    send(
        config.client.clone(),
        request,
        Box::new(move |result| then(&answer_to, result)),
    );
    view.draw();
}

/// Confirm: `ConfirmSignUp` with the typed code, or `AdminConfirmSignUp` in admin mode.
pub(crate) fn confirm(view: &Ui) {
    let Some(c) = view.config() else { return };
    let mode = c.mode;
    let username = username(view, &c);
    let request: Request = match mode {
        Mode::User => ConfirmSignUpRequest {
            client_id: c.client_id.clone(),
            user_context_data: c.user_context(&username),
            username,
            confirmation_code: view.code(),
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
    launch(view, &c, Action::Confirm, request, move |view, result| {
        finish_confirm(
            view,
            result.and_then(|answer| {
                let session = match mode {
                    Mode::User => answer.decode::<ConfirmSignUpRequest>()?.session,
                    Mode::Admin => None,
                };
                Ok(Confirmed {
                    session,
                    raw: answer.text,
                })
            }),
        );
    });
}

fn finish_confirm(view: &Ui, result: Result<Confirmed, CognitoError>) {
    let Some(c) = view.config() else { return };
    let outcome = result.as_ref().map(|_| ()).map_err(Clone::clone);
    let Some(phase) = view.with_form(|f| {
        f.finish_confirm(outcome);
        f.phase()
    }) else {
        return; // unmounted meanwhile
    };
    view.draw();
    let confirmed = match (result, phase) {
        (Ok(confirmed), _) => confirmed,
        // "Already confirmed": the form is confirmed, not in error.
        (Err(_), Phase::Confirmed) => Confirmed {
            session: None,
            raw: "{}".to_owned(),
        },
        (Err(e), _) => return report_error(view, &c, e),
    };
    if let Some(cb) = &c.on_confirmed {
        cb(&confirmed);
    }
    view.focus(Region::Status);
}

/// Resend code: `ResendConfirmationCode`.
pub(crate) fn resend(view: &Ui) {
    let Some(c) = view.config() else { return };
    let username = username(view, &c);
    let request = ResendConfirmationCodeRequest {
        client_id: c.client_id.clone(),
        user_context_data: c.user_context(&username),
        username,
        client_metadata: c.client_metadata.clone(),
        ..Default::default()
    };
    launch(view, &c, Action::Resend, request.into(), finish_resend);
}

fn finish_resend(view: &Ui, result: Result<Answer, CognitoError>) {
    let Some(c) = view.config() else { return };
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
    let Some(phase) = view.with_form(|f| {
        f.finish_resend(outcome, now_ms());
        f.phase()
    }) else {
        return;
    };
    view.draw();
    match result {
        Ok(resent) => {
            view.start_ticker();
            if let Some(cb) = &c.on_resent {
                cb(&resent);
            }
        }
        // "Already confirmed": the form is confirmed, not in error.
        Err(_) if phase == Phase::Confirmed => view.focus(Region::Status),
        Err(e) => report_error(view, &c, e),
    }
}

/// Fills the code from an incoming SMS through the WebOTP API and submits it, unless `signal`
/// aborts first (the form is gone).
pub(crate) fn web_otp(view: &Ui, signal: web_sys::AbortSignal) {
    let view = *view;
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(otp) = page::web_otp(&signal).await {
            if view.set_code(normalize_code(&otp)) {
                confirm(&view);
            }
        }
    });
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
    [&sent, " ", messages.get(Key::EarlierCodesInvalid)].concat()
}
