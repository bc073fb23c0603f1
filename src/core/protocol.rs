//! The four operations: their request and response types with AWS member names (serde, in the
//! order of the API model, which is the order of the JSON body), and [`Request`], a request of
//! any of them, which the browser shell reads, checks and sends.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::error::{CognitoError, Text};
use super::members::{check_keys, fields_of, read};
use super::secret_hash::secret_hash;
use super::validate;
use super::Secret;

/// A Cognito operation this crate speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Confirms a sign-up with the code sent to the user.
    ConfirmSignUp,
    /// Sends a new confirmation code.
    ResendConfirmationCode,
    /// Confirms a user without a code (administrator; Signature V4).
    AdminConfirmSignUp,
    /// Signs the user in; here only `USER_AUTH` with the `Session` a confirmation returned.
    InitiateAuth,
}

impl Operation {
    /// The operation name as AWS spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::ConfirmSignUp => "ConfirmSignUp",
            Self::ResendConfirmationCode => "ResendConfirmationCode",
            Self::AdminConfirmSignUp => "AdminConfirmSignUp",
            Self::InitiateAuth => "InitiateAuth",
        }
    }

    /// The `X-Amz-Target` header value.
    pub fn target(self) -> String {
        format!("{}.{}", super::wire::TARGET_PREFIX, self.name())
    }

    /// Whether the call must be signed with Signature V4.
    pub fn signed(self) -> bool {
        matches!(self, Self::AdminConfirmSignUp)
    }

    /// The request's members, in the order of the API model.
    pub fn members(self) -> &'static [&'static str] {
        match self {
            Self::ConfirmSignUp => fields_of::<ConfirmSignUpRequest>(),
            Self::ResendConfirmationCode => fields_of::<ResendConfirmationCodeRequest>(),
            Self::AdminConfirmSignUp => fields_of::<AdminConfirmSignUpRequest>(),
            Self::InitiateAuth => fields_of::<InitiateAuthRequest>(),
        }
    }
}

/// `AnalyticsMetadata`: the Amazon Pinpoint endpoint for Cognito's analytics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AnalyticsMetadata {
    /// `AnalyticsEndpointId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analytics_endpoint_id: Option<String>,
}

/// `UserContextData`: data for Cognito's threat protection (advanced security).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct UserContextData {
    /// `IpAddress`: the end user's source IP (set by servers, not browsers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// `EncodedData`: the fingerprint from `AmazonCognitoAdvancedSecurityData`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoded_data: Option<String>,
}

impl std::fmt::Debug for UserContextData {
    // The model marks UserContextData sensitive.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UserContextData([redacted])")
    }
}

/// `ClientMetadata`: a string map passed to Lambda triggers, in the order given (as
/// `JSON.stringify` and the AWS SDKs send it).
pub type ClientMetadata = Vec<(String, String)>;

/// The nested object of the requests named `member`, when its members are fixed: its name and
/// its members. An unknown key in one of them is refused like one at the top.
fn nested_members(member: &str) -> Option<(&'static str, &'static [&'static str])> {
    match member {
        "AnalyticsMetadata" => Some(("AnalyticsMetadata", fields_of::<AnalyticsMetadata>())),
        "UserContextData" => Some(("UserContextData", fields_of::<UserContextData>())),
        "AuthParameters" => Some(("AuthParameters", fields_of::<AuthParameters>())),
        _ => None,
    }
}

/// The `ConfirmSignUp` request. `Debug` prints its `Session` redacted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConfirmSignUpRequest {
    /// `ClientId`, the app client.
    pub client_id: String,
    /// `SecretHash`, when the app client has a secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_hash: Option<String>,
    /// `Username`.
    pub username: String,
    /// `ConfirmationCode`.
    pub confirmation_code: String,
    /// `ForceAliasCreation`: take over the email/phone alias from another user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_alias_creation: Option<bool>,
    /// `AnalyticsMetadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `UserContextData`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_context_data: Option<UserContextData>,
    /// `ClientMetadata`.
    #[serde(skip_serializing_if = "Option::is_none", with = "string_map")]
    pub client_metadata: Option<ClientMetadata>,
    /// `Session` from `SignUp`, for auto sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

impl std::fmt::Debug for ConfirmSignUpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfirmSignUpRequest")
            .field("client_id", &self.client_id)
            .field("username", &self.username)
            .field("session", &redacted(&self.session))
            .finish_non_exhaustive()
    }
}

/// What `Debug` prints for a secret that may be there: whether it is, never what it is.
fn redacted(value: &Option<String>) -> Option<&'static str> {
    value.as_ref().map(|_| "[redacted]")
}

/// The `ResendConfirmationCode` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResendConfirmationCodeRequest {
    /// `ClientId`.
    pub client_id: String,
    /// `SecretHash`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_hash: Option<String>,
    /// `UserContextData`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_context_data: Option<UserContextData>,
    /// `Username`.
    pub username: String,
    /// `AnalyticsMetadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `ClientMetadata`.
    #[serde(skip_serializing_if = "Option::is_none", with = "string_map")]
    pub client_metadata: Option<ClientMetadata>,
}

/// The `AdminConfirmSignUp` request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AdminConfirmSignUpRequest {
    /// `UserPoolId`, e.g. `eu-west-1_AbCdEf123`.
    pub user_pool_id: String,
    /// `Username`.
    pub username: String,
    /// `ClientMetadata`.
    #[serde(skip_serializing_if = "Option::is_none", with = "string_map")]
    pub client_metadata: Option<ClientMetadata>,
}

/// `AuthParameters` of a `USER_AUTH` sign-in, in the order the API documents them.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthParameters {
    /// `USERNAME`.
    #[serde(rename = "USERNAME")]
    pub username: String,
    /// `SECRET_HASH`, when the app client has a secret.
    #[serde(rename = "SECRET_HASH", skip_serializing_if = "Option::is_none")]
    pub secret_hash: Option<String>,
    /// `PREFERRED_CHALLENGE`: `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN`, `PASSWORD` or `PASSWORD_SRP`.
    #[serde(rename = "PREFERRED_CHALLENGE", skip_serializing_if = "Option::is_none")]
    pub preferred_challenge: Option<String>,
}

impl std::fmt::Debug for AuthParameters {
    // The model marks AuthParameters sensitive.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthParameters([redacted])")
    }
}

/// The `InitiateAuth` request: the sign-in that follows a confirmation (`USER_AUTH` with the
/// `Session` that `ConfirmSignUp` returned). Its members are in the order the AWS SDK for
/// JavaScript v3 sends them. `Debug` prints its `Session` redacted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InitiateAuthRequest {
    /// `AuthFlow`: `USER_AUTH`, the one flow this crate sends.
    pub auth_flow: String,
    /// `ClientId`.
    pub client_id: String,
    /// `AuthParameters`.
    pub auth_parameters: AuthParameters,
    /// `ClientMetadata`.
    #[serde(skip_serializing_if = "Option::is_none", with = "string_map")]
    pub client_metadata: Option<ClientMetadata>,
    /// `AnalyticsMetadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `UserContextData`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_context_data: Option<UserContextData>,
    /// `Session`: the one `ConfirmSignUp` returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

impl std::fmt::Debug for InitiateAuthRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InitiateAuthRequest")
            .field("auth_flow", &self.auth_flow)
            .field("client_id", &self.client_id)
            .field("session", &redacted(&self.session))
            .finish_non_exhaustive()
    }
}

/// The `ConfirmSignUp` response. `Debug` prints its `Session` redacted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ConfirmSignUpResponse {
    /// `Session`, to sign in without a password right after confirming.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

impl std::fmt::Debug for ConfirmSignUpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfirmSignUpResponse")
            .field("session", &redacted(&self.session))
            .finish()
    }
}

/// `AuthenticationResult`: the tokens of a sign-in. `Debug` prints them redacted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AuthenticationResult {
    /// `AccessToken`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// `ExpiresIn`, seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// `TokenType`: `Bearer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    /// `RefreshToken`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// `IdToken`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
    /// `NewDeviceMetadata`, when the pool remembers devices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_device_metadata: Option<NewDeviceMetadata>,
}

impl std::fmt::Debug for AuthenticationResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthenticationResult")
            .field("access_token", &redacted(&self.access_token))
            .field("expires_in", &self.expires_in)
            .field("token_type", &self.token_type)
            .field("refresh_token", &redacted(&self.refresh_token))
            .field("id_token", &redacted(&self.id_token))
            .finish_non_exhaustive()
    }
}

/// `NewDeviceMetadata`: the device Cognito remembers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NewDeviceMetadata {
    /// `DeviceKey`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_key: Option<String>,
    /// `DeviceGroupKey`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_group_key: Option<String>,
}

/// The `InitiateAuth` response: the tokens, or the next challenge. `Debug` prints the tokens and
/// the `Session` redacted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InitiateAuthResponse {
    /// `ChallengeName`: `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN`, `SELECT_CHALLENGE`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge_name: Option<String>,
    /// `Session`, for the answer to the challenge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// `ChallengeParameters`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge_parameters: Option<StringMap>,
    /// `AuthenticationResult`: the tokens, when no challenge is left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication_result: Option<AuthenticationResult>,
    /// `AvailableChallenges`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_challenges: Option<Vec<String>>,
}

impl std::fmt::Debug for InitiateAuthResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InitiateAuthResponse")
            .field("challenge_name", &self.challenge_name)
            .field("session", &redacted(&self.session))
            .field("authentication_result", &self.authentication_result)
            .field("available_challenges", &self.available_challenges)
            .finish_non_exhaustive()
    }
}

/// `CodeDeliveryDetails`: where the new code went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CodeDeliveryDetails {
    /// `Destination`, masked: `a***@e***.com`, `+*******1234`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// `DeliveryMedium`: `EMAIL` or `SMS`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_medium: Option<String>,
    /// `AttributeName`: `email` or `phone_number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
}

/// The `ResendConfirmationCode` response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResendConfirmationCodeResponse {
    /// `CodeDeliveryDetails`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

/// The `AdminConfirmSignUp` response (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminConfirmSignUpResponse {}

/// A JSON object whose values are all strings, its keys in the order given (as
/// `JSON.stringify` and the AWS SDKs send `ClientMetadata`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StringMap(pub Vec<(String, String)>);

impl Serialize for StringMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_entries(&self.0, s)
    }
}

/// `entries` as a JSON object, in their order.
fn serialize_entries<S: Serializer>(entries: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut out = s.serialize_map(Some(entries.len()))?;
    for (key, value) in entries {
        out.serialize_entry(key, value)?;
    }
    out.end()
}

impl<'de> Deserialize<'de> for StringMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = StringMap;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StringMap, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Text>()? {
                    // A value that is no string makes the whole object the wrong type.
                    let value = value
                        .0
                        .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Map, &self))?;
                    entries.push((key, value));
                }
                Ok(StringMap(entries))
            }
        }
        d.deserialize_map(Entries)
    }
}

/// `ClientMetadata` members through [`StringMap`].
mod string_map {
    use super::*;

    pub fn serialize<S: Serializer>(map: &Option<ClientMetadata>, s: S) -> Result<S::Ok, S::Error> {
        serialize_entries(map.as_deref().unwrap_or_default(), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ClientMetadata>, D::Error> {
        Ok(Option::<StringMap>::deserialize(d)?.map(|m| m.0))
    }
}

/// A request of one of the operations, with its typed response.
pub trait CognitoRequest: Into<Request> + Clone {
    /// Which operation.
    const OPERATION: Operation;
    /// Its typed response.
    type Response: for<'de> Deserialize<'de>;
    /// Checks Cognito's member constraints (see [`Request::validate`]).
    fn validate(&self) -> Result<(), CognitoError> {
        Into::<Request>::into(self.clone()).validate()
    }
}

impl CognitoRequest for ConfirmSignUpRequest {
    const OPERATION: Operation = Operation::ConfirmSignUp;
    type Response = ConfirmSignUpResponse;
}

impl CognitoRequest for ResendConfirmationCodeRequest {
    const OPERATION: Operation = Operation::ResendConfirmationCode;
    type Response = ResendConfirmationCodeResponse;
}

impl CognitoRequest for AdminConfirmSignUpRequest {
    const OPERATION: Operation = Operation::AdminConfirmSignUp;
    type Response = AdminConfirmSignUpResponse;
}

impl CognitoRequest for InitiateAuthRequest {
    const OPERATION: Operation = Operation::InitiateAuth;
    type Response = InitiateAuthResponse;
}

/// A request of any of the four operations: what the browser shell reads, checks and sends.
/// It serializes as the request it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Request {
    /// `ConfirmSignUp`.
    ConfirmSignUp(ConfirmSignUpRequest),
    /// `ResendConfirmationCode`.
    ResendConfirmationCode(ResendConfirmationCodeRequest),
    /// `AdminConfirmSignUp`.
    AdminConfirmSignUp(AdminConfirmSignUpRequest),
    /// `InitiateAuth`.
    InitiateAuth(InitiateAuthRequest),
}

impl From<ConfirmSignUpRequest> for Request {
    fn from(r: ConfirmSignUpRequest) -> Self {
        Self::ConfirmSignUp(r)
    }
}

impl From<ResendConfirmationCodeRequest> for Request {
    fn from(r: ResendConfirmationCodeRequest) -> Self {
        Self::ResendConfirmationCode(r)
    }
}

impl From<AdminConfirmSignUpRequest> for Request {
    fn from(r: AdminConfirmSignUpRequest) -> Self {
        Self::AdminConfirmSignUp(r)
    }
}

impl From<InitiateAuthRequest> for Request {
    fn from(r: InitiateAuthRequest) -> Self {
        Self::InitiateAuth(r)
    }
}

impl Request {
    /// Reads a request of `operation` with AWS member names. `deserialize` gives a serde
    /// deserializer of the request object (`None`) or of an object holding only one of its
    /// members (`Some(member)`), through which a member of the wrong type is named (see
    /// [`members::read`](super::members::read)). Keys the request does not know are not seen by
    /// every deserializer: [`Request::check_members`] refuses them.
    pub fn read<'de, D: Deserializer<'de>>(
        operation: Operation,
        deserialize: impl Fn(Option<&str>) -> D,
    ) -> Result<Self, CognitoError> {
        let members: RequestMembers = read("request", |member| {
            RequestMembers::deserialize(deserialize(member))
        })?;
        Ok(members.into_request(operation))
    }

    /// Refuses a member `operation` does not know, at the top or inside `AnalyticsMetadata`,
    /// `UserContextData` and `AuthParameters`. `keys(None)` gives the request object's own keys, `keys(Some(member))`
    /// those of the object in that member (`None` where it is no object: its type is checked
    /// when it is read).
    pub fn check_members(
        operation: Operation,
        keys: impl Fn(Option<&str>) -> Option<Vec<String>>,
    ) -> Result<(), CognitoError> {
        let top = keys(None).ok_or_else(|| {
            CognitoError::validation("request", format!("{} needs a request object", operation.name()))
        })?;
        check_keys(top.iter().map(String::as_str), "request", operation.members())?;
        for member in &top {
            if let (Some((field, known)), Some(inner)) = (nested_members(member), keys(Some(member))) {
                check_keys(inner.iter().map(String::as_str), field, known)?;
            }
        }
        Ok(())
    }

    /// Which operation.
    pub fn operation(&self) -> Operation {
        match self {
            Self::ConfirmSignUp(_) => Operation::ConfirmSignUp,
            Self::ResendConfirmationCode(_) => Operation::ResendConfirmationCode,
            Self::AdminConfirmSignUp(_) => Operation::AdminConfirmSignUp,
            Self::InitiateAuth(_) => Operation::InitiateAuth,
        }
    }

    /// Checks Cognito's member constraints, member by member in the API model's order, then the
    /// lengths of the free-form members.
    pub fn validate(&self) -> Result<(), CognitoError> {
        match self {
            Self::ConfirmSignUp(r) => {
                validate::client_id(&r.client_id)?;
                validate::secret_hash(r.secret_hash.as_deref())?;
                validate::username(&r.username)?;
                validate::confirmation_code(&r.confirmation_code)?;
                validate::session(r.session.as_deref())?;
                validate::common(
                    r.analytics_metadata.as_ref(),
                    r.user_context_data.as_ref(),
                    r.client_metadata.as_ref(),
                )
            }
            Self::ResendConfirmationCode(r) => {
                validate::client_id(&r.client_id)?;
                validate::secret_hash(r.secret_hash.as_deref())?;
                validate::username(&r.username)?;
                validate::common(
                    r.analytics_metadata.as_ref(),
                    r.user_context_data.as_ref(),
                    r.client_metadata.as_ref(),
                )
            }
            Self::AdminConfirmSignUp(r) => {
                validate::user_pool_id(&r.user_pool_id)?;
                validate::username(&r.username)?;
                validate::common(None, None, r.client_metadata.as_ref())
            }
            Self::InitiateAuth(r) => {
                validate::auth_flow(&r.auth_flow)?;
                validate::auth_parameters(&r.auth_parameters)?;
                validate::client_id(&r.client_id)?;
                validate::session(r.session.as_deref())?;
                validate::common(
                    r.analytics_metadata.as_ref(),
                    r.user_context_data.as_ref(),
                    r.client_metadata.as_ref(),
                )
            }
        }
    }

    /// The `SecretHash` member (`AuthParameters.SECRET_HASH` for `InitiateAuth`), for operations
    /// that have one.
    pub fn secret_hash_slot(&mut self) -> Option<SecretHashSlot<'_>> {
        let (username, client_id, secret_hash) = match self {
            Self::ConfirmSignUp(r) => (&r.username, &r.client_id, &mut r.secret_hash),
            Self::ResendConfirmationCode(r) => (&r.username, &r.client_id, &mut r.secret_hash),
            Self::InitiateAuth(r) => (
                &r.auth_parameters.username,
                &r.client_id,
                &mut r.auth_parameters.secret_hash,
            ),
            Self::AdminConfirmSignUp(_) => return None,
        };
        Some(SecretHashSlot {
            username,
            client_id,
            secret_hash,
        })
    }

    /// The `UserPoolId` member, for operations that have one (its prefix is the region).
    pub fn user_pool_id(&self) -> Option<&str> {
        match self {
            Self::AdminConfirmSignUp(r) => Some(&r.user_pool_id),
            _ => None,
        }
    }
}

/// The members of all four requests in one type, read from a request object whatever its
/// operation, so that the module holds one deserializer of requests rather than one per request
/// type. The types are the requests' own, so a member of the wrong type is refused as it
/// would be there; a member the operation does not have is refused earlier, by name
/// ([`Request::check_members`]), and is not carried over by [`RequestMembers::into_request`].
#[derive(Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
struct RequestMembers {
    auth_flow: String,
    client_id: String,
    user_pool_id: String,
    secret_hash: Option<String>,
    username: String,
    confirmation_code: String,
    auth_parameters: AuthParameters,
    force_alias_creation: Option<bool>,
    analytics_metadata: Option<AnalyticsMetadata>,
    user_context_data: Option<UserContextData>,
    #[serde(with = "string_map")]
    client_metadata: Option<ClientMetadata>,
    session: Option<String>,
}

impl RequestMembers {
    /// The request of `operation`, with the members it has.
    fn into_request(self, operation: Operation) -> Request {
        match operation {
            Operation::ConfirmSignUp => Request::ConfirmSignUp(ConfirmSignUpRequest {
                client_id: self.client_id,
                secret_hash: self.secret_hash,
                username: self.username,
                confirmation_code: self.confirmation_code,
                force_alias_creation: self.force_alias_creation,
                analytics_metadata: self.analytics_metadata,
                user_context_data: self.user_context_data,
                client_metadata: self.client_metadata,
                session: self.session,
            }),
            Operation::ResendConfirmationCode => {
                Request::ResendConfirmationCode(ResendConfirmationCodeRequest {
                    client_id: self.client_id,
                    secret_hash: self.secret_hash,
                    user_context_data: self.user_context_data,
                    username: self.username,
                    analytics_metadata: self.analytics_metadata,
                    client_metadata: self.client_metadata,
                })
            }
            Operation::AdminConfirmSignUp => Request::AdminConfirmSignUp(AdminConfirmSignUpRequest {
                user_pool_id: self.user_pool_id,
                username: self.username,
                client_metadata: self.client_metadata,
            }),
            Operation::InitiateAuth => Request::InitiateAuth(InitiateAuthRequest {
                auth_flow: self.auth_flow,
                client_id: self.client_id,
                auth_parameters: self.auth_parameters,
                client_metadata: self.client_metadata,
                analytics_metadata: self.analytics_metadata,
                user_context_data: self.user_context_data,
                session: self.session,
            }),
        }
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
