//! SecretHash: Base64(HMAC-SHA256(key = client secret, message = username + client id)).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::secret::Secret;

/// Computes the `SecretHash` member Cognito requires when the app client has a secret.
///
/// The username is taken as typed (its UTF-8 bytes); Cognito hashes the username the request
/// carries, so the same string must go into the request.
///
/// ```
/// use cognito_confirm::core::{secret_hash, Secret};
/// let hash = secret_hash("alice", "client123", &Secret::new("s3cr3t"));
/// assert_eq!(hash.len(), 44);
/// ```
pub fn secret_hash(username: &str, client_id: &str, client_secret: &Secret) -> String {
    let mut mac = hmac_sha256(client_secret.expose().as_bytes());
    mac.update(username.as_bytes());
    mac.update(client_id.as_bytes());
    // Into a fixed buffer: `Engine::encode` ends in `String::from_utf8(..).expect(..)`, whose
    // error formatting is kilobytes of wasm. 32 bytes are 44 Base64 characters.
    let mut out = [0u8; 44];
    let n = STANDARD
        .encode_slice(mac.finalize().into_bytes(), &mut out)
        .unwrap_or(0);
    out.get(..n)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default()
        .to_owned()
}

/// HMAC-SHA256 keyed with `key`.
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    #[allow(clippy::expect_used)] // HMAC takes keys of any length: this never fails.
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length")
}
