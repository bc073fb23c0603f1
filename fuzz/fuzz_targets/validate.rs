//! Any request object, endpoint, date or typed code: reading, validation and request building
//! never panic, and whatever passes validation builds a request whose body is valid JSON.
#![no_main]

use cognito_confirm::core::form::normalize_code;
use cognito_confirm::core::{Endpoint, Operation, Request, SigningTime};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Endpoint::parse(&text);
    let _ = Endpoint::for_region(&text);
    let _ = SigningTime::parse_amz_date(&text);
    let code = normalize_code(&text);
    assert!(!code.contains(char::is_whitespace));
    let Ok(value) = serde_json::from_str::<Value>(&text) else { return };
    let keys = |member: Option<&str>| {
        let object = match member {
            None => Some(&value),
            Some(member) => value.get(member),
        };
        object.and_then(Value::as_object).map(|o| o.keys().cloned().collect())
    };
    for operation in [Operation::ConfirmSignUp, Operation::ResendConfirmationCode, Operation::AdminConfirmSignUp] {
        if let Err(e) = Request::check_members(operation, keys) {
            assert!(!e.message.is_empty());
            continue;
        }
        let only = |member: Option<&str>| match member {
            None => value.clone(),
            Some(member) => Value::Object(value.get(member).map(|v| (member.to_owned(), v.clone())).into_iter().collect()),
        };
        let Ok(request) = Request::read(operation, only) else {
            continue;
        };
        let body = serde_json::to_string(&request).expect("a request serializes");
        let endpoint = Endpoint::for_region("eu-west-1").expect("a valid region");
        match request.build(&endpoint, body) {
            Ok(http) => {
                assert!(request.validate().is_ok());
                assert!(serde_json::from_str::<Value>(&http.body).is_ok(), "the body is valid JSON");
            }
            Err(e) => assert!(!e.message.is_empty()),
        }
    }
});
