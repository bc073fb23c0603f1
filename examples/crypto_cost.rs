//! What SecretHash and Signature V4 cost on the host (release build), for `make bench`.
//! Prints one `label<TAB>time` line each.

use std::time::Instant;

use cognito_confirm::core::{
    build_request, secret_hash, sign_request, AdminConfirmSignUpRequest, Credentials, Endpoint, Secret,
    SigningTime,
};

fn main() {
    let secret = Secret::new("client-secret-value");
    let n = 100_000u32;
    let start = Instant::now();
    let mut total = 0usize; // keeps the work observable
    for i in 0..n {
        total += secret_hash(&format!("user{i}"), "7example1client2id3", &secret).len();
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    assert!(total > 0);
    println!("secret_hash\t{per:.2} µs");

    let Ok(endpoint) = Endpoint::for_region("eu-west-1") else {
        return;
    };
    let credentials = Credentials {
        access_key_id: "AKIDEXAMPLE".into(),
        secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        session_token: Some(Secret::new("token")),
    };
    let request = AdminConfirmSignUpRequest {
        user_pool_id: "eu-west-1_AbCdEf123".into(),
        username: "alice".into(),
        client_metadata: None,
    };
    let Ok(body) = serde_json::to_string(&request) else {
        return;
    };
    let Ok(unsigned) = build_request(&endpoint, &request, body) else {
        return;
    };
    let n = 20_000u32;
    let start = Instant::now();
    for i in 0..n {
        let mut http = unsigned.clone();
        let _ = sign_request(
            &mut http,
            &endpoint,
            &credentials,
            "eu-west-1",
            SigningTime(1_790_000_000 + i64::from(i)),
        );
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    println!("sign AdminConfirmSignUp (SigV4)\t{per:.2} µs");
}
