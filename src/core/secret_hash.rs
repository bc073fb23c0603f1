//! SecretHash: Base64(HMAC-SHA256(key = client secret, message = username + client id)).

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
    base64(&mac.finalize().into_bytes())
}

/// Standard Base64 with padding (RFC 4648 §4), as Cognito expects the SecretHash.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let group = byte(0) << 16 | byte(1) << 8 | byte(2);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                let sextet = (group >> (18 - 6 * i)) & 63;
                ALPHABET.get(sextet as usize).map_or('=', |&c| char::from(c))
            } else {
                '='
            });
        }
    }
    out
}

/// HMAC-SHA256 keyed with `key`.
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    #[allow(clippy::expect_used)] // HMAC takes keys of any length: this never fails.
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length")
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;

    use super::*;

    #[test]
    fn base64_matches_the_base64_crate_for_every_length_and_byte() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            for start in [0, 1, 2, 85, 170, 200] {
                let input = bytes
                    .get(start..(start + len).min(bytes.len()))
                    .unwrap_or_default();
                assert_eq!(base64(input), STANDARD.encode(input), "{input:?}");
            }
        }
    }

    #[test]
    fn rfc_4648_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }
}
