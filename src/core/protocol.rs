//! The three operations: request and response types with AWS member names, the endpoint, the
//! HTTP request to send and the reading of the answer. Builds and parses; never sends.

use super::error::{parse_error, CognitoError};
use super::json::{self, ObjectWriter, Value};
use super::secret_hash::secret_hash;
use super::sigv4::{sign_at, Credentials, SignableRequest, SigningParams, SigningTime};
use super::text::{concat, decimal, join, split_byte, split_once_byte};
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
        concat(&[TARGET_PREFIX, ".", self.name()])
    }

    /// Whether the call must be signed with Signature V4.
    pub fn signed(self) -> bool {
        matches!(self, Self::AdminConfirmSignUp)
    }
}

/// `AnalyticsMetadata`: the Amazon Pinpoint endpoint for Cognito's analytics.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnalyticsMetadata {
    /// `AnalyticsEndpointId`.
    pub analytics_endpoint_id: Option<String>,
}

/// `UserContextData`: data for Cognito's threat protection (advanced security).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UserContextData {
    /// `IpAddress`: the end user's source IP (set by servers, not browsers).
    pub ip_address: Option<String>,
    /// `EncodedData`: the fingerprint from `AmazonCognitoAdvancedSecurityData`.
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

/// The `ConfirmSignUp` request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfirmSignUpRequest {
    /// `ClientId`, the app client.
    pub client_id: String,
    /// `SecretHash`, when the app client has a secret.
    pub secret_hash: Option<String>,
    /// `Username`.
    pub username: String,
    /// `ConfirmationCode`.
    pub confirmation_code: String,
    /// `ForceAliasCreation`: take over the email/phone alias from another user.
    pub force_alias_creation: Option<bool>,
    /// `AnalyticsMetadata`.
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `UserContextData`.
    pub user_context_data: Option<UserContextData>,
    /// `ClientMetadata`.
    pub client_metadata: Option<ClientMetadata>,
    /// `Session` from `SignUp`, for auto sign-in.
    pub session: Option<String>,
}

/// The `ResendConfirmationCode` request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResendConfirmationCodeRequest {
    /// `ClientId`.
    pub client_id: String,
    /// `SecretHash`.
    pub secret_hash: Option<String>,
    /// `UserContextData`.
    pub user_context_data: Option<UserContextData>,
    /// `Username`.
    pub username: String,
    /// `AnalyticsMetadata`.
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `ClientMetadata`.
    pub client_metadata: Option<ClientMetadata>,
}

/// The `AdminConfirmSignUp` request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdminConfirmSignUpRequest {
    /// `UserPoolId`, e.g. `eu-west-1_AbCdEf123`.
    pub user_pool_id: String,
    /// `Username`.
    pub username: String,
    /// `ClientMetadata`.
    pub client_metadata: Option<ClientMetadata>,
}

/// The `ConfirmSignUp` response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConfirmSignUpResponse {
    /// `Session`, to sign in without a password right after confirming.
    pub session: Option<String>,
}

/// `CodeDeliveryDetails`: where the new code went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeDeliveryDetails {
    /// `Destination`, masked: `a***@e***.com`, `+*******1234`.
    pub destination: Option<String>,
    /// `DeliveryMedium`: `EMAIL` or `SMS`.
    pub delivery_medium: Option<String>,
    /// `AttributeName`: `email` or `phone_number`.
    pub attribute_name: Option<String>,
}

/// The `ResendConfirmationCode` response.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResendConfirmationCodeResponse {
    /// `CodeDeliveryDetails`.
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

/// The `AdminConfirmSignUp` response (empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdminConfirmSignUpResponse {}

/// An object a request is read from: a parsed JSON [`Value`], or a JavaScript object in the
/// browser. Requests are read member by member, so a misspelt member is a named error rather
/// than silently dropped.
pub trait Source: Sized {
    /// The object's own keys in order; `None` when this is not a plain object.
    fn keys(&self) -> Option<Vec<String>>;
    /// The member `key`; `None` when absent, `undefined` or `null`.
    fn member(&self, key: &str) -> Option<Self>;
    /// The value as a string, when it is one.
    fn string(&self) -> Option<String>;
    /// The value as a boolean, when it is one.
    fn boolean(&self) -> Option<bool>;
}

impl Source for Value {
    fn keys(&self) -> Option<Vec<String>> {
        match self {
            Value::Object(members) => Some(members.iter().map(|(k, _)| k.clone()).collect()),
            _ => None,
        }
    }
    fn member(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| **v != Value::Null).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn boolean(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Reads the members of one object, refusing members it does not know.
struct Members<'a, S> {
    source: &'a S,
}

impl<'a, S: Source> Members<'a, S> {
    /// `source` as an object whose keys are all in `known`. `field` names it in errors.
    fn new(source: &'a S, field: &'static str, known: &[&str]) -> Result<Self, CognitoError> {
        let keys = source
            .keys()
            .ok_or_else(|| CognitoError::validation(field, concat(&[field, " must be an object"])))?;
        if let Some(unknown) = keys.iter().find(|k| !known.contains(&k.as_str())) {
            return Err(CognitoError::validation(
                field,
                concat(&[
                    field,
                    " has an unknown member \"",
                    unknown,
                    "\"; its members are ",
                    &join(known, ", "),
                ]),
            ));
        }
        Ok(Self { source })
    }

    fn typed<T>(
        &self,
        key: &'static str,
        expected: &str,
        read: impl FnOnce(&S) -> Option<T>,
    ) -> Result<Option<T>, CognitoError> {
        member_as(self.source, key, expected, read)
    }

    fn string(&self, key: &'static str) -> Result<Option<String>, CognitoError> {
        self.typed(key, "a string", S::string)
    }

    fn required(&self, key: &'static str) -> Result<String, CognitoError> {
        Ok(self.string(key)?.unwrap_or_default())
    }

    fn boolean(&self, key: &'static str) -> Result<Option<bool>, CognitoError> {
        self.typed(key, "true or false", S::boolean)
    }

    fn analytics(&self) -> Result<Option<AnalyticsMetadata>, CognitoError> {
        const KEY: &str = "AnalyticsMetadata";
        let Some(v) = self.source.member(KEY) else {
            return Ok(None);
        };
        let m = Members::new(&v, KEY, &["AnalyticsEndpointId"])?;
        Ok(Some(AnalyticsMetadata {
            analytics_endpoint_id: m.string("AnalyticsEndpointId")?,
        }))
    }

    fn context(&self) -> Result<Option<UserContextData>, CognitoError> {
        const KEY: &str = "UserContextData";
        let Some(v) = self.source.member(KEY) else {
            return Ok(None);
        };
        let m = Members::new(&v, KEY, &["IpAddress", "EncodedData"])?;
        Ok(Some(UserContextData {
            ip_address: m.string("IpAddress")?,
            encoded_data: m.string("EncodedData")?,
        }))
    }

    fn metadata(&self) -> Result<Option<ClientMetadata>, CognitoError> {
        const KEY: &str = "ClientMetadata";
        let Some(v) = self.source.member(KEY) else {
            return Ok(None);
        };
        read_string_map(&v, KEY).map(Some)
    }
}

/// `source[key]` read by `read`; `None` when absent. A value `read` refuses is a
/// `ValidationError` saying that `key` must be `expected` (request members and the browser's
/// options objects alike).
pub fn member_as<S: Source, T>(
    source: &S,
    key: &'static str,
    expected: &str,
    read: impl FnOnce(&S) -> Option<T>,
) -> Result<Option<T>, CognitoError> {
    let Some(value) = source.member(key) else {
        return Ok(None);
    };
    match read(&value) {
        Some(v) => Ok(Some(v)),
        None => Err(CognitoError::validation(
            key,
            concat(&[key, " must be ", expected]),
        )),
    }
}

/// An object whose values are all strings (`ClientMetadata`), in key order.
pub fn read_string_map<S: Source>(
    source: &S,
    field: &'static str,
) -> Result<Vec<(String, String)>, CognitoError> {
    let bad = || CognitoError::validation(field, concat(&[field, " must be an object of strings"]));
    let keys = source.keys().ok_or_else(bad)?;
    let mut map = Vec::with_capacity(keys.len());
    for key in keys {
        let value = source.member(&key).and_then(|v| v.string()).ok_or_else(bad)?;
        map.push((key, value));
    }
    Ok(map)
}

fn write_analytics(w: &mut ObjectWriter, a: &AnalyticsMetadata) {
    w.opt_string("AnalyticsEndpointId", a.analytics_endpoint_id.as_deref());
}

fn write_context(w: &mut ObjectWriter, c: &UserContextData) {
    w.opt_string("IpAddress", c.ip_address.as_deref())
        .opt_string("EncodedData", c.encoded_data.as_deref());
}

fn write_metadata(w: &mut ObjectWriter, m: &ClientMetadata) {
    for (k, v) in m {
        w.string(k, v);
    }
}

/// A typed response, read from the answer's JSON object: a parsed [`Value`] here, the browser's
/// own `JSON.parse` result in the browser.
pub trait FromJson: Sized {
    /// Reads the response; the error says which member was malformed.
    fn from_json<S: Source>(value: &S) -> Result<Self, String>;
}

/// `value[key]` as an optional string (`null` is absent).
fn opt_string<S: Source>(value: &S, key: &str) -> Result<Option<String>, String> {
    value
        .member(key)
        .map(|v| v.string().ok_or_else(|| concat(&[key, " is not a string"])))
        .transpose()
}

impl FromJson for ConfirmSignUpResponse {
    fn from_json<S: Source>(value: &S) -> Result<Self, String> {
        Ok(Self {
            session: opt_string(value, "Session")?,
        })
    }
}

impl FromJson for CodeDeliveryDetails {
    fn from_json<S: Source>(value: &S) -> Result<Self, String> {
        if value.keys().is_none() {
            return Err("CodeDeliveryDetails is not an object".into());
        }
        Ok(Self {
            destination: opt_string(value, "Destination")?,
            delivery_medium: opt_string(value, "DeliveryMedium")?,
            attribute_name: opt_string(value, "AttributeName")?,
        })
    }
}

impl FromJson for ResendConfirmationCodeResponse {
    fn from_json<S: Source>(value: &S) -> Result<Self, String> {
        Ok(Self {
            code_delivery_details: value
                .member("CodeDeliveryDetails")
                .map(|d| CodeDeliveryDetails::from_json(&d))
                .transpose()?,
        })
    }
}

impl FromJson for AdminConfirmSignUpResponse {
    fn from_json<S: Source>(_: &S) -> Result<Self, String> {
        Ok(Self {})
    }
}

/// A request of one of the operations, with its typed response. Reading, checking and writing
/// go through [`Request`], which does them once for the three operations.
pub trait CognitoRequest: Sized + Clone + Into<Request> + TryFrom<Request, Error = Request> {
    /// Which operation.
    const OPERATION: Operation;
    /// Its typed response.
    type Response: FromJson;
    /// Reads the request from an object with AWS member names (`{ClientId, Username, …}`).
    fn read<S: Source>(source: &S) -> Result<Self, CognitoError> {
        // `Request::read` gives a request of the operation it is asked for, so this converts.
        Self::try_from(Request::read(Self::OPERATION, source)?).map_err(|other| {
            CognitoError::validation(
                "request",
                concat(&[other.operation().name(), " is not ", Self::OPERATION.name()]),
            )
        })
    }
    /// Checks Cognito's member constraints.
    fn validate(&self) -> Result<(), CognitoError> {
        Into::<Request>::into(self.clone()).validate()
    }
    /// The JSON body, members in the order of the API model.
    fn to_json(&self) -> String {
        Into::<Request>::into(self.clone()).to_json()
    }
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
    fn user_pool_id(&self) -> Option<&str> {
        Some(&self.user_pool_id)
    }
}

/// A member of the three requests, by name (alphabetical here). Each operation lists its own in
/// the order of the API model ([`Operation::members`]), and one piece of code reads, checks and
/// writes them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Member {
    AnalyticsMetadata,
    ClientId,
    ClientMetadata,
    ConfirmationCode,
    ForceAliasCreation,
    SecretHash,
    Session,
    UserContextData,
    UserPoolId,
    Username,
}

impl Member {
    /// The member name as AWS spells it.
    fn name(self) -> &'static str {
        match self {
            Self::AnalyticsMetadata => "AnalyticsMetadata",
            Self::ClientId => "ClientId",
            Self::ClientMetadata => "ClientMetadata",
            Self::ConfirmationCode => "ConfirmationCode",
            Self::ForceAliasCreation => "ForceAliasCreation",
            Self::SecretHash => "SecretHash",
            Self::Session => "Session",
            Self::UserContextData => "UserContextData",
            Self::UserPoolId => "UserPoolId",
            Self::Username => "Username",
        }
    }
}

impl Operation {
    /// The request's members, in the order of the API model (and so of the JSON body).
    fn members(self) -> &'static [Member] {
        use Member::*;
        match self {
            Self::ConfirmSignUp => &[
                ClientId,
                SecretHash,
                Username,
                ConfirmationCode,
                ForceAliasCreation,
                AnalyticsMetadata,
                UserContextData,
                ClientMetadata,
                Session,
            ],
            Self::ResendConfirmationCode => &[
                ClientId,
                SecretHash,
                UserContextData,
                Username,
                AnalyticsMetadata,
                ClientMetadata,
            ],
            Self::AdminConfirmSignUp => &[UserPoolId, Username, ClientMetadata],
        }
    }

    fn has(self, member: Member) -> bool {
        self.members().contains(&member)
    }
}

/// Every member of the three requests; those the operation lacks stay empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Fields {
    client_id: String,
    secret_hash: Option<String>,
    username: String,
    confirmation_code: String,
    force_alias_creation: Option<bool>,
    analytics_metadata: Option<AnalyticsMetadata>,
    user_context_data: Option<UserContextData>,
    client_metadata: Option<ClientMetadata>,
    session: Option<String>,
    user_pool_id: String,
}

/// A request of any of the three operations: what the browser shell sends. The typed requests
/// convert into it (`From`) and back (`TryFrom`, which hands back a request of another
/// operation). It reads, checks and writes the members of every operation with one piece of
/// code, driven by the operation's member list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    operation: Operation,
    fields: Fields,
}

/// The conversions between a typed request and [`Request`], with the typed request's fields.
macro_rules! convert {
    ($typed:ident, $operation:ident, [$($field:ident),*]) => {
        impl From<$typed> for Request {
            fn from(r: $typed) -> Self {
                Self {
                    operation: Operation::$operation,
                    fields: Fields { $($field: r.$field,)* ..Fields::default() },
                }
            }
        }

        impl TryFrom<Request> for $typed {
            type Error = Request;
            fn try_from(r: Request) -> Result<Self, Request> {
                if r.operation != Operation::$operation {
                    return Err(r);
                }
                let f = r.fields;
                Ok(Self { $($field: f.$field),* })
            }
        }
    };
}

convert!(
    ConfirmSignUpRequest,
    ConfirmSignUp,
    [
        client_id,
        secret_hash,
        username,
        confirmation_code,
        force_alias_creation,
        analytics_metadata,
        user_context_data,
        client_metadata,
        session
    ]
);
convert!(
    ResendConfirmationCodeRequest,
    ResendConfirmationCode,
    [
        client_id,
        secret_hash,
        user_context_data,
        username,
        analytics_metadata,
        client_metadata
    ]
);
convert!(
    AdminConfirmSignUpRequest,
    AdminConfirmSignUp,
    [user_pool_id, username, client_metadata]
);

impl Request {
    /// Reads a request of `operation` from an object with AWS member names.
    pub fn read<S: Source>(operation: Operation, source: &S) -> Result<Self, CognitoError> {
        if source.keys().is_none() {
            return Err(CognitoError::validation(
                "request",
                concat(&[operation.name(), " needs a request object"]),
            ));
        }
        let members = operation.members();
        let mut known = Vec::with_capacity(members.len());
        for member in members {
            known.push(member.name());
        }
        let m = Members::new(source, "request", &known)?;
        let mut f = Fields::default();
        for &member in members {
            let key = member.name();
            match member {
                Member::ClientId => f.client_id = m.required(key)?,
                Member::SecretHash => f.secret_hash = m.string(key)?,
                Member::Username => f.username = m.required(key)?,
                Member::ConfirmationCode => f.confirmation_code = m.required(key)?,
                Member::ForceAliasCreation => f.force_alias_creation = m.boolean(key)?,
                Member::AnalyticsMetadata => f.analytics_metadata = m.analytics()?,
                Member::UserContextData => f.user_context_data = m.context()?,
                Member::ClientMetadata => f.client_metadata = m.metadata()?,
                Member::Session => f.session = m.string(key)?,
                Member::UserPoolId => f.user_pool_id = m.required(key)?,
            }
        }
        Ok(Self { operation, fields: f })
    }

    /// Which operation.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Checks Cognito's member constraints, member by member in the API model's order, then the
    /// lengths of the free-form members.
    pub fn validate(&self) -> Result<(), CognitoError> {
        let f = &self.fields;
        for member in self.operation.members() {
            match member {
                Member::ClientId => validate::client_id(&f.client_id)?,
                Member::SecretHash => validate::secret_hash(f.secret_hash.as_deref())?,
                Member::Username => validate::username(&f.username)?,
                Member::ConfirmationCode => validate::confirmation_code(&f.confirmation_code)?,
                Member::Session => validate::session(f.session.as_deref())?,
                Member::UserPoolId => validate::user_pool_id(&f.user_pool_id)?,
                Member::ForceAliasCreation
                | Member::AnalyticsMetadata
                | Member::UserContextData
                | Member::ClientMetadata => {}
            }
        }
        validate::common(
            f.analytics_metadata.as_ref(),
            f.user_context_data.as_ref(),
            f.client_metadata.as_ref(),
        )
    }

    /// The JSON body, members in the order of the API model.
    pub fn to_json(&self) -> String {
        let f = &self.fields;
        let mut w = ObjectWriter::new();
        for &member in self.operation.members() {
            let key = member.name();
            match member {
                Member::ClientId => w.string(key, &f.client_id),
                Member::SecretHash => w.opt_string(key, f.secret_hash.as_deref()),
                Member::Username => w.string(key, &f.username),
                Member::ConfirmationCode => w.string(key, &f.confirmation_code),
                Member::ForceAliasCreation => w.opt_bool(key, f.force_alias_creation),
                Member::AnalyticsMetadata => {
                    w.opt_object(key, f.analytics_metadata.as_ref(), write_analytics)
                }
                Member::UserContextData => w.opt_object(key, f.user_context_data.as_ref(), write_context),
                Member::ClientMetadata => w.opt_object(key, f.client_metadata.as_ref(), write_metadata),
                Member::Session => w.opt_string(key, f.session.as_deref()),
                Member::UserPoolId => w.string(key, &f.user_pool_id),
            };
        }
        w.finish()
    }

    /// The `SecretHash` member, for operations that have one.
    pub fn secret_hash_slot(&mut self) -> Option<SecretHashSlot<'_>> {
        if !self.operation.has(Member::SecretHash) {
            return None;
        }
        let f = &mut self.fields;
        Some(SecretHashSlot {
            username: &f.username,
            client_id: &f.client_id,
            secret_hash: &mut f.secret_hash,
        })
    }

    /// The `UserPoolId` member, for operations that have one.
    pub fn user_pool_id(&self) -> Option<&str> {
        self.operation
            .has(Member::UserPoolId)
            .then_some(self.fields.user_pool_id.as_str())
    }

    /// Validates and builds the HTTP request (unsigned).
    pub fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, CognitoError> {
        self.validate()?;
        Ok(http_request(endpoint, self.operation, self.to_json()))
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
        Self::parse(&concat(&["https://cognito-idp.", region, ".amazonaws.com/"]))
    }

    /// An explicit URL. `https` always; plain `http` only to a loopback host (a local
    /// Cognito-compatible server), so credentials and codes never cross a network in clear.
    pub fn parse(url: &str) -> Result<Self, CognitoError> {
        let bad = |why: &str| {
            CognitoError::validation("endpoint", concat(&["Invalid endpoint \"", url, "\": ", why]))
        };
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(bad("it must start with https://"));
        };
        // Byte and char tests rather than `str` patterns, whose searchers are larger in the wasm.
        let end = rest
            .bytes()
            .position(|b| matches!(b, b'/' | b'?' | b'#'))
            .unwrap_or(rest.len());
        let (authority, tail) = rest.split_at_checked(end).unwrap_or((rest, ""));
        if authority.is_empty() || authority.chars().any(|c| c == '@' || c.is_whitespace()) {
            return Err(bad("it needs a host and no user name or spaces"));
        }
        if tail.bytes().any(|b| matches!(b, b'?' | b'#')) {
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
            Some(p) if p != default_port => concat(&[hostname, ":", p]),
            _ => hostname.to_owned(),
        };
        let path = if tail.is_empty() {
            "/".to_owned()
        } else {
            tail.to_owned()
        };
        let scheme = if https { "https" } else { "http" };
        Ok(Self {
            url: concat(&[scheme, "://", &host, &path]),
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
    let (host, port) = if let Some(rest) = authority.strip_prefix("[") {
        let close = rest.bytes().position(|b| b == b']')?;
        let host = authority.get(..close + 2)?;
        let after = rest.get(close + 1..)?;
        match after.strip_prefix(":") {
            Some(p) => (host, Some(p)),
            None if after.is_empty() => (host, None),
            None => return None,
        }
    } else {
        match split_once_byte(authority, b':') {
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

/// Whether `host` (lower-case, IPv6 in brackets, no port) names this machine: `localhost` and
/// its subdomains, `127.x.y.z`, `[::1]`.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let mut parts = split_byte(rest, b'.');
            (0..3).all(|_| parts.next().is_some_and(is_octet)) && parts.next().is_none()
        })
}

/// A decimal number from 0 to 255, in one to three digits (`"007"` too, as `u8::from_str`
/// takes it; no sign).
fn is_octet(text: &str) -> bool {
    (1..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.bytes().fold(0_u32, |n, b| n * 10 + u32::from(b - b'0')) <= 255
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
    Into::<Request>::into(request.clone()).build(endpoint)
}

fn http_request(endpoint: &Endpoint, operation: Operation, body: String) -> HttpRequest {
    HttpRequest {
        url: endpoint.url.clone(),
        headers: vec![
            ("Content-Type".into(), CONTENT_TYPE.into()),
            ("X-Amz-Target".into(), operation.target()),
        ],
        body,
    }
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
    decode_response::<R, _>(status, &json)
}

/// The untyped half of [`parse_response`], the same for every operation: the answer's JSON
/// object on 2xx, else the named error (a Cognito exception, or `InvalidResponseError`).
pub fn read_answer(status: u16, error_type_header: Option<&str>, body: &str) -> Result<Value, CognitoError> {
    answer_object(status, error_type_header, json::parse(body))
}

/// [`read_answer`] for a body already parsed (`None` when it is not JSON): the browser shell
/// parses with the browser's own `JSON.parse` and reads the result here.
pub fn answer_object<S: Source>(
    status: u16,
    error_type_header: Option<&str>,
    json: Option<S>,
) -> Result<S, CognitoError> {
    let object = json.filter(|v| v.keys().is_some());
    if !(200..300).contains(&status) {
        let error = object
            .as_ref()
            .and_then(|v| parse_error(status, error_type_header, v));
        return Err(error.unwrap_or_else(|| {
            CognitoError::invalid_response(
                status,
                concat(&[
                    "HTTP ",
                    &decimal(u64::from(status)),
                    " without a Cognito error in the body",
                ]),
            )
        }));
    }
    object.ok_or_else(|| {
        CognitoError::invalid_response(
            status,
            concat(&[
                "HTTP ",
                &decimal(u64::from(status)),
                " with a body that is not a JSON object",
            ]),
        )
    })
}

/// The typed half of [`parse_response`]: the operation's response from the answer's object.
pub fn decode_response<R: CognitoRequest, S: Source>(
    status: u16,
    json: &S,
) -> Result<R::Response, CognitoError> {
    R::Response::from_json(json).map_err(|why| {
        CognitoError::invalid_response(
            status,
            concat(&["Unexpected ", R::OPERATION.name(), " response: ", &why]),
        )
    })
}
