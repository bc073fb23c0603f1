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
    // Standard Base64 with padding (RFC 4648 §4), as Cognito expects it.
    STANDARD.encode(mac.finalize().into_bytes())
}

/// HMAC-SHA256 keyed with `key`.
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    #[allow(clippy::expect_used)] // HMAC takes keys of any length: this never fails.
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_hmac_and_base64() {
        // base64.b64encode(hmac.new(b"s3cr3t", b"aliceclient123", hashlib.sha256).digest())
        assert_eq!(
            secret_hash("alice", "client123", &Secret::new("s3cr3t")),
            "kOPeHzvKtscBvBM4zlIffwOT074cplXWBq9MCfoDa4k="
        );
    }
}
