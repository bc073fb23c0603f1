//! InitiateAuth `USER_AUTH`, the sign-in that follows a confirmation: the request the core builds
//! against the one the AWS SDK for JavaScript v3 builds for the same input, byte for byte
//! (`tests/reference/sdk_request.mjs`, run live), SECRET_HASH filled like SecretHash, and the
//! checks made before anything is sent.
#![cfg(not(target_arch = "wasm32"))] // host tests
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::process::Command;

use cognito_confirm::core::protocol::{AnalyticsMetadata, UserContextData};
use cognito_confirm::core::{
    secret_hash, AuthParameters, CognitoRequest, Endpoint, ErrorKind, ErrorName, InitiateAuthRequest,
    InitiateAuthResponse, Operation, Request, Secret,
};
use serde_json::Value;

const CLIENT_ID: &str = "7example1client2id3";
const SESSION: &str = "AYABeC0nfirmSignUpSessionFromCognito0123456789";

/// What the AWS SDK v3 sends for `InitiateAuth` with `input`.
fn sdk(input: &Value) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/sdk_request.mjs");
    let out = Command::new("node")
        .args([script, "InitiateAuth", &input.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("node is needed (run scripts/bootstrap.sh): {e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn full_request() -> InitiateAuthRequest {
    InitiateAuthRequest {
        auth_flow: "USER_AUTH".into(),
        auth_parameters: AuthParameters {
            username: "zoë".into(),
            secret_hash: Some("c2VjcmV0aGFzaA==".into()),
            preferred_challenge: Some("EMAIL_OTP".into()),
        },
        client_metadata: Some(vec![
            ("source".into(), "sign-up".into()),
            ("ünï".into(), "cødé".into()),
        ]),
        client_id: CLIENT_ID.into(),
        analytics_metadata: Some(AnalyticsMetadata {
            analytics_endpoint_id: Some("endpoint-1".into()),
        }),
        user_context_data: Some(UserContextData {
            ip_address: Some("192.0.2.1".into()),
            encoded_data: Some("ZW5jb2RlZA==".into()),
        }),
        session: Some(SESSION.into()),
    }
}

/// The sign-in the form sends: USERNAME and the confirmation's Session, nothing else.
fn minimal_request() -> InitiateAuthRequest {
    InitiateAuthRequest {
        auth_flow: "USER_AUTH".into(),
        auth_parameters: AuthParameters {
            username: "alice".into(),
            ..Default::default()
        },
        client_id: CLIENT_ID.into(),
        session: Some(SESSION.into()),
        ..Default::default()
    }
}

/// The core's request for `request`, as the browser shell builds it (its body: the request as
/// JSON, members in the API model's order).
fn ours(request: &InitiateAuthRequest) -> (String, Vec<(String, String)>, String) {
    let body = serde_json::to_string(request).unwrap();
    let http = Request::from(request.clone())
        .build(&Endpoint::for_region("eu-west-1").unwrap(), body)
        .unwrap();
    (http.url, http.headers, http.body)
}

#[test]
fn the_request_is_the_aws_sdks_byte_for_byte() {
    for request in [full_request(), minimal_request()] {
        let (url, headers, body) = ours(&request);
        let theirs = sdk(&serde_json::from_str(&body).unwrap());
        assert_eq!(body, theirs["body"].as_str().unwrap(), "the same bytes");
        assert_eq!(url, theirs["url"].as_str().unwrap());
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .unwrap()
                .1
                .clone()
        };
        assert_eq!(header("X-Amz-Target"), theirs["target"].as_str().unwrap());
        assert_eq!(
            header("X-Amz-Target"),
            "AWSCognitoIdentityProviderService.InitiateAuth"
        );
        assert_eq!(header("Content-Type"), theirs["contentType"].as_str().unwrap());
    }
}

#[test]
fn secret_hash_fills_auth_parameters_like_secret_hash() {
    let secret = Secret::new("client-secret-value");
    let mut request = Request::from(minimal_request());
    request.secret_hash_slot().unwrap().fill(&secret);
    let Request::InitiateAuth(filled) = &request else {
        panic!()
    };
    let expected = secret_hash("alice", CLIENT_ID, &secret);
    assert_eq!(
        filled.auth_parameters.secret_hash.as_deref(),
        Some(expected.as_str())
    );
    // An explicit SECRET_HASH wins.
    let mut explicit = Request::from(full_request());
    explicit.secret_hash_slot().unwrap().fill(&secret);
    let Request::InitiateAuth(kept) = &explicit else {
        panic!()
    };
    assert_eq!(
        kept.auth_parameters.secret_hash.as_deref(),
        Some("c2VjcmV0aGFzaA==")
    );
    // And the SDK sends the filled request exactly as the core does.
    let body = serde_json::to_string(filled).unwrap();
    assert_eq!(
        sdk(&serde_json::from_str(&body).unwrap())["body"]
            .as_str()
            .unwrap(),
        body
    );
}

/// [`full_request`] with these `AuthParameters`.
fn with_parameters(
    username: &str,
    secret_hash: Option<&str>,
    preferred_challenge: Option<&str>,
) -> InitiateAuthRequest {
    InitiateAuthRequest {
        auth_parameters: AuthParameters {
            username: username.into(),
            secret_hash: secret_hash.map(Into::into),
            preferred_challenge: preferred_challenge.map(Into::into),
        },
        ..full_request()
    }
}

fn refused(request: InitiateAuthRequest) -> (Option<&'static str>, String) {
    let error = InitiateAuthRequest::validate(&request).unwrap_err();
    assert_eq!(error.name, ErrorName::Validation);
    assert_eq!(error.kind, ErrorKind::Validation);
    (error.field, error.message.clone())
}

#[test]
fn bad_input_is_refused_by_name_before_sending() {
    let other_flow = refused(InitiateAuthRequest {
        auth_flow: "USER_PASSWORD_AUTH".into(),
        ..full_request()
    });
    assert_eq!(other_flow.0, Some("AuthFlow"));
    assert!(other_flow.1.contains("USER_AUTH"), "{}", other_flow.1);
    assert_eq!(
        refused(InitiateAuthRequest {
            auth_flow: String::new(),
            ..full_request()
        })
        .0,
        Some("AuthFlow")
    );
    let no_user = refused(with_parameters("", None, None));
    assert_eq!(no_user, (Some("USERNAME"), "USERNAME is required".to_owned()));
    assert_eq!(refused(with_parameters("al ice", None, None)).0, Some("USERNAME"));
    let short = refused(InitiateAuthRequest {
        session: Some("s".repeat(19)),
        ..full_request()
    });
    assert_eq!(short.0, Some("Session"));
    assert!(short.1.contains("20 to 4096"), "{}", short.1);
    assert_eq!(
        refused(InitiateAuthRequest {
            session: Some("s".repeat(4097)),
            ..full_request()
        })
        .0,
        Some("Session")
    );
    assert_eq!(
        refused(with_parameters("alice", Some("not base64!"), None)).0,
        Some("SECRET_HASH")
    );
    assert_eq!(
        refused(with_parameters("alice", None, Some("SMS_MFA"))).0,
        Some("PREFERRED_CHALLENGE")
    );
    assert_eq!(
        refused(InitiateAuthRequest {
            client_id: "a b".into(),
            ..full_request()
        })
        .0,
        Some("ClientId")
    );
    assert!(InitiateAuthRequest::validate(&full_request()).is_ok());
}

#[test]
fn a_misspelt_auth_parameters_key_is_named_with_a_suggestion() {
    let keys = |member: Option<&str>| -> Option<Vec<String>> {
        let names: &[&str] = match member {
            None => &["AuthFlow", "ClientId", "AuthParameters", "Session"],
            Some("AuthParameters") => &["USERNAME", "SECRETHASH"],
            Some(_) => return None,
        };
        Some(names.iter().map(|s| (*s).to_owned()).collect())
    };
    let error = Request::check_members(Operation::InitiateAuth, keys).unwrap_err();
    assert_eq!(error.field, Some("AuthParameters"));
    assert!(error.message.contains("\"SECRETHASH\""), "{}", error.message);
    assert!(
        error.message.contains("Did you mean \"SECRET_HASH\"?"),
        "{}",
        error.message
    );
    let top = |member: Option<&str>| {
        member
            .is_none()
            .then(|| vec!["AuthFlow".to_owned(), "Clientid".to_owned()])
    };
    let error = Request::check_members(Operation::InitiateAuth, top).unwrap_err();
    assert!(
        error.message.contains("Did you mean \"ClientId\"?"),
        "{}",
        error.message
    );
}

#[test]
fn tokens_and_sessions_print_redacted() {
    let response: InitiateAuthResponse = serde_json::from_str(
        r#"{"AuthenticationResult":{"AccessToken":"eyJ.access.token","ExpiresIn":3600,"TokenType":"Bearer",
            "RefreshToken":"eyJ.refresh.token","IdToken":"eyJ.id.token"},"ChallengeParameters":{}}"#,
    )
    .unwrap();
    let challenge: InitiateAuthResponse = serde_json::from_str(
        r#"{"ChallengeName":"EMAIL_OTP","Session":"AYABchallengeSession0123456789","ChallengeParameters":
            {"CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","CODE_DELIVERY_DESTINATION":"a***@e***.com"},
            "AvailableChallenges":["EMAIL_OTP"]}"#,
    )
    .unwrap();
    let printed = format!("{response:?} {challenge:?} {:?}", full_request());
    for secret in [
        "eyJ.access.token",
        "eyJ.refresh.token",
        "eyJ.id.token",
        "AYABchallengeSession",
        SESSION,
        "c2VjcmV0aGFzaA==",
    ] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
    assert!(printed.contains("EMAIL_OTP") && printed.contains("[redacted]"));
}
