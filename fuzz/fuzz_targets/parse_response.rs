//! Any status, error-type header and body: reading Cognito's answer never panics, and a
//! failure is always a named error with the status it came with. The body is parsed as the
//! browser shell parses it, with a JSON parser (here serde_json, there `JSON.parse`), and read
//! with serde.
#![no_main]

use cognito_confirm::core::wire::{decode_response, read_answer};
use cognito_confirm::core::{
    AdminConfirmSignUpRequest, CognitoError, CognitoRequest, ConfirmSignUpRequest, ResendConfirmationCodeRequest,
};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn parse<R: CognitoRequest>(status: u16, header: Option<&str>, body: &str) -> Result<R::Response, CognitoError> {
    let object = serde_json::from_str::<Value>(body).ok().filter(Value::is_object);
    let json = read_answer(status, header, object, |v| serde_json::from_value(v).ok())?;
    decode_response::<R, _>(status, json)
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else { return };
    let status = u16::from_le_bytes([head[0], head[1]]) % 700;
    let header_len = usize::from(head[2] % 64).min(rest.len());
    let (header, body) = rest.split_at(header_len);
    let header = std::str::from_utf8(header).ok();
    let body = String::from_utf8_lossy(body);
    if let Err(e) = parse::<ConfirmSignUpRequest>(status, header, &body) {
        assert_eq!(e.status, status);
        assert!(!e.name.as_str().is_empty());
        let _ = (e.retryable(), e.auto_retry(), e.skew_server_time(), e.to_string());
    }
    let _ = parse::<ResendConfirmationCodeRequest>(status, header, &body);
    let _ = parse::<AdminConfirmSignUpRequest>(status, header, &body);
});
