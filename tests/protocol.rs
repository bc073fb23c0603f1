//! The sans-IO core on the host: exact requests, endpoints, answers and errors.
#![cfg(not(target_arch = "wasm32"))] // host tests
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use cognito_confirm::core::error::{parse_error, sanitize_error_code};
use cognito_confirm::core::protocol::{AnalyticsMetadata, UserContextData};
use cognito_confirm::core::wire::{decode_response, read_answer};
use cognito_confirm::core::{
    build_request, is_loopback, sign_request, AdminConfirmSignUpRequest, CognitoError, CognitoRequest,
    ConfirmSignUpRequest, Credentials, Endpoint, ErrorBody, ErrorKind, ErrorName, HttpRequest, Operation,
    Request, ResendConfirmationCodeRequest, Secret, SigningTime,
};
use serde::Serialize;
use serde_json::Value;

/// An error answer's body, read as the browser shell reads it.
fn error_body(text: &str) -> ErrorBody {
    serde_json::from_str(text).unwrap()
}

/// A request as JSON text, as the browser's `JSON.stringify` writes it: serde_json writes the
/// same bytes for these types (no spaces, members in declaration order, absent ones left out).
fn body(request: &impl Serialize) -> String {
    serde_json::to_string(request).unwrap()
}

/// Validates `request` and builds its HTTP request for eu-west-1.
fn build<R: CognitoRequest + Serialize>(request: &R) -> Result<HttpRequest, CognitoError> {
    build_request(&eu(), request, body(request))
}

/// Reads a request of `op` from JSON text the way the browser shell reads a JavaScript object:
/// the members checked by name, then read with serde (here serde_json, there
/// serde-wasm-bindgen).
fn read(op: Operation, text: &str) -> Result<Request, CognitoError> {
    let value: Value = serde_json::from_str(text).unwrap();
    Request::check_members(op, |member| {
        let object = match member {
            None => Some(&value),
            Some(member) => value.get(member),
        };
        object
            .and_then(Value::as_object)
            .map(|o| o.keys().cloned().collect())
    })?;
    Request::read(op, |member| match member {
        None => value.clone(),
        Some(member) => {
            let mut only = serde_json::Map::new();
            if let Some(v) = value.get(member) {
                only.insert(member.to_owned(), v.clone());
            }
            Value::Object(only)
        }
    })
}

/// Reads an answer as the browser shell does, with serde_json in place of `JSON.parse`.
fn parse_response<R: CognitoRequest>(
    status: u16,
    header: Option<&str>,
    text: &str,
) -> Result<R::Response, CognitoError> {
    let object = serde_json::from_str::<Value>(text).ok().filter(Value::is_object);
    let json = read_answer(status, header, object, |v| serde_json::from_value(v).ok())?;
    decode_response::<R, _>(status, json)
}

fn eu() -> Endpoint {
    Endpoint::for_region("eu-west-1").unwrap()
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn full_confirm() -> ConfirmSignUpRequest {
    ConfirmSignUpRequest {
        client_id: "7example1client2id3".into(),
        secret_hash: Some("c2VjcmV0aGFzaA==".into()),
        username: "alice".into(),
        confirmation_code: "123456".into(),
        force_alias_creation: Some(true),
        analytics_metadata: Some(AnalyticsMetadata {
            analytics_endpoint_id: Some("endpoint-1".into()),
        }),
        user_context_data: Some(UserContextData {
            ip_address: Some("192.0.2.1".into()),
            encoded_data: Some("ZW5jb2RlZA==".into()),
        }),
        client_metadata: Some(vec![
            ("b".to_owned(), "2".to_owned()),
            ("a".to_owned(), "1".to_owned()),
        ]),
        session: Some("s".repeat(20)),
    }
}

#[test]
fn confirm_sign_up_with_every_member_is_byte_exact() {
    let http = build(&full_confirm()).unwrap();
    assert_eq!(http.url, "https://cognito-idp.eu-west-1.amazonaws.com/");
    assert_eq!(
        http.headers,
        vec![
            ("Content-Type".to_owned(), "application/x-amz-json-1.1".to_owned()),
            (
                "X-Amz-Target".to_owned(),
                "AWSCognitoIdentityProviderService.ConfirmSignUp".to_owned()
            ),
        ]
    );
    assert_eq!(
        http.body,
        concat!(
            r#"{"ClientId":"7example1client2id3","SecretHash":"c2VjcmV0aGFzaA==","Username":"alice","#,
            r#""ConfirmationCode":"123456","ForceAliasCreation":true,"#,
            r#""AnalyticsMetadata":{"AnalyticsEndpointId":"endpoint-1"},"#,
            r#""UserContextData":{"IpAddress":"192.0.2.1","EncodedData":"ZW5jb2RlZA=="},"#,
            r#""ClientMetadata":{"b":"2","a":"1"},"Session":"ssssssssssssssssssss"}"#
        )
    );
}

#[test]
fn absent_members_are_omitted() {
    let request = ResendConfirmationCodeRequest {
        client_id: "abc".into(),
        username: "bob".into(),
        ..Default::default()
    };
    let http = build(&request).unwrap();
    assert_eq!(http.body, r#"{"ClientId":"abc","Username":"bob"}"#);
    assert_eq!(
        header(&http.headers, "x-amz-target"),
        Some("AWSCognitoIdentityProviderService.ResendConfirmationCode")
    );
    let admin = AdminConfirmSignUpRequest {
        user_pool_id: "eu-west-1_AbC123".into(),
        username: "bob".into(),
        client_metadata: None,
    };
    let http = build(&admin).unwrap();
    assert_eq!(http.body, r#"{"UserPoolId":"eu-west-1_AbC123","Username":"bob"}"#);
}

#[test]
fn non_ascii_text_is_sent_as_utf8_json() {
    let mut request = full_confirm();
    request.username = "zoë\"\\ünïcødé".into();
    let http = build(&request).unwrap();
    let parsed: Value = serde_json::from_str(&http.body).unwrap();
    assert_eq!(parsed["Username"], "zoë\"\\ünïcødé");
}

#[test]
fn requests_read_from_objects_refuse_unknown_members() {
    let ok = read(
        Operation::ConfirmSignUp,
        r#"{"ClientId":"a","Username":"b","ConfirmationCode":"1","ForceAliasCreation":false,
            "ClientMetadata":{"z":"1","a":"2"},"UserContextData":{"EncodedData":"x"},"Session":null}"#,
    )
    .unwrap();
    let Request::ConfirmSignUp(ok) = ok else {
        panic!("not a ConfirmSignUp request")
    };
    assert_eq!(ok.username, "b");
    assert_eq!(ok.force_alias_creation, Some(false));
    assert_eq!(ok.session, None, "null is absent");
    assert_eq!(
        ok.client_metadata,
        Some(vec![("z".into(), "1".into()), ("a".into(), "2".into())]),
        "ClientMetadata keeps the caller's order, as JSON.stringify does"
    );
    for (op, text, field, says) in [
        (
            Operation::ConfirmSignUp,
            r#"{"clientId":"a"}"#,
            "request",
            r#"unknown member "clientId""#,
        ),
        (
            Operation::AdminConfirmSignUp,
            r#"{"ClientId":"a"}"#,
            "request",
            r#"unknown member "ClientId""#,
        ),
        (
            Operation::ConfirmSignUp,
            r#"{"Username":5}"#,
            "Username",
            "Username must be a string",
        ),
        (
            Operation::ConfirmSignUp,
            r#"{"ForceAliasCreation":"yes"}"#,
            "ForceAliasCreation",
            "ForceAliasCreation must be a boolean",
        ),
        (
            Operation::ConfirmSignUp,
            r#"{"ClientMetadata":{"a":1}}"#,
            "ClientMetadata",
            "ClientMetadata must be an object of strings",
        ),
        (
            Operation::ConfirmSignUp,
            r#"{"ClientMetadata":[]}"#,
            "ClientMetadata",
            "ClientMetadata must be an object of strings",
        ),
        (
            Operation::ResendConfirmationCode,
            r#"{"UserContextData":{"ip":"x"}}"#,
            "UserContextData",
            "unknown member",
        ),
        (
            Operation::ResendConfirmationCode,
            r#"{"AnalyticsMetadata":"x"}"#,
            "AnalyticsMetadata",
            "AnalyticsMetadata must be an object",
        ),
        (
            Operation::ConfirmSignUp,
            r#"{"clientid":"a"}"#,
            "request",
            r#"Did you mean "ClientId"?"#,
        ),
        (
            Operation::ConfirmSignUp,
            "[]",
            "request",
            "ConfirmSignUp needs a request object",
        ),
        (
            Operation::ConfirmSignUp,
            r#""x""#,
            "request",
            "needs a request object",
        ),
    ] {
        let e = read(op, text).unwrap_err();
        assert_eq!(e.name, ErrorName::Validation, "{text}");
        assert_eq!(e.field, Some(field), "{text}");
        assert!(e.message.contains(says), "{text}: {}", e.message);
    }
}

#[test]
fn secrets_in_wrongly_typed_members_never_reach_the_error_text() {
    let e = read(
        Operation::ConfirmSignUp,
        r#"{"SecretHash":["hunter2-secret-hash"]}"#,
    )
    .unwrap_err();
    assert_eq!(e.field, Some("SecretHash"));
    assert!(!e.message.contains("hunter2"), "{}", e.message);
}

#[test]
fn endpoints() {
    assert_eq!(eu().url(), "https://cognito-idp.eu-west-1.amazonaws.com/");
    assert_eq!(eu().host(), "cognito-idp.eu-west-1.amazonaws.com");
    for (url, host) in [
        ("https://example.com", "example.com"),
        ("https://Example.COM:443/", "example.com"),
        ("https://example.com:8443/cognito/", "example.com:8443"),
        ("http://127.0.0.1:9229/", "127.0.0.1:9229"),
        ("http://localhost:9229", "localhost:9229"),
        ("http://[::1]:9229/", "[::1]:9229"),
        ("http://127.0.0.1:80/", "127.0.0.1"),
    ] {
        assert_eq!(Endpoint::parse(url).unwrap().host(), host, "{url}");
    }
    for bad in [
        "",
        "cognito-idp.eu-west-1.amazonaws.com",
        "ftp://example.com/",
        "http://example.com/",
        "http://10.0.0.1/",
        "http://127.0.0.1.evil.com/",
        "https://user:pw@example.com/",
        "https:///",
        "https://example.com:99999999/",
        "https://example.com/?x=1",
        "https://exa mple.com/",
    ] {
        let err = Endpoint::parse(bad).unwrap_err();
        assert_eq!(err.name, ErrorName::Validation, "{bad}");
        assert_eq!(err.field, Some("endpoint"));
    }
    for bad in ["", "EU-WEST-1", "eu-west-1/", "eu west 1", "-eu", "eu.evil.com#"] {
        assert!(Endpoint::for_region(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn error_codes_are_sanitised_like_the_aws_sdks() {
    for (raw, want) in [
        ("CodeMismatchException", "CodeMismatchException"),
        (
            "com.amazonaws.cognito#CodeMismatchException",
            "CodeMismatchException",
        ),
        (
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "FooError",
        ),
        ("FooError:http://internal.amazon.com/", "FooError"),
        ("ns.a#ns.b#FooError", "FooError"),
        (" FooError ", "FooError"),
    ] {
        assert_eq!(sanitize_error_code(raw), want, "{raw}");
    }
}

#[test]
fn error_bodies_and_headers() {
    let e = parse_error(
        400,
        None,
        &error_body(r#"{"__type": "a#CodeMismatchException", "message": "m"}"#),
    )
    .unwrap();
    assert_eq!(
        (e.name.as_str(), e.message.as_str(), e.status),
        ("CodeMismatchException", "m", 400)
    );
    let e = parse_error(
        400,
        None,
        &error_body(r#"{"code": "ExpiredCodeException", "Message": "M"}"#),
    )
    .unwrap();
    assert_eq!(
        (e.name.as_str(), e.message.as_str()),
        ("ExpiredCodeException", "M")
    );
    let e = parse_error(
        400,
        Some("UserNotFoundException:http://x"),
        &error_body(r#"{"__type": "Other"}"#),
    )
    .unwrap();
    assert_eq!(e.name, ErrorName::UserNotFound, "the header wins when readable");
    let e = parse_error(
        400,
        Some(""),
        &error_body(r#"{"__type": "AliasExistsException"}"#),
    )
    .unwrap();
    assert_eq!(e.name, ErrorName::AliasExists, "an empty header is ignored");
    let e = parse_error(
        400,
        None,
        &error_body(r#"{"__type": "SomethingNewException", "errorMessage": "x"}"#),
    )
    .unwrap();
    assert_eq!(e.name, ErrorName::Other("SomethingNewException".into()));
    assert_eq!(e.message, "x");
    assert!(parse_error(400, None, &error_body(r#"{"message": "no code"}"#)).is_none());
    assert!(parse_error(400, None, &error_body(r##"{"__type": "#"}"##)).is_none());
}

#[test]
fn every_exception_of_the_api_model_has_its_name() {
    let model: Value =
        serde_json::from_str(include_str!("data/confirm-operations.json")).expect("the API model");
    let mut seen = 0;
    for op in model["operations"].as_object().unwrap().values() {
        for error in op["errors"].as_array().unwrap() {
            let name = error["shape"].as_str().unwrap();
            let parsed = ErrorName::from_wire(name);
            assert!(!matches!(parsed, ErrorName::Other(_)), "{name} has no variant");
            assert_eq!(parsed.as_str(), name);
            let e = CognitoError::service(parsed, "x", 400);
            assert_ne!(e.kind, ErrorKind::Other, "{name} has no kind");
            seen += 1;
        }
    }
    assert!(seen >= 40, "all three operations' error lists were read");
}

fn kind(name: &str, message: &str, status: u16) -> (ErrorKind, bool) {
    let e = CognitoError::service(ErrorName::from_wire(name), message, status);
    (e.kind, e.retryable())
}

#[test]
fn kinds_and_retryability() {
    use ErrorKind::*;
    let table = [
        ("LimitExceededException", "Attempt limit exceeded, please try after some time.", 400, AttemptLimit, false),
        (
            "LimitExceededException",
            "Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.",
            400,
            EmailQuota,
            false,
        ),
        ("LimitExceededException", "Something else", 400, LimitExceeded, false),
        ("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED", 400, AlreadyConfirmed, false),
        ("NotAuthorizedException", "Unable to verify secret hash for client 7example", 400, SecretHash, false),
        (
            "NotAuthorizedException",
            "Client 7example is configured with secret but SECRET_HASH was not received",
            400,
            SecretHash,
            false,
        ),
        ("NotAuthorizedException", "User is disabled.", 400, NotAuthorized, false),
        ("InvalidParameterException", "User is already confirmed.", 400, AlreadyConfirmed, false),
        ("InvalidParameterException", "1 validation error detected", 400, InvalidParameter, false),
        ("CodeMismatchException", "Invalid verification code provided, please try again.", 400, CodeMismatch, false),
        ("ExpiredCodeException", "Invalid code provided, please request a code again.", 400, ExpiredCode, false),
        ("TooManyRequestsException", "Too many requests", 400, Throttled, true),
        ("TooManyFailedAttemptsException", "x", 400, TooManyFailedAttempts, false),
        ("InternalErrorException", "Internal error", 500, Service, true),
        ("ThrottlingException", "Rate exceeded", 400, Throttled, true),
        ("InvalidSignatureException", "Signature expired", 400, Signature, false),
        ("UnrecognizedClientException", "The security token included in the request is invalid.", 400, Signature, false),
        ("SomethingNew", "x", 503, Service, true),
        ("SomethingNew", "x", 429, Throttled, true),
        ("SomethingNew", "x", 400, Other, false),
    ];
    for (name, message, status, want_kind, want_retry) in table {
        assert_eq!(
            kind(name, message, status),
            (want_kind, want_retry),
            "{name}: {message}"
        );
    }
    assert!(CognitoError::network("x").retryable());
    assert!(CognitoError::timeout(10).retryable());
    assert!(
        !CognitoError::timeout(10).auto_retry(),
        "a timed-out call may have been applied"
    );
    assert!(!CognitoError::validation("Username", "x").retryable());
    assert!(CognitoError::invalid_response(502, "x").retryable());
    assert!(!CognitoError::invalid_response(200, "x").retryable());
    assert!(CognitoError::invalid_response(429, "throttled without a body").auto_retry());
    assert!(!CognitoError::service(ErrorName::LimitExceeded, "Attempt limit exceeded", 400).auto_retry());
}

#[test]
fn answers() {
    type C = ConfirmSignUpRequest;
    assert_eq!(parse_response::<C>(200, None, "{}").unwrap().session, None);
    let r = parse_response::<C>(200, None, r#"{"Session":"abc","$extra":1}"#).unwrap();
    assert_eq!(r.session.as_deref(), Some("abc"));
    let r = parse_response::<ResendConfirmationCodeRequest>(
        200,
        None,
        r#"{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
    )
    .unwrap();
    let d = r.code_delivery_details.unwrap();
    assert_eq!(d.destination.as_deref(), Some("a***@e***.com"));
    assert_eq!(d.delivery_medium.as_deref(), Some("EMAIL"));

    for (status, body) in [
        (502, "<html><body>Bad Gateway</body></html>"),
        (200, "<html></html>"),
        (200, r#"{"Session":"#),
        (200, "[]"),
        (200, "null"),
        (200, r#"{"Session":42}"#),
        (400, r#"{"message":"no type"}"#),
        (500, ""),
    ] {
        let e = parse_response::<C>(status, None, body).unwrap_err();
        assert_eq!(e.name, ErrorName::InvalidResponse, "{status} {body}");
        assert_eq!(e.status, status);
        assert_eq!(e.retryable(), status >= 500, "{status} {body}");
    }
    let e = parse_response::<C>(
        400,
        None,
        r#"{"__type":"CodeMismatchException","message":"<b>x</b>"}"#,
    )
    .unwrap_err();
    assert_eq!(e.name, ErrorName::CodeMismatch);
    assert_eq!(
        e.message, "<b>x</b>",
        "the server message is kept as text, never interpreted"
    );
}

#[test]
fn validation_tables() {
    let base = ConfirmSignUpRequest {
        client_id: "7example1client2id3".into(),
        username: "alice".into(),
        confirmation_code: "123456".into(),
        ..Default::default()
    };
    base.validate().unwrap();
    let long = "x".repeat(129);
    type Mutation = Box<dyn Fn(&mut ConfirmSignUpRequest)>;
    let cases: Vec<(&str, Mutation)> = vec![
        ("ClientId", Box::new(|r| r.client_id.clear())),
        ("ClientId", Box::new(|r| r.client_id = "bad id".into())),
        ("ClientId", Box::new(|r| r.client_id = "a-b".into())),
        ("ClientId", Box::new(move |r| r.client_id = "a".repeat(129))),
        ("Username", Box::new(|r| r.username.clear())),
        ("Username", Box::new(|r| r.username = "   ".into())),
        ("Username", Box::new(|r| r.username = "al ice".into())),
        ("Username", Box::new(|r| r.username = "al\u{0}ice".into())),
        ("Username", Box::new(|r| r.username = "al\u{200B}ice".into())),
        ("Username", Box::new(|r| r.username = "al\u{202E}ice".into())),
        ("Username", Box::new(move |r| r.username = long.clone())),
        ("ConfirmationCode", Box::new(|r| r.confirmation_code.clear())),
        (
            "ConfirmationCode",
            Box::new(|r| r.confirmation_code = "12 34".into()),
        ),
        (
            "ConfirmationCode",
            Box::new(|r| r.confirmation_code = "12\u{7}34".into()),
        ),
        (
            "ConfirmationCode",
            Box::new(|r| r.confirmation_code = "1".repeat(5000)),
        ),
        ("SecretHash", Box::new(|r| r.secret_hash = Some(String::new()))),
        (
            "SecretHash",
            Box::new(|r| r.secret_hash = Some("not base64!".into())),
        ),
        ("Session", Box::new(|r| r.session = Some("short".into()))),
        (
            "ClientMetadata",
            Box::new(|r| r.client_metadata = Some(vec![("k".into(), "v".repeat(131_073))])),
        ),
    ];
    for (field, mutate) in cases {
        let mut r = base.clone();
        mutate(&mut r);
        let e = r.validate().unwrap_err();
        assert_eq!(e.name, ErrorName::Validation);
        assert_eq!(e.field, Some(field), "{e}");
        assert!(build(&r).is_err(), "nothing is built from bad input");
    }
    // Letters, marks, symbols, numbers and punctuation are fine in usernames.
    for ok in ["zoë", "名前", "user+tag@example.com", "مستخدم", "😀", "a.b-c_d"] {
        let mut r = base.clone();
        r.username = ok.into();
        r.validate().unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    let admin = |pool: &str| AdminConfirmSignUpRequest {
        user_pool_id: pool.into(),
        username: "a".into(),
        client_metadata: None,
    };
    admin("eu-west-1_AbC123").validate().unwrap();
    admin("local_5BhqPM3X").validate().unwrap();
    for bad in [
        "",
        "eu-west-1",
        "_abc",
        "eu-west-1_",
        "eu-west-1_ab-c",
        "x".repeat(56).as_str(),
    ] {
        assert_eq!(
            admin(bad).validate().unwrap_err().field,
            Some("UserPoolId"),
            "{bad}"
        );
    }
}

#[test]
fn clock_skew_errors_give_the_servers_time() {
    let e = CognitoError::service(
        ErrorName::from_wire("InvalidSignatureException"),
        "Signature expired: 20261123T100000Z is now earlier than 20261123T115500Z (20261123T120000Z - 5 min.)",
        400,
    );
    assert_eq!(
        e.skew_server_time(),
        SigningTime::parse_amz_date("20261123T120000Z")
    );
    let e = CognitoError::service(
        ErrorName::from_wire("InvalidSignatureException"),
        "Signature not yet current: 20261123T130000Z is still later than 20261123T120500Z (20261123T120000Z + 5 min.)",
        400,
    );
    assert_eq!(
        e.skew_server_time(),
        SigningTime::parse_amz_date("20261123T120000Z")
    );
    let other = CognitoError::service(ErrorName::CodeMismatch, "(20261123T120000Z)", 400);
    assert_eq!(other.skew_server_time(), None);
}

#[test]
fn debug_output_never_shows_secrets() {
    let credentials = Credentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        session_token: Some(Secret::new("SESSIONTOKENVALUE")),
    };
    let shown = format!("{credentials:?} {:?}", full_confirm().user_context_data);
    for secret in ["wJalrXUtnFEMI", "SESSIONTOKENVALUE", "ZW5jb2RlZA=="] {
        assert!(!shown.contains(secret), "{shown}");
    }
}

#[test]
fn signing_adds_date_token_and_authorization() {
    let admin = AdminConfirmSignUpRequest {
        user_pool_id: "eu-west-1_AbC123".into(),
        username: "bob".into(),
        client_metadata: None,
    };
    let mut http = build(&admin).unwrap();
    let credentials = Credentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: Secret::new("secret"),
        session_token: Some(Secret::new("token")),
    };
    let time = SigningTime::parse_amz_date("20261123T120000Z").unwrap();
    sign_request(&mut http, &eu(), &credentials, "eu-west-1", time).unwrap();
    assert_eq!(header(&http.headers, "x-amz-date"), Some("20261123T120000Z"));
    assert_eq!(header(&http.headers, "x-amz-security-token"), Some("token"));
    let auth = header(&http.headers, "authorization").unwrap();
    assert!(auth.starts_with(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/cognito-idp/aws4_request, \
         SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature="
    ));
    assert!(
        header(&http.headers, "host").is_none(),
        "the browser sets Host itself"
    );
    let bad = Credentials {
        access_key_id: String::new(),
        ..credentials
    };
    assert_eq!(
        sign_request(&mut http, &eu(), &bad, "eu-west-1", time)
            .unwrap_err()
            .field,
        Some("credentials")
    );
}

#[test]
fn loopback_hosts() {
    for host in [
        "localhost",
        "app.localhost",
        "[::1]",
        "127.0.0.1",
        "127.1.2.255",
        "127.0.0.001",
    ] {
        assert!(is_loopback(host), "{host}");
    }
    for host in [
        "",
        "127.0.0",
        "127.0.0.1.2",
        "127.0.0.256",
        "127.0..1",
        "127.0.0.1.evil.com",
        "127.0.0.x",
        "127.0.0.+1",
        "127.0.0.0255",
        "128.0.0.1",
        "localhost.evil.com",
        "::1",
    ] {
        assert!(!is_loopback(host), "{host}");
    }
}

#[test]
fn amz_dates_are_read_strictly() {
    let time = SigningTime::parse_amz_date("20261123T120000Z").unwrap();
    assert_eq!(time.amz_date(), "20261123T120000Z");
    assert_eq!(time.date_stamp(), "20261123");
    for bad in [
        "",
        "20261123T120000",
        "20261123 120000Z",
        "+0261123T120000Z",
        "2026-123T120000Z",
        "20261323T120000Z",
        "20261100T120000Z",
        "20261123T240000Z",
        "20261123T126000Z",
        "20261123T12000aZ",
        "20261123T120000Z0",
    ] {
        assert_eq!(SigningTime::parse_amz_date(bad), None, "{bad}");
    }
}

#[test]
fn typed_requests_convert_to_request() {
    let confirm = full_confirm();
    let request = Request::from(confirm.clone());
    assert_eq!(request.operation(), Operation::ConfirmSignUp);
    assert_eq!(
        body(&request),
        body(&confirm),
        "a Request serializes as the request it holds"
    );
    assert_eq!(request.user_pool_id(), None);
    let admin = AdminConfirmSignUpRequest {
        user_pool_id: "eu-west-1_AbCdEf123".into(),
        username: "alice".into(),
        client_metadata: None,
    };
    let mut request = Request::from(admin);
    assert_eq!(request.operation(), Operation::AdminConfirmSignUp);
    assert_eq!(request.user_pool_id(), Some("eu-west-1_AbCdEf123"));
    assert!(request.secret_hash_slot().is_none());
    for op in [
        Operation::ConfirmSignUp,
        Operation::ResendConfirmationCode,
        Operation::AdminConfirmSignUp,
    ] {
        assert!(op.members().contains(&"Username"), "{op:?}");
    }
    assert_eq!(
        Operation::AdminConfirmSignUp.members(),
        ["UserPoolId", "Username", "ClientMetadata"]
    );
}
