//! Signature V4 against AWS's published test suite (`tests/data/aws-sigv4-test-suite`):
//! canonical request, string to sign and signature for every header-signing case.
#![cfg(not(target_arch = "wasm32"))] // host tests
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::fs;
use std::path::Path;

use cognito_confirm::core::sigv4::{sign_at, SignableRequest, SigningParams, SigningTime};
use cognito_confirm::core::{Credentials, Secret};
use serde_json::Value;

struct Parsed {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Parses the suite's raw HTTP request (folded header lines included).
fn parse_request(text: &str) -> Parsed {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let request_line = lines.next().expect("request line");
    let (method, rest) = request_line.split_once(' ').expect("method");
    let target = rest.strip_suffix(" HTTP/1.1").expect("HTTP/1.1");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            let last = headers.last_mut().expect("a folded line follows a header");
            last.1.push(' ');
            last.1.push_str(line.trim());
        } else {
            let (name, value) = line.split_once(':').expect("name:value");
            headers.push((name.to_owned(), value.to_owned()));
        }
    }
    Parsed {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body: body.as_bytes().to_vec(),
    }
}

#[test]
fn every_header_signing_case_of_the_aws_suite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/aws-sigv4-test-suite/v4");
    let mut cases: Vec<_> = fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 38, "the whole suite is there");
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let read = |f: &str| fs::read_to_string(case.join(f)).unwrap_or_else(|e| panic!("{name}/{f}: {e}"));
        let context: Value = serde_json::from_str(&read("context.json")).unwrap();
        let c = &context["credentials"];
        let credentials = Credentials {
            access_key_id: c["access_key_id"].as_str().unwrap().to_owned(),
            secret_access_key: Secret::new(c["secret_access_key"].as_str().unwrap()),
            session_token: c["token"].as_str().map(Secret::new),
        };
        let request = parse_request(&read("request.txt"));
        let params = SigningParams {
            region: context["region"].as_str().unwrap(),
            service: context["service"].as_str().unwrap(),
            time: SigningTime::parse_rfc3339(context["timestamp"].as_str().unwrap()).unwrap(),
            normalize_path: context["normalize"].as_bool().unwrap_or(true),
            sign_body: context["sign_body"].as_bool().unwrap_or(false),
            sign_session_token: !context["omit_session_token"].as_bool().unwrap_or(false),
        };
        let signed = sign_at(
            &SignableRequest {
                method: &request.method,
                path: &request.path,
                query: &request.query,
                headers: &request.headers,
                body: &request.body,
            },
            &credentials,
            &params,
        );
        assert_eq!(
            signed.canonical_request,
            read("header-canonical-request.txt"),
            "{name}: canonical request"
        );
        assert_eq!(
            signed.string_to_sign,
            read("header-string-to-sign.txt"),
            "{name}: string to sign"
        );
        assert_eq!(
            signed.signature,
            read("header-signature.txt").trim(),
            "{name}: signature"
        );
        let authorization = &signed.headers.last().unwrap().1;
        let expected = read("header-signed-request.txt");
        assert!(
            expected.contains(authorization.as_str()),
            "{name}: Authorization header"
        );
    }
}
