//! Any request object, endpoint, date or typed code: validation and request building never
//! panic, and whatever passes validation builds a request whose body is valid JSON.
#![no_main]

use cognito_confirm::core::form::normalize_code;
use cognito_confirm::core::{build_request, json, CognitoRequest, ConfirmSignUpRequest, Endpoint, SigningTime};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Endpoint::parse(&text);
    let _ = Endpoint::for_region(&text);
    let _ = SigningTime::parse_amz_date(&text);
    let code = normalize_code(&text);
    assert!(!code.contains(char::is_whitespace));
    let request = json::parse(&text).map(|v| ConfirmSignUpRequest::read(&v));
    if let Some(Ok(request)) = request {
        let endpoint = Endpoint::for_region("eu-west-1").expect("a valid region");
        match build_request(&endpoint, &request) {
            Ok(http) => {
                assert!(request.validate().is_ok());
                assert!(json::parse(&http.body).is_some(), "the body is valid JSON");
            }
            Err(e) => assert!(!e.message.is_empty()),
        }
    }
});
