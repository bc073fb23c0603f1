//! Sends core-built requests with gloo-net: timeout, safe retries, clock-skew re-signing, and
//! every failure mapped to a `CognitoError`.

use std::borrow::Cow;
use std::cell::Cell;

use gloo_net::http::{Method, RequestBuilder, Response};
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use serde::Deserialize;

use super::js;
use crate::core::members;
use crate::core::wire::{decode_response, read_answer};
use crate::core::{is_loopback, EndpointOptions};
use crate::core::{
    sign_request, CognitoError, CognitoRequest, Credentials, Endpoint, HttpRequest, Operation, Request,
    Secret, SigningTime,
};

/// Whether this build signs (`AdminConfirmSignUp`): the cargo feature `admin`. Where it is
/// false, the signing code below is compiled but unreachable, and leaves the module. It is
/// tested where that code is used (signing, re-signing after a skew) rather than once in `send`:
/// the compiler does not carry a decision made there into the async body, and the signing code
/// would stay in the headless build.
pub(crate) const SIGNS: bool = cfg!(feature = "admin");

/// Default `timeoutMs`.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// At most this many retries after the first attempt.
const MAX_RETRIES: u32 = 2;

/// A successful answer: Cognito's JSON object, parsed and as sent.
#[derive(Clone, Debug)]
pub struct Answer {
    /// The HTTP status (2xx).
    pub status: u16,
    /// The object, parsed by the browser's `JSON.parse`.
    pub json: JsValue,
    /// The body as Cognito sent it.
    pub text: String,
}

impl Answer {
    /// The typed response of operation `R`.
    pub fn decode<R: CognitoRequest>(&self) -> Result<R::Response, CognitoError> {
        decode_response::<R, _>(
            self.status,
            serde_wasm_bindgen::Deserializer::from(self.json.clone()),
        )
    }

    /// Reads an answer: Cognito's JSON object on 2xx, else the named error. The body is parsed
    /// with the browser's `JSON.parse`.
    fn read(status: u16, error_type: Option<&str>, text: String) -> Result<Self, CognitoError> {
        let object = js_sys::JSON::parse(&text).ok().filter(js::is_plain_object);
        let json = read_answer(status, error_type, object, |v| {
            serde_wasm_bindgen::from_value(v).ok()
        })?;
        Ok(Self { status, json, text })
    }
}

/// The client options of the JavaScript API, as the caller's object spells them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct ClientOptions {
    region: Option<String>,
    endpoint: Option<String>,
    client_secret: Option<String>,
    /// A `(username, clientId) => string | Promise<string>` function, kept as it is.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    secret_hash: JsValue,
    credentials: Option<CredentialsOptions>,
    timeout_ms: Option<f64>,
    use_fips_endpoint: Option<bool>,
    use_dualstack_endpoint: Option<bool>,
}

/// `credentials`: AWS keys for `AdminConfirmSignUp`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct CredentialsOptions {
    access_key_id: Option<String>,
    secret_access_key: Option<String>,
    session_token: Option<String>,
}

impl std::fmt::Debug for CredentialsOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CredentialsOptions([redacted])")
    }
}

impl ClientOptions {
    /// The option keys, as the caller spells them.
    pub(crate) fn known() -> &'static [&'static str] {
        members::fields_of::<Self>()
    }

    /// Reads the options from a snapshot whose keys were checked. The keys of `credentials`
    /// are not: credentials objects from the AWS SDKs carry more (`expiration`, `$source`, …),
    /// and a misspelt key leaves a key missing, which is refused by name when signing.
    pub(crate) fn read(snapshot: &JsValue) -> Result<Self, CognitoError> {
        js::read(snapshot, "options")
    }
}

/// `value` of option `key` as a whole number within `range`.
pub(crate) fn whole(
    key: &'static str,
    value: Option<f64>,
    range: std::ops::RangeInclusive<u32>,
) -> Result<Option<u32>, CognitoError> {
    let Some(n) = value else { return Ok(None) };
    if n.fract() != 0.0 || n < f64::from(*range.start()) || n > f64::from(*range.end()) {
        return Err(CognitoError::validation(
            key,
            format!(
                "{key} must be a whole number from {} to {}",
                range.start(),
                range.end()
            ),
        ));
    }
    // In range, so the cast is exact.
    Ok(Some(n as u32))
}

/// Where a `SecretHash` comes from when the request has none.
#[derive(Clone, Debug, Default)]
pub enum SecretHashSource {
    /// The app client has no secret.
    #[default]
    None,
    /// Computed in the page from the client secret.
    Inline(Secret),
    /// `(username, clientId) => string | Promise<string>`, typically asking a server.
    Provider(Function),
}

/// The client options of CONTRACT.md: endpoint, signing region, secret hash, credentials,
/// timeout.
#[derive(Clone, Debug)]
pub struct Client {
    /// Where requests go.
    pub endpoint: Endpoint,
    /// The Signature V4 region (also the endpoint's region when no endpoint is given).
    pub region: Option<String>,
    /// How to fill `SecretHash`.
    pub secret_hash: SecretHashSource,
    /// Credentials for `AdminConfirmSignUp`.
    pub credentials: Option<Credentials>,
    /// Per-attempt timeout.
    pub timeout_ms: u32,
    /// Seconds to add to the local clock when signing, learnt from a skew error.
    clock_offset: Cell<i64>,
}

impl Client {
    /// A client for `endpoint` with defaults for the rest.
    pub fn new(endpoint: Endpoint) -> Self {
        Self {
            endpoint,
            region: None,
            secret_hash: SecretHashSource::None,
            credentials: None,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            clock_offset: Cell::new(0),
        }
    }

    /// Reads the client options from a snapshot of the caller's object (see
    /// [`ClientOptions::read`]).
    pub(crate) fn from_options(options: ClientOptions) -> Result<Self, CognitoError> {
        let endpoint = Endpoint::resolve(&EndpointOptions {
            region: options.region.as_deref(),
            endpoint: options.endpoint.as_deref(),
            use_fips_endpoint: options.use_fips_endpoint.unwrap_or(false),
            use_dualstack_endpoint: options.use_dualstack_endpoint.unwrap_or(false),
        })?;
        let provider = options.secret_hash;
        let secret_hash = if let Some(provider) = provider.dyn_ref::<Function>() {
            SecretHashSource::Provider(provider.clone())
        } else if !provider.is_undefined() && !provider.is_null() {
            return Err(CognitoError::validation(
                "secretHash",
                "secretHash must be a function",
            ));
        } else {
            match options.client_secret {
                Some(secret) if !secret.is_empty() => {
                    warn_inline_secret_once();
                    SecretHashSource::Inline(Secret::new(secret))
                }
                _ => SecretHashSource::None,
            }
        };
        // Only a build that signs keeps `credentials`.
        let credentials = options.credentials.filter(|_| SIGNS).map(|c| Credentials {
            access_key_id: c.access_key_id.unwrap_or_default(),
            secret_access_key: Secret::new(c.secret_access_key.unwrap_or_default()),
            session_token: c.session_token.map(Secret::new),
        });
        let timeout_ms = whole("timeoutMs", options.timeout_ms, 1..=600_000)?.unwrap_or(DEFAULT_TIMEOUT_MS);
        Ok(Self {
            region: options.region,
            secret_hash,
            credentials,
            timeout_ms,
            ..Self::new(endpoint)
        })
    }

    /// Reads the client options of the Promise API from the caller's object: a misspelt key or
    /// a member of the wrong type is a `ValidationError` naming it.
    pub fn from_js(options: &JsValue) -> Result<Self, CognitoError> {
        let options = js::snapshot(options, "options", 2)?;
        js::check_keys(&options, "options", ClientOptions::known())?;
        Self::from_options(ClientOptions::read(&options)?)
    }

    /// Fills `SecretHash` (when the operation has one) and sends: what every caller wants.
    pub async fn call(&self, mut request: Request) -> Result<Answer, CognitoError> {
        self.fill_secret_hash(&mut request).await?;
        self.send(&request).await
    }

    /// Fills `SecretHash` unless the request has one: provider first, then the inline secret.
    async fn fill_secret_hash(&self, request: &mut Request) -> Result<(), CognitoError> {
        let Some(slot) = request.secret_hash_slot() else {
            return Ok(());
        };
        if slot.secret_hash.is_some() {
            return Ok(());
        }
        match &self.secret_hash {
            SecretHashSource::None => {}
            SecretHashSource::Inline(secret) => slot.fill(secret),
            SecretHashSource::Provider(provider) => {
                let hash = call_provider(provider, slot.username, slot.client_id).await?;
                *slot.secret_hash = Some(hash);
            }
        }
        Ok(())
    }

    /// Sends `request`: attempts, retries and the clock-skew re-sign. Resolves to Cognito's
    /// JSON object (a 2xx answer); every failure is a named error.
    pub async fn send(&self, request: &Request) -> Result<Answer, CognitoError> {
        let body = js_sys::JSON::stringify(&js::to_js(request))
            .ok()
            .and_then(|b| b.as_string())
            .unwrap_or_default();
        let unsigned = request.build(&self.endpoint, body)?;
        let operation = request.operation();
        let signing = if operation.signed() {
            Some(self.signing(operation, request.user_pool_id())?)
        } else {
            None
        };
        let mut retries = 0;
        let mut skew_corrected = false;
        let mut delay_ms = 0;
        loop {
            // Each signed attempt is signed now, on a copy; an unsigned one sends the request.
            let mut http = Cow::Borrowed(&unsigned);
            if let Some((credentials, region)) = signing.as_ref().filter(|_| SIGNS) {
                let time = SigningTime(now_seconds() + self.clock_offset.get());
                sign_request(http.to_mut(), &self.endpoint, credentials, region, time)?;
            }
            let outcome = match self.fetch(&http, delay_ms).await {
                Ok((status, error_type, text)) => Answer::read(status, error_type.as_deref(), text),
                Err(e) => Err(e),
            };
            let error = match outcome {
                Ok(ok) => return Ok(ok),
                Err(e) => e,
            };
            if SIGNS && signing.is_some() && !skew_corrected {
                if let Some(server) = error.skew_server_time() {
                    self.clock_offset.set(server.0 - now_seconds());
                    skew_corrected = true;
                    delay_ms = 0;
                    continue;
                }
            }
            if retries >= MAX_RETRIES || !error.auto_retry() {
                return Err(error);
            }
            delay_ms = backoff_ms(retries);
            retries += 1;
        }
    }

    /// Credentials and region for a signed operation: the `region` option, else the prefix of
    /// the request's `UserPoolId`. Without the admin feature, a named error before anything is
    /// sent.
    fn signing(
        &self,
        operation: Operation,
        user_pool_id: Option<&str>,
    ) -> Result<(&Credentials, String), CognitoError> {
        if !SIGNS {
            return Err(CognitoError::validation(
                "credentials",
                [operation.name(), " needs the admin feature of this build"].concat(),
            ));
        }
        let credentials = self.credentials.as_ref().ok_or_else(|| {
            CognitoError::validation("credentials", [operation.name(), " needs credentials"].concat())
        })?;
        let region = match &self.region {
            Some(region) => region.clone(),
            None => user_pool_id
                .and_then(|pool| pool.split_once('_'))
                .map(|(region, _)| region.to_owned())
                .ok_or_else(|| {
                    CognitoError::validation("region", "region is required to sign the request")
                })?,
        };
        Ok((credentials, region))
    }

    /// One attempt after `delay_ms`: `(status, x-amzn-ErrorType if sent, body text)`. The
    /// request is built and the answer read with gloo-net, and the attempt is aborted after the
    /// timeout through an `AbortSignal`.
    async fn fetch(
        &self,
        http: &HttpRequest,
        delay_ms: i32,
    ) -> Result<(u16, Option<String>, String), CognitoError> {
        if delay_ms > 0 {
            sleep(delay_ms).await;
        }
        let signal = web_sys::AbortSignal::timeout_with_u32(self.timeout_ms);
        let mut builder = RequestBuilder::new(&http.url)
            .method(Method::POST)
            .abort_signal(Some(&signal));
        for (name, value) in &http.headers {
            builder = builder.header(name, value);
        }
        let request = builder
            .body(http.body.as_str())
            .map_err(|e| self.fetch_error(&e))?;
        let response = send(request).await.map_err(|e| self.fetch_error(&e))?;
        let text = response.text().await.map_err(|e| self.fetch_error(&e))?;
        Ok((
            response.status(),
            response.headers().get("x-amzn-ErrorType"),
            text,
        ))
    }

    /// A failed fetch: the timeout's `TimeoutError` (or an abort), else a network failure
    /// (offline, DNS, CORS: the browser does not say which).
    fn fetch_error(&self, error: &gloo_net::Error) -> CognitoError {
        match error {
            gloo_net::Error::JsError(e) if e.name == "TimeoutError" || e.name == "AbortError" => {
                CognitoError::timeout(self.timeout_ms)
            }
            gloo_net::Error::JsError(e) => {
                CognitoError::network(["Cognito could not be reached: ", &e.message].concat())
            }
            gloo_net::Error::GlooError(message) => {
                CognitoError::network(["Cognito could not be reached: ", message].concat())
            }
            // gloo-net's JSON error (its feature `json`, which Leptos turns on in the form's
            // build): only its JSON helpers, which the transport does not use, fail this way. Not
            // displayed: that would link serde_json's and std::io's error texts into the module.
            #[allow(unreachable_patterns)]
            _ => CognitoError::network("Cognito could not be reached"),
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The page's `fetch`, looked up at each call so that a page that wraps it is used. Bound
    /// here with `catch` rather than through gloo-net's `send()`, which panics when a wrapper
    /// resolves to something other than a `Response` or rejects with something other than an
    /// `Error`: here those are network errors.
    #[wasm_bindgen(catch, js_name = fetch)]
    fn fetch_request(request: &web_sys::Request) -> Result<Promise, JsValue>;
    /// `setTimeout`, in a page or a worker alike.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
}

/// Sends `request` with the page's `fetch`, as gloo-net's `send()` does, but with every failure
/// an error.
async fn send(request: gloo_net::http::Request) -> Result<Response, gloo_net::Error> {
    let not_sent = |e: JsValue| gloo_net::Error::GlooError(js::describe(&e));
    let request = web_sys::Request::from(request);
    let answer = JsFuture::from(fetch_request(&request).map_err(not_sent)?)
        .await
        .map_err(|e| match e.dyn_into::<js_sys::Error>() {
            Ok(error) => gloo_net::Error::JsError(error.into()),
            Err(other) => not_sent(other),
        })?;
    answer
        .dyn_into::<web_sys::Response>()
        .map(Response::from)
        .map_err(|_| {
            gloo_net::Error::GlooError("fetch() resolved to something that is not a Response".into())
        })
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let wait = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    let _ = JsFuture::from(wait).await;
}

/// The host name of the page (or worker) the module runs in, `""` where there is none.
fn page_host() -> String {
    js::get(&js_sys::global(), "location")
        .and_then(|location| js::get(&location, "hostname"))
        .and_then(|host| host.as_string())
        .unwrap_or_default()
}

/// Warns once per page when a client secret is used in the page outside a loopback host: the
/// secret is then readable by anyone who loads the page.
fn warn_inline_secret_once() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static WARNED: AtomicBool = AtomicBool::new(false);
    let host = page_host();
    if !is_loopback(&host) && !WARNED.swap(true, Ordering::Relaxed) {
        web_sys::console::warn_1(&JsValue::from_str(
            "cognito-confirm: clientSecret is used in the page, where anyone can read it. \
             Compute SecretHash on your server and pass it with the secretHash option instead.",
        ));
    }
}

async fn call_provider(provider: &Function, username: &str, client_id: &str) -> Result<String, CognitoError> {
    let fail = |why: String| {
        CognitoError::validation("secretHash", ["The secretHash provider failed: ", &why].concat())
    };
    let value = provider
        .call2(
            &JsValue::NULL,
            &JsValue::from_str(username),
            &JsValue::from_str(client_id),
        )
        .map_err(|e| fail(js::describe(&e)))?;
    let value = match value.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| fail(js::describe(&e)))?,
        Err(value) => value,
    };
    value
        .as_string()
        .ok_or_else(|| fail("it must return a string or a Promise of a string".to_owned()))
}

fn now_seconds() -> i64 {
    // Date.now() is milliseconds since the epoch and fits i64 exactly.
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// Full jitter: a random wait in [0, 100 ms · 2^retry].
fn backoff_ms(retry: u32) -> i32 {
    let cap = 100.0 * f64::from(1u32 << retry.min(6));
    (js_sys::Math::random() * cap) as i32
}
