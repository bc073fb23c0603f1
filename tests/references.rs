//! The core against real references run live: Python's `hmac` for SecretHash and botocore for
//! a signed Cognito request. `scripts/bootstrap.sh` provides both (botocore in `.venv/`).
#![cfg(not(target_arch = "wasm32"))] // host tests
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use cognito_confirm::core::{
    build_request, secret_hash, sign_request, AdminConfirmSignUpRequest, Credentials, Endpoint, Secret,
    SigningTime,
};
use serde_json::{json, Value};

fn run_python(python: &str, script: &str, input: &Value) -> Value {
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{python} is needed (run scripts/bootstrap.sh): {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{script} failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

const HMAC_SCRIPT: &str = r#"
import base64, hashlib, hmac, json, sys
cases = json.load(sys.stdin)
print(json.dumps([base64.b64encode(hmac.new(c["secret"].encode(), (c["username"] + c["clientId"]).encode(), hashlib.sha256).digest()).decode() for c in cases]))
"#;

#[test]
fn secret_hash_matches_pythons_hmac() {
    let cases = json!([
        {"username": "alice", "clientId": "7example1client2id3", "secret": "s3cr3t"},
        {"username": "zoë", "clientId": "abc", "secret": "secret"},
        {"username": "名前", "clientId": "abc", "secret": "secret"},
        {"username": "مستخدم😀", "clientId": "abc", "secret": "ünïcødé secret"},
        {"username": "user+tag@example.com", "clientId": "1h2ot4ge8glv2e5snb5q1cfp1i", "secret": "x".repeat(200)},
        {"username": "a", "clientId": "b", "secret": ""},
    ]);
    let script = std::env::temp_dir().join(format!("secret-hash-{}.py", std::process::id()));
    std::fs::write(&script, HMAC_SCRIPT).unwrap();
    let expected = run_python("python3", script.to_str().unwrap(), &cases);
    let _ = std::fs::remove_file(&script);
    for (case, want) in cases.as_array().unwrap().iter().zip(expected.as_array().unwrap()) {
        let got = secret_hash(
            case["username"].as_str().unwrap(),
            case["clientId"].as_str().unwrap(),
            &Secret::new(case["secret"].as_str().unwrap()),
        );
        assert_eq!(got, want.as_str().unwrap(), "{case}");
    }
}

#[test]
fn admin_confirm_sign_up_is_signed_exactly_like_botocore() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv/bin/python");
    let script = root.join("tests/reference/botocore_sign.py");
    for (region, endpoint, token) in [
        ("eu-west-1", None, Some("FQoGZXIvYXdzEXAMPLETOKEN")),
        ("us-east-1", None, None),
        (
            "ap-southeast-2",
            Some("https://proxy.example.com:8443/cognito/"),
            None,
        ),
    ] {
        let spec = json!({
            "region": region,
            "endpoint": endpoint,
            "time": "20261123T120000Z",
            "credentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "sessionToken": token},
            "request": {"UserPoolId": format!("{region}_AbCdEf123"), "Username": "zoë", "ClientMetadata": {"source": "test"}},
        });
        let sent = run_python(python.to_str().unwrap(), script.to_str().unwrap(), &spec);

        let request: AdminConfirmSignUpRequest = serde_json::from_value(spec["request"].clone()).unwrap();
        let endpoint = match endpoint {
            Some(url) => Endpoint::parse(url).unwrap(),
            None => Endpoint::for_region(region).unwrap(),
        };
        let mut http = build_request(&endpoint, &request, serde_json::to_string(&request).unwrap()).unwrap();
        assert_eq!(http.url, sent["url"].as_str().unwrap());
        let body: Value = serde_json::from_str(&http.body).unwrap();
        let their_body: Value = serde_json::from_str(sent["body"].as_str().unwrap()).unwrap();
        assert_eq!(body, their_body, "same JSON body");
        // Sign botocore's exact bytes (its JSON has spaces after separators) so the signatures
        // are comparable.
        http.body = sent["body"].as_str().unwrap().to_owned();
        let credentials = Credentials {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            session_token: token.map(Secret::new),
        };
        let time = SigningTime::parse_amz_date("20261123T120000Z").unwrap();
        sign_request(&mut http, &endpoint, &credentials, region, time).unwrap();
        let theirs = sent["headers"].as_object().unwrap();
        for (name, value) in &http.headers {
            let their = theirs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str().unwrap());
            assert_eq!(Some(value.as_str()), their, "{region}: header {name}");
        }
    }
}
