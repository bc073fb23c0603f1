//! What the form shows: its configuration, and the texts and attributes it shows for each state
//! of [`Form`]. The same on a server and in the browser, so that a server render and the
//! hydration that follows agree. The Leptos component (`component.rs`) draws it; its actions
//! (confirm, resend code), which only run in the browser, are in `web/actions.rs`.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::core::form::{Action, Form, Notice, Phase};
use crate::core::i18n::{Key, Messages};
#[cfg(target_arch = "wasm32")]
use crate::core::protocol::UserContextData;
use crate::core::{CodeDeliveryDetails, CognitoError};
#[cfg(target_arch = "wasm32")]
use crate::web::transport::Client;

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

impl Mode {
    /// What this mode needs before the form can send: a valid client id (user mode), or a pool
    /// id and credentials (admin mode).
    pub(crate) fn check(
        self,
        client_id: &str,
        user_pool_id: Option<&str>,
        has_credentials: bool,
    ) -> Result<(), CognitoError> {
        match self {
            Self::User => crate::core::validate::client_id(client_id),
            Self::Admin => {
                crate::core::validate::user_pool_id(user_pool_id.unwrap_or_default())?;
                if has_credentials {
                    Ok(())
                } else {
                    Err(CognitoError::validation(
                        "credentials",
                        "admin mode needs credentials",
                    ))
                }
            }
        }
    }
}

/// A successful confirmation, as handed to `on_confirmed`. `Debug` prints no `Session`.
#[derive(Clone)]
pub struct Confirmed {
    /// `Session` for auto sign-in, when Cognito returned one.
    pub session: Option<String>,
    /// The response JSON as Cognito sent it (`{}` when the user was already confirmed).
    pub raw: String,
}

impl std::fmt::Debug for Confirmed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Confirmed")
            .field("session", &self.session.as_ref().map(|_| "[redacted]"))
            .finish_non_exhaustive()
    }
}

/// The answer to the sign-in after a confirmation, as handed to `on_signed_in` (the tokens) or
/// `on_challenge` (the next step). `Debug` prints no token and no `Session`.
#[derive(Clone)]
pub struct SignIn {
    /// The response, typed.
    pub response: crate::core::InitiateAuthResponse,
    /// The response JSON as Cognito sent it.
    pub raw: String,
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignIn")
            .field("response", &self.response)
            .finish_non_exhaustive()
    }
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

/// Everything the form needs: what [`ConfirmSignUp`](super::ConfirmSignUp)'s props say, or what
/// `mount()` reads from JavaScript.
#[derive(Clone)]
pub struct Config {
    /// Endpoint, secret hash, credentials and timeout: how the browser reaches Cognito. `None` on
    /// a server, which never sends, and where the options could not make one (see `problem`).
    #[cfg(target_arch = "wasm32")]
    pub client: Option<Rc<Client>>,
    /// Options that cannot work (a region that resolves to no endpoint, say): the form shows this
    /// error from the start and sends nothing.
    pub problem: Option<CognitoError>,
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
    /// The `Session` of the app's `SignUp` response, sent with `ConfirmSignUp`.
    pub session: Option<String>,
    /// After confirming, sign in with the `Session` `ConfirmSignUp` returns (`InitiateAuth`
    /// `USER_AUTH`). Defaults to false.
    pub auto_sign_in: bool,
    /// Called after confirmation.
    pub on_confirmed: Option<Callback<Confirmed>>,
    /// Called with the tokens of the automatic sign-in.
    pub on_signed_in: Option<Callback<SignIn>>,
    /// Called when the automatic sign-in needs another step (a challenge).
    pub on_challenge: Option<Callback<SignIn>>,
    /// Called after a code was sent again.
    pub on_resent: Option<Callback<Resent>>,
    /// Called with every error shown.
    pub on_error: Option<Callback<CognitoError>>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("client_id", &self.client_id)
            .field("mode", &self.mode)
            .field("locale", &self.messages.locale())
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Threat protection data for confirm and resend, when there is any.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn user_context(&self, username: &str) -> Option<UserContextData> {
        let pool = self.user_pool_id.as_deref().unwrap_or_default();
        let data = self.encoded_data.clone().or_else(|| {
            (!pool.is_empty())
                .then(|| crate::web::page::advanced_security_data(username, pool, &self.client_id))
                .flatten()
        });
        data.map(|d| UserContextData {
            ip_address: None,
            encoded_data: Some(d),
        })
    }

    /// A user-mode form for `client_id` that sends through `client`, with the defaults for
    /// everything else.
    #[cfg(target_arch = "wasm32")]
    pub fn new(client: Client, client_id: impl Into<String>) -> Self {
        Self {
            client: Some(Rc::new(client)),
            ..Self::unsent(client_id)
        }
    }

    /// A user-mode form for `client_id` with no way to send (yet): what a server renders.
    pub(crate) fn unsent(client_id: impl Into<String>) -> Self {
        Self {
            #[cfg(target_arch = "wasm32")]
            client: None,
            problem: None,
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
            session: None,
            auto_sign_in: false,
            on_confirmed: None,
            on_signed_in: None,
            on_challenge: None,
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
    /// Ids no other form on the page has, and the same on the server and in the browser that
    /// hydrates its HTML: there they are numbered by Leptos's shared context, which counts in
    /// the same order on both sides; a form mounted in the browser alone counts on its own.
    pub fn next() -> Self {
        use leptos::prelude::Owner;
        let shared = Owner::current_shared_context().filter(|context| context.get_is_hydrating());
        let id = match shared {
            Some(context) => ["h", &context.next_id().into_inner().to_string()].concat(),
            None => NEXT_ID.fetch_add(1, Ordering::Relaxed).to_string(),
        };
        let id = |part: &str| ["cognito-confirm-", &id, "-", part].concat();
        Self {
            code: id("code"),
            username: id("username"),
            error: id("error"),
        }
    }
}

/// The time in milliseconds since the epoch. On a server, which renders the form as it is
/// before any countdown, 0.
pub(crate) fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now();
    #[cfg(not(target_arch = "wasm32"))]
    0.0
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

/// `which` text for `form` at `now` (ms), in a form of `mode` showing `messages`.
pub(crate) fn text(messages: &Messages, mode: Mode, form: &Form, which: Text, now: f64) -> String {
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
            Some(Notice::SigningIn) => t(Key::SigningIn),
            Some(Notice::SignedIn) => t(Key::SignedIn),
            Some(Notice::SignInNeeded) => t(Key::ConfirmedSignIn),
            None => String::new(),
        },
        Text::ConfirmLabel => t(match (busy(Action::Confirm), mode) {
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
        Attr::ConfirmBusy => matches!(form.busy(), Some(Action::Confirm | Action::SignIn)),
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
        || form.busy() == Some(Action::SignIn)
        || match which {
            Disabled::WhenConfirmed => false,
            Disabled::Resend => form.busy() == Some(Action::Resend) || form.cooldown_remaining(now) != 0,
        }
}

/// Where the form moves focus after an answer.
#[cfg(target_arch = "wasm32")]
#[derive(Clone, Copy)]
pub(crate) enum Region {
    /// The `role="alert"` region, after an error.
    Alert,
    /// The `role="status"` region, after a notice.
    Status,
}

/// "A new code was sent to a***@e***.com (email). Earlier codes no longer work."
pub(crate) fn resent_text(messages: &Messages, details: &CodeDeliveryDetails) -> String {
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
