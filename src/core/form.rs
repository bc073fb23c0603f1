//! The form's state machine: idle → submitting → confirmed | error, the sign-in that may follow a
//! confirmation (submitting again, then confirmed), and the resend cooldown.
//! Plain Rust with the time passed in, so it is tested on the host.

use super::error::{CognitoError, ErrorKind};
use super::protocol::CodeDeliveryDetails;

/// What `data-state` on the root element shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for the user.
    Idle,
    /// A request is in flight.
    Submitting,
    /// The user is confirmed (terminal).
    Confirmed,
    /// The last request failed; the user can try again.
    Error,
}

impl Phase {
    /// The `data-state` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Submitting => "submitting",
            Self::Confirmed => "confirmed",
            Self::Error => "error",
        }
    }
}

/// The two things a user can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Confirm (with the code, or as administrator).
    Confirm,
    /// Send a new code.
    Resend,
    /// Sign in right after the confirmation (`InitiateAuth` with its `Session`).
    SignIn,
}

/// The latest notice for the `role="status"` region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Confirmed.
    Confirmed,
    /// A new code was sent.
    CodeResent(CodeDeliveryDetails),
    /// Confirmed; signing in.
    SigningIn,
    /// Confirmed and signed in.
    SignedIn,
    /// Confirmed, but the sign-in failed: the user signs in elsewhere.
    SignInNeeded,
}

/// How the sign-in after a confirmation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInOutcome {
    /// Tokens arrived.
    SignedIn,
    /// Cognito asks for another step (a challenge), which the app takes on.
    Challenge,
    /// It failed (an expired Session, USER_AUTH not allowed, …).
    Failed,
}

/// The form, without any rendering.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    phase: Phase,
    busy: Option<Action>,
    error: Option<CognitoError>,
    notice: Option<Notice>,
    /// When the resend cooldown ends, in the caller's milliseconds clock.
    cooldown_until_ms: f64,
    cooldown_ms: f64,
}

impl Form {
    /// A fresh form whose resend button, once used, rests for `cooldown_seconds`.
    pub fn new(cooldown_seconds: u32) -> Self {
        Self {
            phase: Phase::Idle,
            busy: None,
            error: None,
            notice: None,
            cooldown_until_ms: 0.0,
            cooldown_ms: f64::from(cooldown_seconds) * 1000.0,
        }
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The action in flight, if any.
    pub fn busy(&self) -> Option<Action> {
        self.busy
    }

    /// The last error, until the next request starts.
    pub fn error(&self) -> Option<&CognitoError> {
        self.error.as_ref()
    }

    /// The last notice.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Starts `action` at `now_ms` if allowed: one request at a time, nothing after confirmation,
    /// no resend during the cooldown. Returns whether the caller should send the request.
    pub fn begin(&mut self, action: Action, now_ms: f64) -> bool {
        if self.busy.is_some() || self.phase == Phase::Confirmed {
            return false;
        }
        if action == Action::Resend && self.cooldown_remaining(now_ms) > 0 {
            return false;
        }
        self.busy = Some(action);
        self.phase = Phase::Submitting;
        self.error = None;
        true
    }

    /// Records the outcome of a confirm. "Already confirmed" counts as success.
    pub fn finish_confirm(&mut self, result: Result<(), CognitoError>) {
        self.busy = None;
        match result {
            Ok(()) => self.confirmed(),
            Err(e) if e.kind == ErrorKind::AlreadyConfirmed => self.confirmed(),
            Err(e) => self.failed(e),
        }
    }

    /// Starts the sign-in that follows a confirmation: busy again, the account confirmed already.
    pub fn begin_sign_in(&mut self) {
        if self.phase != Phase::Confirmed || self.busy.is_some() {
            return;
        }
        self.phase = Phase::Submitting;
        self.busy = Some(Action::SignIn);
        self.notice = Some(Notice::SigningIn);
    }

    /// Records how the sign-in ended. The account stays confirmed whatever happened: the form
    /// never goes back to asking for a code.
    pub fn finish_sign_in(&mut self, outcome: SignInOutcome) {
        if self.busy != Some(Action::SignIn) {
            return;
        }
        self.busy = None;
        self.phase = Phase::Confirmed;
        self.notice = Some(match outcome {
            SignInOutcome::SignedIn => Notice::SignedIn,
            SignInOutcome::Challenge => Notice::Confirmed,
            SignInOutcome::Failed => Notice::SignInNeeded,
        });
    }

    /// Records the outcome of a resend at `now_ms`; success starts the cooldown.
    pub fn finish_resend(&mut self, result: Result<CodeDeliveryDetails, CognitoError>, now_ms: f64) {
        self.busy = None;
        match result {
            Ok(details) => {
                self.phase = Phase::Idle;
                self.notice = Some(Notice::CodeResent(details));
                self.cooldown_until_ms = now_ms + self.cooldown_ms;
            }
            Err(e) if e.kind == ErrorKind::AlreadyConfirmed => self.confirmed(),
            Err(e) => self.failed(e),
        }
    }

    /// Records an error found before sending (validation): no request was made.
    pub fn reject(&mut self, error: CognitoError) {
        if self.busy.is_none() && self.phase != Phase::Confirmed {
            self.failed(error);
        }
    }

    /// Whole seconds left in the resend cooldown at `now_ms` (rounded up).
    pub fn cooldown_remaining(&self, now_ms: f64) -> u32 {
        let left = (self.cooldown_until_ms - now_ms).max(0.0) / 1000.0;
        // The cast saturates; a cooldown longer than u32 seconds is not a real case.
        left.ceil() as u32
    }

    fn confirmed(&mut self) {
        self.phase = Phase::Confirmed;
        self.error = None;
        self.notice = Some(Notice::Confirmed);
    }

    fn failed(&mut self, error: CognitoError) {
        self.phase = Phase::Error;
        self.error = Some(error);
    }
}

/// Normalises a typed or pasted code: drops spaces, dashes and invisible characters and turns
/// full-width and other Unicode decimal digits into ASCII digits. Letters are kept as they are
/// (custom challenge codes may contain them).
pub fn normalize_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '_' | '.' | '·')
                && !c.is_control()
                && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
        })
        .map(ascii_digit)
        .collect()
}

/// Maps decimal digits of common scripts (full-width, Arabic-Indic, Eastern Arabic-Indic,
/// Devanagari, Bengali, Thai) to ASCII.
fn ascii_digit(c: char) -> char {
    const ZEROS: [u32; 6] = [0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50];
    let cp = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|&zero| char::from_digit(cp - zero, 10))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorName;

    fn err(name: &str, message: &str) -> CognitoError {
        CognitoError::service(ErrorName::from_wire(name), message, 400)
    }

    #[test]
    fn the_sign_in_follows_a_confirmation_and_the_account_stays_confirmed() {
        for (outcome, notice) in [
            (SignInOutcome::SignedIn, Notice::SignedIn),
            (SignInOutcome::Challenge, Notice::Confirmed),
            (SignInOutcome::Failed, Notice::SignInNeeded),
        ] {
            let mut f = Form::new(30);
            f.begin_sign_in();
            assert_eq!(f.busy(), None, "no sign-in before a confirmation");
            assert!(f.begin(Action::Confirm, 0.0));
            f.finish_confirm(Ok(()));
            f.begin_sign_in();
            assert_eq!(f.phase(), Phase::Submitting);
            assert_eq!(f.busy(), Some(Action::SignIn));
            assert_eq!(f.notice(), Some(&Notice::SigningIn));
            assert!(!f.begin(Action::Confirm, 1.0), "one request at a time");
            assert!(!f.begin(Action::Resend, 1.0));
            f.finish_sign_in(outcome);
            assert_eq!(f.phase(), Phase::Confirmed);
            assert_eq!(f.notice(), Some(&notice));
            assert!(f.error().is_none(), "a failed sign-in is not the form's error");
            assert!(
                !f.begin(Action::Resend, 100_000.0),
                "never a new code for a confirmed account"
            );
        }
    }

    #[test]
    fn one_request_at_a_time() {
        let mut f = Form::new(30);
        assert!(f.begin(Action::Confirm, 0.0));
        assert_eq!(f.phase().as_str(), "submitting");
        assert!(!f.begin(Action::Confirm, 1.0));
        assert!(!f.begin(Action::Resend, 1.0));
        f.finish_confirm(Err(err(
            "CodeMismatchException",
            "Invalid verification code provided",
        )));
        assert_eq!(f.phase(), Phase::Error);
        assert_eq!(f.error().map(|e| e.kind), Some(ErrorKind::CodeMismatch));
        assert!(f.begin(Action::Confirm, 2.0));
        assert!(f.error().is_none(), "a new attempt clears the old error");
        f.finish_confirm(Ok(()));
        assert_eq!(f.phase(), Phase::Confirmed);
        assert!(!f.begin(Action::Confirm, 3.0), "nothing after confirmation");
        assert!(!f.begin(Action::Resend, 3.0));
    }

    #[test]
    fn resend_cooldown_counts_down_with_the_injected_clock() {
        let mut f = Form::new(30);
        assert_eq!(f.cooldown_remaining(0.0), 0);
        assert!(f.begin(Action::Resend, 1_000.0));
        f.finish_resend(Ok(CodeDeliveryDetails::default()), 1_000.0);
        assert_eq!(f.phase(), Phase::Idle);
        assert!(matches!(f.notice(), Some(Notice::CodeResent(_))));
        assert_eq!(f.cooldown_remaining(1_000.0), 30);
        assert_eq!(f.cooldown_remaining(1_001.0), 30, "rounded up");
        assert_eq!(f.cooldown_remaining(30_000.0), 1);
        assert!(!f.begin(Action::Resend, 30_999.0));
        assert!(
            f.begin(Action::Confirm, 30_999.0),
            "confirm is not blocked by the cooldown"
        );
        f.finish_confirm(Err(err("ExpiredCodeException", "x")));
        assert_eq!(f.cooldown_remaining(31_000.0), 0);
        assert!(f.begin(Action::Resend, 31_000.0));
    }

    #[test]
    fn failed_resend_starts_no_cooldown() {
        let mut f = Form::new(30);
        assert!(f.begin(Action::Resend, 0.0));
        f.finish_resend(Err(CognitoError::network("offline")), 0.0);
        assert_eq!(f.phase(), Phase::Error);
        assert_eq!(f.cooldown_remaining(0.0), 0);
    }

    #[test]
    fn already_confirmed_ends_confirmed() {
        let mut f = Form::new(30);
        assert!(f.begin(Action::Confirm, 0.0));
        f.finish_confirm(Err(err(
            "NotAuthorizedException",
            "User cannot be confirmed. Current status is CONFIRMED",
        )));
        assert_eq!(f.phase(), Phase::Confirmed);
        assert_eq!(f.notice(), Some(&Notice::Confirmed));

        let mut f = Form::new(30);
        assert!(f.begin(Action::Resend, 0.0));
        f.finish_resend(
            Err(err("InvalidParameterException", "User is already confirmed.")),
            0.0,
        );
        assert_eq!(f.phase(), Phase::Confirmed);
    }

    #[test]
    fn validation_rejects_without_a_request() {
        let mut f = Form::new(30);
        f.reject(CognitoError::validation(
            "ConfirmationCode",
            "ConfirmationCode is required",
        ));
        assert_eq!(f.phase(), Phase::Error);
        assert!(f.busy().is_none());
    }

    #[test]
    fn codes_normalise() {
        for (input, want) in [
            ("123456", "123456"),
            (" 123 456 ", "123456"),
            ("123-456", "123456"),
            ("１２３４５６", "123456"),
            ("١٢٣٤٥٦", "123456"),
            ("12\u{200B}34\t56\n", "123456"),
            ("AbC-123", "AbC123"),
            ("", ""),
        ] {
            assert_eq!(normalize_code(input), want, "{input:?}");
        }
    }
}
