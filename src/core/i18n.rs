//! The message catalogue: every text the form shows, per locale, with per-key overrides.

use super::error::{CognitoError, ErrorKind};

macro_rules! keys {
    ($($variant:ident => $name:literal,)*) => {
        /// A message of the form. Its name (`Key::name`) is the key of the `messages` option.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Key { $(#[doc = concat!("`", $name, "`")] $variant,)* }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            /// The key's name in the `messages` option.
            pub fn name(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// The key called `name`. (A search of [`Key::ALL`] rather than a `match` on the
            /// strings, which compiles to much more code in the wasm.)
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|key| key.name() == name)
            }
        }
    };
}

keys! {
    Heading => "heading",
    Intro => "intro",
    AdminIntro => "adminIntro",
    UsernameLabel => "usernameLabel",
    CodeLabel => "codeLabel",
    Confirm => "confirm",
    Confirming => "confirming",
    AdminConfirm => "adminConfirm",
    Resend => "resend",
    Resending => "resending",
    Countdown => "countdown",
    Confirmed => "confirmed",
    CodeSent => "codeSent",
    CodeSentNoDestination => "codeSentNoDestination",
    EarlierCodesInvalid => "earlierCodesInvalid",
    MediumEmail => "mediumEmail",
    MediumSms => "mediumSms",
    ErrorCodeMismatch => "errorCodeMismatch",
    ErrorExpiredCode => "errorExpiredCode",
    ErrorAttemptLimit => "errorAttemptLimit",
    ErrorEmailQuota => "errorEmailQuota",
    ErrorLimitExceeded => "errorLimitExceeded",
    ErrorTooManyFailedAttempts => "errorTooManyFailedAttempts",
    ErrorThrottled => "errorThrottled",
    ErrorUserNotFound => "errorUserNotFound",
    ErrorNotAuthorized => "errorNotAuthorized",
    ErrorSecretHash => "errorSecretHash",
    ErrorAliasExists => "errorAliasExists",
    ErrorCodeDelivery => "errorCodeDelivery",
    ErrorConfiguration => "errorConfiguration",
    ErrorService => "errorService",
    ErrorNetwork => "errorNetwork",
    ErrorTimeout => "errorTimeout",
    ErrorInvalidResponse => "errorInvalidResponse",
    ErrorCodeRequired => "errorCodeRequired",
    ErrorUsernameRequired => "errorUsernameRequired",
    ErrorInvalidInput => "errorInvalidInput",
    ErrorOther => "errorOther",
    NextRequestCode => "nextRequestCode",
    SigningIn => "signingIn",
    SignedIn => "signedIn",
    ConfirmedSignIn => "confirmedSignIn",
}

/// English, the fallback of every locale.
fn en(key: Key) -> &'static str {
    match key {
        Key::Heading => "Confirm your account",
        Key::Intro => "Enter the confirmation code we sent you. It may take a minute to arrive.",
        Key::AdminIntro => "Confirm this user's account without a code.",
        Key::UsernameLabel => "Username",
        Key::CodeLabel => "Confirmation code",
        Key::Confirm => "Confirm",
        Key::Confirming => "Confirming…",
        Key::AdminConfirm => "Confirm user",
        Key::Resend => "Resend code",
        Key::Resending => "Sending…",
        Key::Countdown => "({seconds} s)",
        Key::Confirmed => "Your account is confirmed.",
        Key::CodeSent => "A new code was sent to {destination} ({medium}).",
        Key::CodeSentNoDestination => "A new code was sent.",
        Key::EarlierCodesInvalid => "Earlier codes no longer work.",
        Key::MediumEmail => "email",
        Key::MediumSms => "SMS",
        Key::ErrorCodeMismatch => "That code is not right. Check it and try again.",
        Key::ErrorExpiredCode => "That code has expired.",
        Key::ErrorAttemptLimit => "Too many attempts. Wait a few minutes before trying again.",
        Key::ErrorEmailQuota => "We cannot send more email today. Try again tomorrow.",
        Key::ErrorLimitExceeded => "A limit was reached. Try again later.",
        Key::ErrorTooManyFailedAttempts => "Too many failed attempts.",
        Key::ErrorThrottled => "Too many requests right now. Try again in a moment.",
        Key::ErrorUserNotFound => "We could not find that user.",
        Key::ErrorNotAuthorized => "This account cannot be confirmed.",
        Key::ErrorSecretHash => "This app is misconfigured (secret hash). Contact its administrator.",
        Key::ErrorAliasExists => "This email or phone number is already used by another account.",
        Key::ErrorCodeDelivery => "We could not deliver the code.",
        Key::ErrorConfiguration => "This app is misconfigured. Contact its administrator.",
        Key::ErrorService => "The service had a problem. Try again in a moment.",
        Key::ErrorNetwork => "No connection. Check your network and try again.",
        Key::ErrorTimeout => "The service took too long to answer. Try again.",
        Key::ErrorInvalidResponse => "The service sent an unexpected answer. Try again later.",
        Key::ErrorCodeRequired => "Enter the confirmation code.",
        Key::ErrorUsernameRequired => "Enter your username.",
        Key::ErrorInvalidInput => "Check what you entered and try again.",
        Key::ErrorOther => "Something went wrong. Try again.",
        Key::NextRequestCode => "Request a new code below.",
        Key::SigningIn => "Signing you in…",
        Key::SignedIn => "You are signed in.",
        Key::ConfirmedSignIn => "Your account is confirmed. Sign in to continue.",
    }
}

#[cfg(feature = "locales")]
mod locales;
/// Without the `locales` feature only English is built in; other catalogues are registered at
/// run time (`registerLocale` in JavaScript, [`Messages::with_catalogue`] in Rust).
#[cfg(not(feature = "locales"))]
mod locales {
    pub(super) const LOCALES: &[(&str, &[&str])] = &[];
}

/// Every translation this crate has, English aside, whether built in (feature `locales`) or
/// shipped as a module beside the npm package (`locales/<language>.js`).
pub const TRANSLATIONS: &[&str] = &[
    "ar", "de", "es", "fr", "he", "hi", "hu", "id", "it", "ja", "ko", "nb", "nl", "pl", "pt", "ru", "sv",
    "th", "tr", "uk", "zh",
];

/// Locales with a built-in catalogue: English, plus the [`TRANSLATIONS`] with the `locales`
/// feature.
pub fn locales() -> impl Iterator<Item = &'static str> {
    std::iter::once("en").chain(locales::LOCALES.iter().map(|(name, _)| *name))
}

/// The language a locale asks for: its primary subtag, lower-cased, after common aliases
/// (Amplify's `kr` and `ua`, Norwegian `no`/`nn`, the old `iw` and `in`). `de-AT` → `de`.
pub fn language(locale: &str) -> String {
    let primary = primary(locale).to_ascii_lowercase();
    let alias = match primary.as_str() {
        "kr" => "ko",
        "ua" => "uk",
        "no" | "nn" => "nb",
        "iw" => "he",
        "in" => "id",
        other => other,
    };
    alias.to_owned()
}

/// The built-in catalogue of a language (as returned by [`language`]).
fn table(language: &str) -> Option<(&'static str, &'static [&'static str])> {
    locales::LOCALES
        .iter()
        .find(|(name, _)| *name == language)
        .copied()
}

/// A built-in catalogue as `(key name, text)` pairs: the shape the `messages` option and
/// `registerLocale` take. English for `en`; `None` for a language not built in.
pub fn catalogue(language: &str) -> Option<Vec<(&'static str, &'static str)>> {
    let texts: Vec<&'static str> = if language == "en" {
        Key::ALL.iter().map(|k| en(*k)).collect()
    } else {
        table(language)?.1.to_vec()
    };
    Some(Key::ALL.iter().map(|k| k.name()).zip(texts).collect())
}

/// The text of `key` in the built-in catalogue of `locale`, falling back to English.
pub fn builtin(locale: &str, key: Key) -> &'static str {
    let index = Key::ALL.iter().position(|k| *k == key);
    table(&language(locale))
        .and_then(|(_, texts)| texts.get(index?))
        .copied()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| en(key))
}

/// Whether a locale is written right to left.
pub fn is_rtl(locale: &str) -> bool {
    matches!(
        primary(locale).to_ascii_lowercase().as_str(),
        "ar" | "he" | "iw" | "fa" | "ur"
    )
}

fn primary(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// `template` with each `{name}` of `args` replaced by its value; other braces stay as they are.
/// (One pass over the text, without the standard library's substring search.)
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after
            .split_once('}')
            .and_then(|(name, tail)| args.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, tail)));
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The texts of one locale plus the app's overrides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Messages {
    locale: String,
    /// Later entries win.
    overrides: Vec<(Key, String)>,
}

impl Messages {
    /// The catalogue for `locale` (BCP 47; a language not built in falls back to English),
    /// with `overrides` keyed by [`Key::name`]. Unknown override keys are returned so the
    /// caller can warn about them.
    pub fn new(locale: &str, overrides: impl IntoIterator<Item = (String, String)>) -> (Self, Vec<String>) {
        let locale = table(&language(locale)).map_or("en", |(name, _)| name);
        Self::build(locale, overrides)
    }

    /// A catalogue loaded at run time for `language` (texts keyed by [`Key::name`]; a missing
    /// key falls back to English), then `overrides`. Unknown keys of either are returned.
    pub fn with_catalogue(
        language: &str,
        catalogue: impl IntoIterator<Item = (String, String)>,
        overrides: impl IntoIterator<Item = (String, String)>,
    ) -> (Self, Vec<String>) {
        // Two calls rather than a chain of the lists: the wasm then holds one instance of `add`.
        let (mut messages, mut unknown) = Self::build(language, catalogue);
        messages.add(overrides, &mut unknown);
        (messages, unknown)
    }

    fn build(locale: &str, texts: impl IntoIterator<Item = (String, String)>) -> (Self, Vec<String>) {
        let mut messages = Self {
            locale: locale.to_owned(),
            overrides: Vec::new(),
        };
        let mut unknown = Vec::new();
        messages.add(texts, &mut unknown);
        (messages, unknown)
    }

    /// Adds `texts` after those already there; names that are not keys go to `unknown`.
    fn add(&mut self, texts: impl IntoIterator<Item = (String, String)>, unknown: &mut Vec<String>) {
        for (name, text) in texts {
            match Key::from_name(&name) {
                Some(key) => self.overrides.push((key, text)),
                None => unknown.push(name),
            }
        }
    }

    /// The language of the texts (`en`, `de`, …), for the form's `lang` and `dir`.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// The text for `key`.
    pub fn get(&self, key: Key) -> &str {
        self.overrides
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map_or_else(|| builtin(&self.locale, key), |(_, text)| text.as_str())
    }

    /// The text for `key` with `{name}` placeholders filled.
    pub fn format(&self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The message for an error and the next step, if any.
    pub fn error(&self, error: &CognitoError) -> (String, Option<String>) {
        let (key, next) = match error.kind {
            ErrorKind::CodeMismatch => (Key::ErrorCodeMismatch, None),
            ErrorKind::ExpiredCode => (Key::ErrorExpiredCode, Some(Key::NextRequestCode)),
            ErrorKind::AttemptLimit => (Key::ErrorAttemptLimit, None),
            ErrorKind::EmailQuota => (Key::ErrorEmailQuota, None),
            ErrorKind::LimitExceeded => (Key::ErrorLimitExceeded, None),
            ErrorKind::TooManyFailedAttempts => (Key::ErrorTooManyFailedAttempts, Some(Key::NextRequestCode)),
            ErrorKind::Throttled => (Key::ErrorThrottled, None),
            ErrorKind::UserNotFound => (Key::ErrorUserNotFound, None),
            ErrorKind::NotAuthorized | ErrorKind::AlreadyConfirmed => (Key::ErrorNotAuthorized, None),
            // Sign-in failures after a confirmation: the account is confirmed; signing in is next.
            ErrorKind::SessionExpired | ErrorKind::UserNotConfirmed | ErrorKind::PasswordResetRequired => {
                (Key::ConfirmedSignIn, None)
            }
            ErrorKind::SecretHash => (Key::ErrorSecretHash, None),
            ErrorKind::AliasExists => (Key::ErrorAliasExists, None),
            ErrorKind::CodeDelivery => (Key::ErrorCodeDelivery, None),
            ErrorKind::Configuration | ErrorKind::Signature | ErrorKind::Forbidden | ErrorKind::Lambda => {
                (Key::ErrorConfiguration, None)
            }
            ErrorKind::Service => (Key::ErrorService, None),
            ErrorKind::Network => (Key::ErrorNetwork, None),
            ErrorKind::Timeout => (Key::ErrorTimeout, None),
            ErrorKind::InvalidResponse => (Key::ErrorInvalidResponse, None),
            ErrorKind::Validation => match error.field {
                Some("ConfirmationCode") if error.message.ends_with("is required") => {
                    (Key::ErrorCodeRequired, None)
                }
                Some("Username") if error.message.ends_with("is required") => {
                    (Key::ErrorUsernameRequired, None)
                }
                _ => (Key::ErrorInvalidInput, None),
            },
            ErrorKind::InvalidParameter | ErrorKind::Other => (Key::ErrorOther, None),
        };
        let next = next.map(|k| self.get(k).to_owned()).filter(|t| !t.is_empty());
        (self.get(key).to_owned(), next)
    }
}

#[cfg(all(test, feature = "locales"))]
mod tests {
    use super::*;

    #[test]
    fn every_locale_translates_every_key_with_the_same_placeholders() {
        let placeholders = |t: &str| {
            let mut names: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_owned()))
                .collect();
            names.sort();
            names
        };
        for (name, texts) in locales::LOCALES {
            assert_eq!(texts.len(), Key::ALL.len(), "{name} has one text per key");
            for (key, text) in Key::ALL.iter().zip(texts.iter()) {
                assert!(!text.trim().is_empty(), "{name}: {key:?} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(en(*key)),
                    "{name}: {key:?} placeholders"
                );
            }
        }
        assert_eq!(locales().count(), 22, "English, Amplify UI's twenty and Arabic");
        assert_eq!(
            locales().skip(1).collect::<Vec<_>>(),
            TRANSLATIONS,
            "the list the npm build warns with"
        );
    }

    #[test]
    fn catalogues_round_trip_through_with_catalogue() {
        let de = catalogue("de").unwrap();
        assert_eq!(de.len(), Key::ALL.len());
        let owned = de.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned()));
        let (m, unknown) = Messages::with_catalogue("de", owned, [("confirm".to_owned(), "OK".to_owned())]);
        assert!(unknown.is_empty());
        assert_eq!(m.locale(), "de");
        assert_eq!(m.get(Key::Resend), Messages::new("de", []).0.get(Key::Resend));
        assert_eq!(m.get(Key::Confirm), "OK", "overrides come after the catalogue");
        let (partial, _) = Messages::with_catalogue("xx", [("heading".to_owned(), "H".to_owned())], []);
        assert_eq!(
            (partial.get(Key::Heading), partial.get(Key::Confirm)),
            ("H", "Confirm")
        );
        assert_eq!(
            catalogue("en").unwrap().first(),
            Some(&("heading", "Confirm your account"))
        );
        assert!(catalogue("xx").is_none());
        assert_eq!(language("pt_BR"), "pt");
        assert_eq!(language("IW"), "he");
    }

    #[test]
    fn locales_resolve_with_regions_aliases_and_fallback() {
        assert_eq!(Messages::new("de-AT", []).0.get(Key::Confirm), "Bestätigen");
        assert_eq!(Messages::new("pt_BR", []).0.locale(), "pt");
        assert_eq!(Messages::new("kr", []).0.locale(), "ko");
        assert_eq!(Messages::new("ua", []).0.locale(), "uk");
        assert_eq!(Messages::new("ZH-hans", []).0.locale(), "zh");
        assert_eq!(Messages::new("xx", []).0.get(Key::Confirm), "Confirm");
        assert_eq!(Messages::new("", []).0.locale(), "en");
        assert!(is_rtl("ar-EG") && is_rtl("he") && !is_rtl("en"));
    }

    #[test]
    fn overrides_win_and_unknown_keys_are_reported() {
        let (m, unknown) = Messages::new(
            "fr",
            [
                ("confirm".to_owned(), "Valider".to_owned()),
                ("nope".to_owned(), "x".to_owned()),
            ],
        );
        assert_eq!(m.get(Key::Confirm), "Valider");
        assert_eq!(m.get(Key::Resend), "Renvoyer le code");
        assert_eq!(unknown, vec!["nope".to_owned()]);
        assert_eq!(
            m.format(
                Key::CodeSent,
                &[("destination", "a***@e***.com"), ("medium", "e-mail")]
            ),
            "Un nouveau code a été envoyé à a***@e***.com (e-mail)."
        );
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let args = [("a", "1"), ("bb", "{a}")];
        assert_eq!(
            fill("x{a}y{bb}z", &args),
            "x1y{a}z",
            "values are not filled again"
        );
        assert_eq!(fill("{a}{a}", &args), "11");
        assert_eq!(fill("{c} {a", &args), "{c} {a");
        assert_eq!(fill("{}{", &args), "{}{");
        assert_eq!(fill("é{a}ü", &args), "é1ü");
        assert_eq!(fill("", &args), "");
    }

    #[test]
    fn every_error_kind_has_a_message() {
        use crate::core::error::ErrorName;
        let m = Messages::new("en", []).0;
        for name in [
            "CodeMismatchException",
            "ExpiredCodeException",
            "LimitExceededException",
            "Whatever",
        ] {
            let (text, _) = m.error(&CognitoError::service(ErrorName::from_wire(name), "x", 400));
            assert!(!text.is_empty());
        }
        let (text, next) = m.error(&CognitoError::service(ErrorName::ExpiredCode, "x", 400));
        assert_eq!(text, "That code has expired.");
        assert_eq!(next.as_deref(), Some("Request a new code below."));
    }
}
