//! What goes over the wire: the HTTP request for a [`Request`] (headers, the JSON body the
//! caller serialized, Signature V4), and the reading of Cognito's answer into a typed response or
//! a named error. Builds and reads; never sends.

use serde::Deserialize;

use super::endpoint::Endpoint;
use super::error::{parse_error, CognitoError, ErrorBody};
use super::members::expected;
use super::protocol::{CognitoRequest, Request};
use super::sigv4::{sign_at, Credentials, SignableRequest, SigningParams, SigningTime};
use super::validate;

/// `Content-Type` of every Cognito call.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// Prefix of `X-Amz-Target`.
pub const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService";
/// Signature V4 signing name.
pub const SIGNING_NAME: &str = "cognito-idp";

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

impl Request {
    /// Validates the request and builds the HTTP request (unsigned) with `body`, the request
    /// serialized as JSON: by the browser's `JSON.stringify` in the browser shell, by any serde
    /// JSON serializer elsewhere (the members come in the order of the API model either way).
    pub fn build(&self, endpoint: &Endpoint, body: String) -> Result<HttpRequest, CognitoError> {
        self.validate()?;
        Ok(HttpRequest {
            url: endpoint.url().to_owned(),
            headers: vec![
                ("Content-Type".into(), CONTENT_TYPE.into()),
                ("X-Amz-Target".into(), self.operation().target()),
            ],
            body,
        })
    }
}

/// Validates `request` and builds the HTTP request (unsigned) with `body`, the request
/// serialized as JSON (see [`Request::build`]).
pub fn build_request<R: CognitoRequest>(
    endpoint: &Endpoint,
    request: &R,
    body: String,
) -> Result<HttpRequest, CognitoError> {
    Into::<Request>::into(request.clone()).build(endpoint, body)
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
    headers.push(("Host".into(), endpoint.host().to_owned()));
    let signed = sign_at(
        &SignableRequest {
            method: "POST",
            path: endpoint.path(),
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

/// Reads an answer of HTTP `status`: on 2xx, its JSON object; else the named error, the
/// Cognito exception its body names (or the `x-amzn-ErrorType` header, when the browser lets us
/// read it), or `InvalidResponseError`. `object` is the body parsed as JSON when it is an object,
/// and `error_body` reads the members that name an error from it.
pub fn read_answer<T>(
    status: u16,
    error_type_header: Option<&str>,
    object: Option<T>,
    error_body: impl FnOnce(T) -> Option<ErrorBody>,
) -> Result<T, CognitoError> {
    if !(200..300).contains(&status) {
        let body = object.and_then(error_body).unwrap_or_default();
        return Err(parse_error(status, error_type_header, &body).unwrap_or_else(|| {
            CognitoError::invalid_response(
                status,
                format!("HTTP {status} without a Cognito error in the body"),
            )
        }));
    }
    object.ok_or_else(|| {
        CognitoError::invalid_response(
            status,
            format!("HTTP {status} with a body that is not a JSON object"),
        )
    })
}

/// Reads the typed response of operation `R` from the answer's JSON object; extra members are
/// allowed, a member of the wrong type is an `InvalidResponseError`.
pub fn decode_response<'de, R: CognitoRequest, D: serde::Deserializer<'de>>(
    status: u16,
    object: D,
) -> Result<R::Response, CognitoError>
where
    R::Response: Deserialize<'de>,
{
    R::Response::deserialize(object).map_err(|e| {
        CognitoError::invalid_response(
            status,
            format!(
                "Unexpected {} response: a member must be {}",
                R::OPERATION.name(),
                expected(&e)
            ),
        )
    })
}
