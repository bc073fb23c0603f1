//! `CognitoError`: a wire error (`__type`, `message`) or a local failure, named and classified.

use std::fmt;
use std::sync::Arc;

use serde::de::{Deserializer, IgnoredAny, Visitor};
use serde::Deserialize;

macro_rules! exceptions {
    ($($variant:ident => $wire:literal,)*) => {
        /// The name of a failure: every exception the Cognito API model lists for the four
        /// operations, the local failures, and any other name the server sends.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorName {
            $(#[doc = concat!("`", $wire, "`")] $variant,)*
            /// Bad input, caught before anything is sent.
            Validation,
            /// The request did not reach Cognito or its answer did not arrive (offline, DNS,
            /// connection refused, CORS).
            Network,
            /// No answer within `timeoutMs`.
            Timeout,
            /// An answer that is not a Cognito JSON answer (an HTML error page, invalid JSON,
            /// an unexpected shape).
            InvalidResponse,
            /// Any other exception name, kept as the server spelled it (after sanitising).
            Other(String),
        }

        impl ErrorName {
            /// The name JavaScript sees as `error.name`.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::Validation => "ValidationError",
                    Self::Network => "NetworkError",
                    Self::Timeout => "TimeoutError",
                    Self::InvalidResponse => "InvalidResponseError",
                    Self::Other(name) => name,
                }
            }

            /// Maps a sanitised wire code to its name.
            pub fn from_wire(code: &str) -> Self {
                match code {
                    $($wire => Self::$variant,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }
    };
}

exceptions! {
    AliasExists => "AliasExistsException",
    CodeDeliveryFailure => "CodeDeliveryFailureException",
    CodeMismatch => "CodeMismatchException",
    ExpiredCode => "ExpiredCodeException",
    FeatureUnavailableInTier => "FeatureUnavailableInTierException",
    Forbidden => "ForbiddenException",
    InternalError => "InternalErrorException",
    InvalidEmailRoleAccessPolicy => "InvalidEmailRoleAccessPolicyException",
    InvalidLambdaResponse => "InvalidLambdaResponseException",
    InvalidParameter => "InvalidParameterException",
    InvalidSmsRoleAccessPolicy => "InvalidSmsRoleAccessPolicyException",
    InvalidSmsRoleTrustRelationship => "InvalidSmsRoleTrustRelationshipException",
    InvalidUserPoolConfiguration => "InvalidUserPoolConfigurationException",
    LimitExceeded => "LimitExceededException",
    NotAuthorized => "NotAuthorizedException",
    OperationNotEnabled => "OperationNotEnabledException",
    PasswordResetRequired => "PasswordResetRequiredException",
    ResourceNotFound => "ResourceNotFoundException",
    TooManyFailedAttempts => "TooManyFailedAttemptsException",
    TooManyRequests => "TooManyRequestsException",
    UnexpectedLambda => "UnexpectedLambdaException",
    UnsupportedOperation => "UnsupportedOperationException",
    UserLambdaValidation => "UserLambdaValidationException",
    UserNotConfirmed => "UserNotConfirmedException",
    UserNotFound => "UserNotFoundException",
}

/// A finer category than the name, for the UI and for apps (`error.kind` in JavaScript).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The code is wrong (`CodeMismatchException`).
    CodeMismatch,
    /// The code has expired (`ExpiredCodeException`).
    ExpiredCode,
    /// Too many wrong codes: wait before trying again (`LimitExceededException`, "Attempt limit
    /// exceeded, please try after some time.").
    AttemptLimit,
    /// The pool's daily email quota is spent (`LimitExceededException`, "Exceeded daily email
    /// limit …").
    EmailQuota,
    /// Another limit (`LimitExceededException` with another message).
    LimitExceeded,
    /// The user is already confirmed (`NotAuthorizedException` "… Current status is CONFIRMED",
    /// `InvalidParameterException` "User is already confirmed.").
    AlreadyConfirmed,
    /// The app client has a secret and the SecretHash is missing or wrong.
    SecretHash,
    /// Another `NotAuthorizedException` (disabled user, unknown user with user existence errors
    /// hidden, …).
    NotAuthorized,
    /// The sign-in's `Session` is expired or was used already (`NotAuthorizedException`
    /// "Invalid session for the user.").
    SessionExpired,
    /// The user is not confirmed yet (`UserNotConfirmedException`, on sign-in).
    UserNotConfirmed,
    /// The user must reset the password before signing in (`PasswordResetRequiredException`).
    PasswordResetRequired,
    /// Too many failed attempts (`TooManyFailedAttemptsException`).
    TooManyFailedAttempts,
    /// Throttled (`TooManyRequestsException`, HTTP 429).
    Throttled,
    /// No such user (`UserNotFoundException`).
    UserNotFound,
    /// The email or phone number is taken by another user (`AliasExistsException`).
    AliasExists,
    /// Cognito could not deliver the code (`CodeDeliveryFailureException`).
    CodeDelivery,
    /// A Lambda trigger failed or refused (`UserLambdaValidationException`, …).
    Lambda,
    /// The pool or app client is misconfigured, missing or refuses this call.
    Configuration,
    /// Blocked by AWS WAF (`ForbiddenException`).
    Forbidden,
    /// A request parameter was refused (`InvalidParameterException`).
    InvalidParameter,
    /// Cognito failed internally (`InternalErrorException`, HTTP 5xx).
    Service,
    /// The request was not signed acceptably (bad keys, expired token, clock skew).
    Signature,
    /// Bad input caught before sending.
    Validation,
    /// Network failure.
    Network,
    /// Timeout.
    Timeout,
    /// Not a Cognito answer.
    InvalidResponse,
    /// Anything else.
    Other,
}

impl ErrorKind {
    /// The kebab-case string JavaScript sees as `error.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CodeMismatch => "code-mismatch",
            Self::ExpiredCode => "expired-code",
            Self::AttemptLimit => "attempt-limit",
            Self::EmailQuota => "email-quota",
            Self::LimitExceeded => "limit-exceeded",
            Self::AlreadyConfirmed => "already-confirmed",
            Self::SecretHash => "secret-hash",
            Self::NotAuthorized => "not-authorized",
            Self::SessionExpired => "session-expired",
            Self::UserNotConfirmed => "user-not-confirmed",
            Self::PasswordResetRequired => "password-reset-required",
            Self::TooManyFailedAttempts => "too-many-failed-attempts",
            Self::Throttled => "throttled",
            Self::UserNotFound => "user-not-found",
            Self::AliasExists => "alias-exists",
            Self::CodeDelivery => "code-delivery",
            Self::Lambda => "lambda",
            Self::Configuration => "configuration",
            Self::Forbidden => "forbidden",
            Self::InvalidParameter => "invalid-parameter",
            Self::Service => "service",
            Self::Signature => "signature",
            Self::Validation => "validation",
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::InvalidResponse => "invalid-response",
            Self::Other => "other",
        }
    }
}

/// A failed call: what JavaScript receives as an `Error` with `name`, `message`, `status`,
/// `retryable` and `kind`. Holds no secrets and no `JsValue`, so it is `Clone + Send + Sync`.
///
/// The details are behind a pointer, so that a `Result` carrying one stays a pointer wide: every
/// `?` in the crate moves it, and a wide error made each of those moves cost code in the wasm.
/// The pointer is shared (`Arc`), so a clone (the form keeps the last error and also hands it to
/// `onError`) copies no strings. Read the details through `Deref`: `error.name`,
/// `error.message`, ….
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CognitoError(Arc<ErrorDetails>);

/// What a [`CognitoError`] says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetails {
    /// The exception or local failure name.
    pub name: ErrorName,
    /// Human-readable text: the server's message as it is (never HTML-rendered), or ours.
    pub message: String,
    /// HTTP status, or 0 when there was no answer.
    pub status: u16,
    /// The finer category.
    pub kind: ErrorKind,
    /// For `ValidationError`: the request member at fault (`ConfirmationCode`, …).
    pub field: Option<&'static str>,
}

impl std::ops::Deref for CognitoError {
    type Target = ErrorDetails;
    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl From<ErrorDetails> for CognitoError {
    fn from(details: ErrorDetails) -> Self {
        Self(Arc::new(details))
    }
}

impl fmt::Display for CognitoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name.as_str(), self.message)
    }
}

impl std::error::Error for CognitoError {}

impl CognitoError {
    /// A local validation failure on `field`.
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        ErrorDetails {
            name: ErrorName::Validation,
            message: message.into(),
            status: 0,
            kind: ErrorKind::Validation,
            field: Some(field),
        }
        .into()
    }

    /// A network failure (no answer).
    pub fn network(message: impl Into<String>) -> Self {
        Self::local(ErrorName::Network, ErrorKind::Network, message)
    }

    /// A timeout after `ms` milliseconds.
    pub fn timeout(ms: u32) -> Self {
        Self::local(
            ErrorName::Timeout,
            ErrorKind::Timeout,
            ["No answer from Cognito within ", &ms.to_string(), " ms"].concat(),
        )
    }

    /// An answer that is not a Cognito JSON answer.
    pub fn invalid_response(status: u16, message: impl Into<String>) -> Self {
        ErrorDetails {
            name: ErrorName::InvalidResponse,
            message: message.into(),
            status,
            kind: ErrorKind::InvalidResponse,
            field: None,
        }
        .into()
    }

    fn local(name: ErrorName, kind: ErrorKind, message: impl Into<String>) -> Self {
        ErrorDetails {
            name,
            message: message.into(),
            status: 0,
            kind,
            field: None,
        }
        .into()
    }

    /// A Cognito exception from its (already sanitised) name, message and HTTP status.
    pub fn service(name: ErrorName, message: impl Into<String>, status: u16) -> Self {
        let message = message.into();
        let kind = classify(&name, &message, status);
        ErrorDetails {
            name,
            message,
            status,
            kind,
            field: None,
        }
        .into()
    }

    /// True exactly when repeating the same request later may succeed: network failures,
    /// timeouts, 5xx and throttling. Never for wrong codes or limits caused by the input.
    pub fn retryable(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Throttled
        ) || self.status >= 500
    }

    /// Whether the client repeats the request by itself: network failures, 5xx and throttling
    /// (`TooManyRequestsException` or HTTP 429).
    /// Never timeouts (the request may have been applied), wrong codes or limits.
    pub fn auto_retry(&self) -> bool {
        matches!(self.kind, ErrorKind::Network | ErrorKind::Throttled)
            || self.status == 429
            || self.status >= 500
    }

    /// Whether this is a clock-skew signature error, and if so the server's time taken from
    /// its message (`Signature expired: A is now earlier than B (NOW - 5 min.)`).
    pub fn skew_server_time(&self) -> Option<super::sigv4::SigningTime> {
        let skew_names = [
            "InvalidSignatureException",
            "SignatureDoesNotMatch",
            "RequestExpired",
            "RequestTimeTooSkewed",
            "RequestInTheFuture",
            "AuthFailure",
        ];
        if !skew_names.contains(&self.name.as_str()) {
            return None;
        }
        let open = self.message.bytes().rposition(|b| b == b'(')?;
        let rest = self.message.get(open + 1..)?;
        super::sigv4::SigningTime::parse_amz_date(rest.get(..16)?)
    }
}

fn classify(name: &ErrorName, message: &str, status: u16) -> ErrorKind {
    let lower = message.to_ascii_lowercase();
    match name {
        ErrorName::CodeMismatch => ErrorKind::CodeMismatch,
        ErrorName::ExpiredCode => ErrorKind::ExpiredCode,
        ErrorName::LimitExceeded if lower.contains("attempt limit") => ErrorKind::AttemptLimit,
        ErrorName::LimitExceeded if lower.contains("email limit") || lower.contains("email quota") => {
            ErrorKind::EmailQuota
        }
        ErrorName::LimitExceeded => ErrorKind::LimitExceeded,
        ErrorName::NotAuthorized | ErrorName::InvalidParameter if is_already_confirmed(&lower) => {
            ErrorKind::AlreadyConfirmed
        }
        ErrorName::NotAuthorized if lower.contains("secret hash") || lower.contains("secret_hash") => {
            ErrorKind::SecretHash
        }
        ErrorName::NotAuthorized if lower.contains("session") => ErrorKind::SessionExpired,
        ErrorName::NotAuthorized => ErrorKind::NotAuthorized,
        ErrorName::UserNotConfirmed => ErrorKind::UserNotConfirmed,
        ErrorName::PasswordResetRequired => ErrorKind::PasswordResetRequired,
        ErrorName::InvalidParameter => ErrorKind::InvalidParameter,
        ErrorName::TooManyFailedAttempts => ErrorKind::TooManyFailedAttempts,
        ErrorName::TooManyRequests => ErrorKind::Throttled,
        ErrorName::UserNotFound => ErrorKind::UserNotFound,
        ErrorName::AliasExists => ErrorKind::AliasExists,
        ErrorName::CodeDeliveryFailure => ErrorKind::CodeDelivery,
        ErrorName::UnexpectedLambda | ErrorName::UserLambdaValidation | ErrorName::InvalidLambdaResponse => {
            ErrorKind::Lambda
        }
        ErrorName::ResourceNotFound
        | ErrorName::OperationNotEnabled
        | ErrorName::InvalidSmsRoleAccessPolicy
        | ErrorName::InvalidSmsRoleTrustRelationship
        | ErrorName::InvalidEmailRoleAccessPolicy
        | ErrorName::UnsupportedOperation
        | ErrorName::InvalidUserPoolConfiguration
        | ErrorName::FeatureUnavailableInTier => ErrorKind::Configuration,
        ErrorName::Forbidden => ErrorKind::Forbidden,
        ErrorName::InternalError => ErrorKind::Service,
        ErrorName::Other(other) if is_signature_error(other) => ErrorKind::Signature,
        ErrorName::Other(other) if other.contains("Throttl") => ErrorKind::Throttled,
        _ if status == 429 => ErrorKind::Throttled,
        _ if status >= 500 => ErrorKind::Service,
        _ => ErrorKind::Other,
    }
}

fn is_already_confirmed(lower: &str) -> bool {
    lower.contains("current status is confirmed") || lower.contains("already confirmed")
}

fn is_signature_error(name: &str) -> bool {
    matches!(
        name,
        "InvalidSignatureException"
            | "SignatureDoesNotMatch"
            | "IncompleteSignatureException"
            | "MissingAuthenticationTokenException"
            | "UnrecognizedClientException"
            | "ExpiredTokenException"
            | "InvalidClientTokenId"
            | "AccessDeniedException"
            | "RequestExpired"
    )
}

/// Sanitises a wire error code as the AWS SDKs do: drop everything up to the last `#`
/// (`namespace#`) and from the first `:` on (`:http://internal.amazon.com/…`).
pub fn sanitize_error_code(raw: &str) -> &str {
    let code = raw
        .get(..raw.bytes().position(|b| b == b':').unwrap_or(raw.len()))
        .unwrap_or(raw);
    let code = code
        .get(code.bytes().rposition(|b| b == b'#').map_or(0, |i| i + 1)..)
        .unwrap_or(code);
    code.trim_ascii()
}

/// The members of an error answer that name the error and say what happened. Each is read when
/// it is a string and ignored otherwise; other members are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    /// `__type`, the exception name (maybe with a `namespace#` prefix or a `:suffix`).
    #[serde(rename = "__type")]
    pub error_type: Text,
    /// `code`, which some gateways send instead.
    pub code: Text,
    /// `message`.
    pub message: Text,
    /// `Message`, which some exceptions use instead.
    #[serde(rename = "Message")]
    pub message_upper: Text,
    /// `errorMessage`, from Lambda triggers.
    #[serde(rename = "errorMessage")]
    pub error_message: Text,
}

/// A member read as a string when it is one; any other value (or none) reads as `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnyValue;
        impl<'de> Visitor<'de> for AnyValue {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text, E> {
                Ok(Text(Some(v)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_none<E>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
                d.deserialize_any(AnyValue)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        d.deserialize_any(AnyValue)
    }
}

/// The Cognito exception an error answer names, from the `x-amzn-ErrorType` header when the
/// browser lets us read it, else the body's `__type` or `code`; `None` when neither names one.
pub fn parse_error(status: u16, error_type_header: Option<&str>, body: &ErrorBody) -> Option<CognitoError> {
    let raw_code = error_type_header
        .filter(|h| !h.trim_ascii().is_empty())
        .map(str::to_owned)
        .or_else(|| body.error_type.0.clone())
        .or_else(|| body.code.0.clone())?;
    let code = sanitize_error_code(&raw_code);
    if code.is_empty() {
        return None;
    }
    let message = body
        .message
        .0
        .clone()
        .or_else(|| body.message_upper.0.clone())
        .or_else(|| body.error_message.0.clone())
        .unwrap_or_default();
    Some(CognitoError::service(ErrorName::from_wire(code), message, status))
}
