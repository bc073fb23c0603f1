//! The three operations: request and response types with AWS member names, the endpoint, the
//! HTTP request to send and the reading of the answer. Builds and parses; never sends.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::{parse_error, CognitoError};
use super::secret_hash::secret_hash;
use super::sigv4::{sign_at, Credentials, SignableRequest, SigningParams, SigningTime};
use super::validate;
use super::Secret;

/// `Content-Type` of every Cognito call.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of `X-Amz-Target`.
pub const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService";
/// Signature V4 signing name.
pub const SIGNING_NAME: &str = "cognito-idp";

/// A Cognito operation this crate speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Confirms a sign-up with the code sent to the user.
    ConfirmSignUp,
    /// Sends a new confirmation code.
    ResendConfirmationCode,
    /// Confirms a user without a code (administrator; Signature V4).
    AdminConfirmSignUp,
}

impl Operation {
    /// The operation name as AWS spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ConfirmSignUp => "ConfirmSignUp",
            Self::ResendConfirmationCode => "ResendConfirmationCode",
            Self::AdminConfirmSignUp => "AdminConfirmSignUp",
        }
    }

    /// The `X-Amz-Target` header value.
    pub fn target(self) -> String {
        format!("{TARGET_PREFIX}.{}", self.name())
    }

    /// Whether the call must be signed with Signature V4.
    pub fn signed(self) -> bool {
        matches!(self, Self::AdminConfirmSignUp)
    }
}

/// `AnalyticsMetadata`: the Amazon Pinpoint endpoint for Cognito's analytics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AnalyticsMetadata {
    /// `AnalyticsEndpointId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analytics_endpoint_id: Option<String>,
}

/// `UserContextData`: data for Cognito's threat protection (advanced security).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UserContextData {
    /// `IpAddress`: the end user's source IP (set by servers, not browsers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// `EncodedData`: the fingerprint from `AmazonCognitoAdvancedSecurityData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoded_data: Option<String>,
}

impl std::fmt::Debug for UserContextData {
    // The model marks UserContextData sensitive.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UserContextData([redacted])")
    }
}

/// `ClientMetadata`: a string map passed to Lambda triggers.
pub type ClientMetadata = BTreeMap<String, String>;

/// The `ConfirmSignUp` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ConfirmSignUpRequest {
    /// `ClientId`, the app client.
    #[serde(default)]
    pub client_id: String,
    /// `SecretHash`, when the app client has a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_hash: Option<String>,
    /// `Username`.
    #[serde(default)]
    pub username: String,
    /// `ConfirmationCode`.
    #[serde(default)]
    pub confirmation_code: String,
    /// `ForceAliasCreation`: take over the email/phone alias from another user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_alias_creation: Option<bool>,
    /// `AnalyticsMetadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `UserContextData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_context_data: Option<UserContextData>,
    /// `ClientMetadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<ClientMetadata>,
    /// `Session` from `SignUp`, for auto sign-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

/// The `ResendConfirmationCode` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ResendConfirmationCodeRequest {
    /// `ClientId`.
    #[serde(default)]
    pub client_id: String,
    /// `SecretHash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_hash: Option<String>,
    /// `UserContextData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_context_data: Option<UserContextData>,
    /// `Username`.
    #[serde(default)]
    pub username: String,
    /// `AnalyticsMetadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `ClientMetadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<ClientMetadata>,
}

/// The `AdminConfirmSignUp` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AdminConfirmSignUpRequest {
    /// `UserPoolId`, e.g. `eu-west-1_AbCdEf123`.
    #[serde(default)]
    pub user_pool_id: String,
    /// `Username`.
    #[serde(default)]
    pub username: String,
    /// `ClientMetadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_metadata: Option<ClientMetadata>,
}

/// The `ConfirmSignUp` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUpResponse {
    /// `Session`, to sign in without a password right after confirming.
    #[serde(default)]
    pub session: Option<String>,
}

/// `CodeDeliveryDetails`: where the new code went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeDeliveryDetails {
    /// `Destination`, masked: `a***@e***.com`, `+*******1234`.
    #[serde(default)]
    pub destination: Option<String>,
    /// `DeliveryMedium`: `EMAIL` or `SMS`.
    #[serde(default)]
    pub delivery_medium: Option<String>,
    /// `AttributeName`: `email` or `phone_number`.
    #[serde(default)]
    pub attribute_name: Option<String>,
}

/// The `ResendConfirmationCode` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCodeResponse {
    /// `CodeDeliveryDetails`.
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

/// The `AdminConfirmSignUp` response (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AdminConfirmSignUpResponse {}

/// A request of one of the operations.
pub trait CognitoRequest: Serialize {
    /// Which operation.
    const OPERATION: Operation;
    /// Its typed response.
    type Response: for<'de> Deserialize<'de>;
    /// Checks Cognito's member constraints.
    fn validate(&self) -> Result<(), CognitoError>;
    /// The `SecretHash` member, for operations that have one.
    fn secret_hash_slot(&mut self) -> Option<SecretHashSlot<'_>> {
        None
    }
    /// The `UserPoolId` member, for operations that have one (its prefix is the region).
    fn user_pool_id(&self) -> Option<&str> {
        None
    }
}

impl CognitoRequest for ConfirmSignUpRequest {
    const OPERATION: Operation = Operation::ConfirmSignUp;
    type Response = ConfirmSignUpResponse;
    fn validate(&self) -> Result<(), CognitoError> {
        validate::client_id(&self.client_id)?;
        validate::username(&self.username)?;
        validate::confirmation_code(&self.confirmation_code)?;
        validate::secret_hash(self.secret_hash.as_deref())?;
        validate::session(self.session.as_deref())?;
        validate::common(
            self.analytics_metadata.as_ref(),
            self.user_context_data.as_ref(),
            self.client_metadata.as_ref(),
        )
    }
    fn secret_hash_slot(&mut self) -> Option<SecretHashSlot<'_>> {
        Some(SecretHashSlot {
            username: &self.username,
            client_id: &self.client_id,
            secret_hash: &mut self.secret_hash,
        })
    }
}

impl CognitoRequest for ResendConfirmationCodeRequest {
    const OPERATION: Operation = Operation::ResendConfirmationCode;
    type Response = ResendConfirmationCodeResponse;
    fn validate(&self) -> Result<(), CognitoError> {
        validate::client_id(&self.client_id)?;
        validate::username(&self.username)?;
        validate::secret_hash(self.secret_hash.as_deref())?;
        validate::common(
            self.analytics_metadata.as_ref(),
            self.user_context_data.as_ref(),
            self.client_metadata.as_ref(),
        )
    }
    fn secret_hash_slot(&mut self) -> Option<SecretHashSlot<'_>> {
        Some(SecretHashSlot {
            username: &self.username,
            client_id: &self.client_id,
            secret_hash: &mut self.secret_hash,
        })
    }
}

impl CognitoRequest for AdminConfirmSignUpRequest {
    const OPERATION: Operation = Operation::AdminConfirmSignUp;
    type Response = AdminConfirmSignUpResponse;
    fn validate(&self) -> Result<(), CognitoError> {
        validate::user_pool_id(&self.user_pool_id)?;
        validate::username(&self.username)?;
        validate::common(None, None, self.client_metadata.as_ref())
    }
    fn user_pool_id(&self) -> Option<&str> {
        Some(&self.user_pool_id)
    }
}

/// The `SecretHash` member of a request with its inputs, borrowed together.
#[derive(Debug)]
pub struct SecretHashSlot<'a> {
    /// `Username`, the first input of the hash.
    pub username: &'a str,
    /// `ClientId`, the second input.
    pub client_id: &'a str,
    /// The member itself.
    pub secret_hash: &'a mut Option<String>,
}

impl SecretHashSlot<'_> {
    /// Fills `SecretHash` from the client secret unless the request already has one (an
    /// explicit member wins).
    pub fn fill(self, client_secret: &Secret) {
        if self.secret_hash.is_none() {
            *self.secret_hash = Some(secret_hash(self.username, self.client_id, client_secret));
        }
    }
}

/// Where requests go: `https://cognito-idp.{region}.amazonaws.com/` or an explicit URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    host: String,
    path: String,
}

impl Endpoint {
    /// The regional Cognito endpoint. The region must look like an AWS region.
    pub fn for_region(region: &str) -> Result<Self, CognitoError> {
        validate::region(region)?;
        Self::parse(&format!("https://cognito-idp.{region}.amazonaws.com/"))
    }

    /// An explicit URL. `https` always; plain `http` only to a loopback host (a local
    /// Cognito-compatible server), so credentials and codes never cross a network in clear.
    pub fn parse(url: &str) -> Result<Self, CognitoError> {
        let bad =
            |why: &str| CognitoError::validation("endpoint", format!("Invalid endpoint {url:?}: {why}"));
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(bad("it must start with https://"));
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
            return Err(bad("it needs a host and no user name or spaces"));
        }
        if tail.contains(['?', '#']) {
            return Err(bad("no query or fragment allowed"));
        }
        let authority = authority.to_ascii_lowercase();
        let (hostname, port) = split_host_port(&authority).ok_or_else(|| bad("malformed host or port"))?;
        if !https && !is_loopback(hostname) {
            return Err(bad(
                "plain http is only allowed to a loopback host (localhost, 127.0.0.1, [::1])",
            ));
        }
        let default_port = if https { "443" } else { "80" };
        let host = match port {
            Some(p) if p != default_port => format!("{hostname}:{p}"),
            _ => hostname.to_owned(),
        };
        let path = if tail.is_empty() {
            "/".to_owned()
        } else {
            tail.to_owned()
        };
        let scheme = if https { "https" } else { "http" };
        Ok(Self {
            url: format!("{scheme}://{host}{path}"),
            host,
            path,
        })
    }

    /// The URL to POST to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The `Host` the browser will send (default port omitted), which Signature V4 signs.
    pub fn host(&self) -> &str {
        &self.host
    }
}

fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let close = rest.find(']')?;
        let host = authority.get(..close + 2)?;
        let after = rest.get(close + 1..)?;
        match after.strip_prefix(':') {
            Some(p) => (host, Some(p)),
            None if after.is_empty() => (host, None),
            None => return None,
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return None;
    }
    if let Some(p) = port {
        if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Some((host, port))
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let parts: Vec<&str> = rest.split('.').collect();
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u8>().is_ok())
        })
}

/// An HTTP request ready to send: always `POST`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    /// The endpoint URL.
    pub url: String,
    /// Headers in the order to set them.
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: String,
}

/// Validates `request` and builds the HTTP request (unsigned).
pub fn build_request<R: CognitoRequest>(
    endpoint: &Endpoint,
    request: &R,
) -> Result<HttpRequest, CognitoError> {
    request.validate()?;
    let body = serde_json::to_string(request)
        .map_err(|e| CognitoError::validation("request", format!("The request cannot be encoded: {e}")))?;
    Ok(HttpRequest {
        url: endpoint.url.clone(),
        headers: vec![
            ("Content-Type".into(), CONTENT_TYPE.into()),
            ("X-Amz-Target".into(), R::OPERATION.target()),
        ],
        body,
    })
}

/// Signs `request` (built for `endpoint`) with Signature V4 at `time`, adding `X-Amz-Date`,
/// `X-Amz-Security-Token` (temporary credentials) and `Authorization`.
pub fn sign_request(
    request: &mut HttpRequest,
    endpoint: &Endpoint,
    credentials: &Credentials,
    region: &str,
    time: SigningTime,
) -> Result<(), CognitoError> {
    validate::region(region)?;
    validate::credentials(credentials)?;
    // The browser adds Host itself (it cannot be set from script) with exactly this value.
    let mut headers = request.headers.clone();
    headers.push(("Host".into(), endpoint.host.clone()));
    let signed = sign_at(
        &SignableRequest {
            method: "POST",
            path: &endpoint.path,
            query: "",
            headers: &headers,
            body: request.body.as_bytes(),
        },
        credentials,
        &SigningParams::new(region, SIGNING_NAME, time),
    );
    request.headers.retain(|(name, _)| {
        !name.eq_ignore_ascii_case("authorization") && !name.to_ascii_lowercase().starts_with("x-amz-date")
    });
    request.headers.extend(signed.headers);
    Ok(())
}

/// Reads Cognito's answer: a typed response on 2xx with a JSON object, else the named error.
/// `error_type_header` is `x-amzn-ErrorType` when the browser lets us read it.
pub fn parse_response<R: CognitoRequest>(
    status: u16,
    error_type_header: Option<&str>,
    body: &str,
) -> Result<R::Response, CognitoError> {
    let json = read_answer(status, error_type_header, body)?;
    decode_response::<R>(status, json)
}

/// The untyped half of [`parse_response`], the same for every operation: the answer's JSON
/// object on 2xx, else the named error (a Cognito exception, or `InvalidResponseError`).
pub fn read_answer(status: u16, error_type_header: Option<&str>, body: &str) -> Result<Value, CognitoError> {
    let json: Option<Value> = serde_json::from_str(body).ok();
    if !(200..300).contains(&status) {
        let error = json
            .as_ref()
            .filter(|v| v.is_object())
            .and_then(|v| parse_error(status, error_type_header, v));
        return Err(error.unwrap_or_else(|| {
            CognitoError::invalid_response(
                status,
                format!("HTTP {status} without a Cognito error in the body"),
            )
        }));
    }
    json.filter(Value::is_object).ok_or_else(|| {
        CognitoError::invalid_response(
            status,
            format!("HTTP {status} with a body that is not a JSON object"),
        )
    })
}

/// The typed half of [`parse_response`]: the operation's response from the answer's object.
pub fn decode_response<R: CognitoRequest>(status: u16, json: Value) -> Result<R::Response, CognitoError> {
    serde_json::from_value(json).map_err(|e| {
        CognitoError::invalid_response(
            status,
            format!("Unexpected {} response: {e}", R::OPERATION.name()),
        )
    })
}
