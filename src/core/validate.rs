//! Cognito's member constraints (from the API model), checked before anything is sent.

use super::error::CognitoError;
use super::protocol::{AnalyticsMetadata, AuthParameters, ClientMetadata, UserContextData};
use super::sigv4::Credentials;

/// `StringType`: at most 131 072 characters.
const STRING_MAX: usize = 131_072;

fn length(field: &'static str, value: &str, min: usize, max: usize) -> Result<(), CognitoError> {
    let n = value.chars().count();
    if n == 0 && min > 0 {
        return Err(CognitoError::validation(field, [field, " is required"].concat()));
    }
    if n < min || n > max {
        return Err(CognitoError::validation(
            field,
            [
                field,
                " must be ",
                &min.to_string(),
                " to ",
                &max.to_string(),
                " characters long (got ",
                &n.to_string(),
                ")",
            ]
            .concat(),
        ));
    }
    Ok(())
}

/// `ClientIdType`: 1–128 characters of `[\w+]`.
pub fn client_id(value: &str) -> Result<(), CognitoError> {
    length("ClientId", value, 1, 128)?;
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'+')
    {
        return Err(CognitoError::validation(
            "ClientId",
            "ClientId may only contain letters, digits, _ and +",
        ));
    }
    Ok(())
}

/// `UsernameType`: 1–128 characters from the Unicode letter, mark, symbol, number and
/// punctuation classes, so no spaces, control or invisible format characters.
pub fn username(value: &str) -> Result<(), CognitoError> {
    username_as("Username", value)
}

/// [`username`] of the member `field`.
fn username_as(field: &'static str, value: &str) -> Result<(), CognitoError> {
    length(field, value, 1, 128)?;
    if value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_format_char(c))
    {
        return Err(CognitoError::validation(
            field,
            [field, " must not contain spaces, control or invisible characters"].concat(),
        ));
    }
    Ok(())
}

/// `AuthFlow`: only `USER_AUTH`, the sign-in that finishes a sign-up.
pub fn auth_flow(value: &str) -> Result<(), CognitoError> {
    if value != "USER_AUTH" {
        return Err(CognitoError::validation(
            "AuthFlow",
            "AuthFlow must be USER_AUTH: this component signs in only to finish a sign-up",
        ));
    }
    Ok(())
}

/// `AuthParameters` of `USER_AUTH`: `USERNAME` as a username, `SECRET_HASH` as a SecretHash,
/// `PREFERRED_CHALLENGE` one of Cognito's choice-based challenges.
pub fn auth_parameters(value: &AuthParameters) -> Result<(), CognitoError> {
    username_as("USERNAME", &value.username)?;
    secret_hash_as("SECRET_HASH", value.secret_hash.as_deref())?;
    if let Some(challenge) = value.preferred_challenge.as_deref() {
        const CHALLENGES: [&str; 5] = ["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", "PASSWORD", "PASSWORD_SRP"];
        if !CHALLENGES.contains(&challenge) {
            return Err(CognitoError::validation(
                "PREFERRED_CHALLENGE",
                ["PREFERRED_CHALLENGE must be one of ", &CHALLENGES.join(", ")].concat(),
            ));
        }
    }
    Ok(())
}

/// `ConfirmationCodeType`: 1–2048 characters with no whitespace (`[\S]+`); control characters
/// are refused too, as no code Cognito sends contains them.
pub fn confirmation_code(value: &str) -> Result<(), CognitoError> {
    length("ConfirmationCode", value, 1, 2048)?;
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CognitoError::validation(
            "ConfirmationCode",
            "ConfirmationCode must not contain spaces or control characters",
        ));
    }
    Ok(())
}

/// `SecretHashType`: 1–128 characters of `[\w+=/]`.
pub fn secret_hash(value: Option<&str>) -> Result<(), CognitoError> {
    secret_hash_as("SecretHash", value)
}

/// [`secret_hash`] of the member `field`.
fn secret_hash_as(field: &'static str, value: Option<&str>) -> Result<(), CognitoError> {
    let Some(value) = value else { return Ok(()) };
    length(field, value, 1, 128)?;
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'=' | b'/'))
    {
        return Err(CognitoError::validation(
            field,
            [field, " must be Base64 text"].concat(),
        ));
    }
    Ok(())
}

/// `SessionType`: 20–4096 characters.
pub fn session(value: Option<&str>) -> Result<(), CognitoError> {
    value.map_or(Ok(()), |v| length("Session", v, 20, 4096))
}

/// `UserPoolIdType`: 1–55 characters matching `[\w-]+_[0-9a-zA-Z]+`.
pub fn user_pool_id(value: &str) -> Result<(), CognitoError> {
    length("UserPoolId", value, 1, 55)?;
    let ok = value.rsplit_once('_').is_some_and(|(region, id)| {
        !region.is_empty()
            && !id.is_empty()
            && region
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && id.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if !ok {
        return Err(CognitoError::validation(
            "UserPoolId",
            "UserPoolId must look like eu-west-1_AbCdEf123",
        ));
    }
    Ok(())
}

/// An AWS region name: lower-case letters, digits and inner hyphens (`eu-west-1`).
pub fn region(value: &str) -> Result<(), CognitoError> {
    let ok = !value.is_empty()
        && value.len() <= 32
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with("-")
        && !value.ends_with("-");
    if !ok {
        return Err(CognitoError::validation(
            "region",
            "region must be an AWS region such as eu-west-1",
        ));
    }
    Ok(())
}

/// Signing credentials: both keys present and printable.
pub fn credentials(value: &Credentials) -> Result<(), CognitoError> {
    let printable = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    if !printable(&value.access_key_id) || !printable(value.secret_access_key.expose()) {
        return Err(CognitoError::validation(
            "credentials",
            "credentials need accessKeyId and secretAccessKey (non-empty, no spaces)",
        ));
    }
    if value
        .session_token
        .as_ref()
        .is_some_and(|t| !t.is_empty() && !printable(t.expose()))
    {
        return Err(CognitoError::validation(
            "credentials",
            "credentials.sessionToken is malformed",
        ));
    }
    Ok(())
}

/// The members every operation may carry: string lengths of `StringType`.
pub fn common(
    analytics: Option<&AnalyticsMetadata>,
    context: Option<&UserContextData>,
    metadata: Option<&ClientMetadata>,
) -> Result<(), CognitoError> {
    let max = |field: &'static str, v: &Option<String>| {
        v.as_deref().map_or(Ok(()), |v| length(field, v, 0, STRING_MAX))
    };
    if let Some(a) = analytics {
        max("AnalyticsMetadata", &a.analytics_endpoint_id)?;
    }
    if let Some(c) = context {
        max("UserContextData", &c.ip_address)?;
        max("UserContextData", &c.encoded_data)?;
    }
    for (key, value) in metadata.into_iter().flatten() {
        if key == "__proto__" {
            // A JavaScript object cannot carry it as data: an assignment (the AWS SDKs' and the
            // browser shell's serializers alike) changes the object's prototype instead.
            return Err(CognitoError::validation(
                "ClientMetadata",
                "ClientMetadata cannot have a key named __proto__",
            ));
        }
        length("ClientMetadata", key, 0, STRING_MAX)?;
        length("ClientMetadata", value, 0, STRING_MAX)?;
    }
    Ok(())
}

/// Unicode format characters (class Cf) that render invisibly: zero-width spaces and joiners,
/// direction marks and overrides, the BOM and the soft hyphen. They are outside `UsernameType`.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}
