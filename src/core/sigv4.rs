//! AWS Signature Version 4 for header-signed requests, with the clock passed in.
//!
//! Written on hmac/sha2 because the official signer does not target the browser. Tested
//! against AWS's Signature V4 test suite (`tests/sigv4_suite.rs`) and botocore.

use hmac::Mac;
use sha2::{Digest, Sha256};

use super::secret::Secret;
use super::secret_hash::hmac_sha256;
use std::fmt::Write as _;

/// AWS credentials for signing. `Debug` never shows the secret key or the session token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    /// `AKIA…` or `ASIA…`.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: Secret,
    /// The session token of temporary credentials; sent as `X-Amz-Security-Token`.
    pub session_token: Option<Secret>,
}

/// A UTC instant in whole seconds since the Unix epoch, the only clock input of the signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SigningTime(pub i64);

impl SigningTime {
    /// `YYYYMMDD'T'HHMMSS'Z'`, the `X-Amz-Date` format.
    pub fn amz_date(self) -> String {
        let (_, _, _, h, mi, s) = civil(self.0);
        let mut out = self.date_stamp();
        out.push('T');
        for n in [h, mi, s] {
            push_part(&mut out, n, 2);
        }
        out.push('Z');
        out
    }

    /// `YYYYMMDD`, the credential scope's date.
    pub fn date_stamp(self) -> String {
        let (y, mo, d, ..) = civil(self.0);
        let mut out = String::with_capacity(16);
        push_part(&mut out, y, 4);
        push_part(&mut out, mo, 2);
        push_part(&mut out, d, 2);
        out
    }

    /// Parses `YYYYMMDD'T'HHMMSS'Z'` (as in `X-Amz-Date` and skew error messages).
    pub fn parse_amz_date(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        if b.len() != 16 || b.get(8) != Some(&b'T') || b.get(15) != Some(&b'Z') {
            return None;
        }
        // Digits only (`str::parse` would also take a sign).
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            b.get(r)?.iter().try_fold(0, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
            })
        };
        let (y, mo, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
        let (h, mi, s) = (num(9..11)?, num(11..13)?, num(13..15)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
            return None;
        }
        Some(Self(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s))
    }

    /// Parses RFC 3339 `YYYY-MM-DDTHH:MM:SSZ` (as in the test suite's context files).
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let compact: String = text.chars().filter(|c| *c != '-' && *c != ':').collect();
        Self::parse_amz_date(&compact)
    }
}

/// A part of a date, zero-padded to `width` digits.
fn push_part(out: &mut String, n: i64, width: usize) {
    let _ = write!(out, "{n:0width$}");
}

/// Days since 1970-01-01 → (year, month, day, hour, minute, second); Howard Hinnant's algorithm.
fn civil(unix: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The parts of an HTTP request that Signature V4 covers.
#[derive(Clone, Debug)]
pub struct SignableRequest<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The path as sent (not yet URI-encoded for signing).
    pub path: &'a str,
    /// The raw query string without `?` (may be empty).
    pub query: &'a str,
    /// Headers as sent, including `host`; names in any case, duplicates allowed.
    pub headers: &'a [(String, String)],
    /// The body.
    pub body: &'a [u8],
}

/// How to sign: scope, clock and the options the test suite varies.
#[derive(Clone, Debug)]
pub struct SigningParams<'a> {
    /// Signing region, e.g. `eu-west-1`.
    pub region: &'a str,
    /// Signing name, `cognito-idp` for Cognito user pools.
    pub service: &'a str,
    /// The signing instant.
    pub time: SigningTime,
    /// Normalise the path (remove `.`/`..` segments, merge slashes), as every service but S3 does.
    pub normalize_path: bool,
    /// Add and sign `x-amz-content-sha256`.
    pub sign_body: bool,
    /// Sign the session token header (`false` appends it after signing, as some services need).
    pub sign_session_token: bool,
}

impl<'a> SigningParams<'a> {
    /// The settings Cognito (and botocore) use: normalised path, unsigned body hash header,
    /// signed session token.
    pub fn new(region: &'a str, service: &'a str, time: SigningTime) -> Self {
        Self {
            region,
            service,
            time,
            normalize_path: true,
            sign_body: false,
            sign_session_token: true,
        }
    }
}

/// The outcome of signing, with the intermediate strings kept for tests and debugging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The hex signature.
    pub signature: String,
    /// Headers to add to the request: `X-Amz-Date`, maybe `X-Amz-Security-Token` and
    /// `X-Amz-Content-Sha256`, and `Authorization`.
    pub headers: Vec<(String, String)>,
}

const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// Signs `request` with `credentials` at `params.time`.
pub fn sign_at(
    request: &SignableRequest<'_>,
    credentials: &Credentials,
    params: &SigningParams<'_>,
) -> Signed {
    let amz_date = params.time.amz_date();
    let payload_hash = hex(&Sha256::digest(request.body));

    let mut added: Vec<(String, String)> = vec![("X-Amz-Date".into(), amz_date.clone())];
    if params.sign_body {
        added.push(("X-Amz-Content-Sha256".into(), payload_hash.clone()));
    }
    let token = credentials.session_token.as_ref().filter(|t| !t.is_empty());
    if let (Some(token), true) = (token, params.sign_session_token) {
        added.push(("X-Amz-Security-Token".into(), token.expose().to_owned()));
    }

    // Lower-cased names with their values in order; duplicates joined by commas.
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in request.headers.iter().chain(added.iter()) {
        let name = name.to_ascii_lowercase();
        if name == "authorization" {
            continue;
        }
        let value = normalize_header_value(value);
        match headers.iter_mut().find(|(n, _)| *n == name) {
            Some((_, existing)) => {
                existing.push(',');
                existing.push_str(&value);
            }
            None => headers.push((name, value)),
        }
    }
    sort_pairs(&mut headers);
    let mut signed_headers = String::new();
    let mut canonical_headers = String::new();
    for (name, value) in &headers {
        if !signed_headers.is_empty() {
            signed_headers.push(';');
        }
        signed_headers.push_str(name);
        canonical_headers.push_str(name);
        canonical_headers.push(':');
        canonical_headers.push_str(value);
        canonical_headers.push('\n');
    }

    let path = if params.normalize_path {
        normalize_path(request.path)
    } else {
        request.path.to_owned()
    };
    let canonical_request = [
        request.method,
        "\n",
        &uri_encode(path.as_bytes(), false),
        "\n",
        &canonical_query(request.query),
        "\n",
        &canonical_headers,
        "\n",
        &signed_headers,
        "\n",
        &payload_hash,
    ]
    .concat();

    let scope = [
        &params.time.date_stamp(),
        "/",
        params.region,
        "/",
        params.service,
        "/aws4_request",
    ]
    .concat();
    let string_to_sign = [
        ALGORITHM,
        "\n",
        &amz_date,
        "\n",
        &scope,
        "\n",
        &hex(&Sha256::digest(canonical_request.as_bytes())),
    ]
    .concat();

    let key = signing_key(&credentials.secret_access_key, params);
    let mut mac = hmac_sha256(&key);
    mac.update(string_to_sign.as_bytes());
    let signature = hex(&mac.finalize().into_bytes());

    let authorization = [
        ALGORITHM,
        " Credential=",
        &credentials.access_key_id,
        "/",
        &scope,
        ", SignedHeaders=",
        &signed_headers,
        ", Signature=",
        &signature,
    ]
    .concat();
    if let (Some(token), false) = (token, params.sign_session_token) {
        added.push(("X-Amz-Security-Token".into(), token.expose().to_owned()));
    }
    added.push(("Authorization".into(), authorization));
    Signed {
        canonical_request,
        string_to_sign,
        signature,
        headers: added,
    }
}

fn signing_key(secret: &Secret, params: &SigningParams<'_>) -> Vec<u8> {
    let step = |key: &[u8], data: &str| -> Vec<u8> {
        let mut mac = hmac_sha256(key);
        mac.update(data.as_bytes());
        mac.finalize().into_bytes().to_vec()
    };
    let k_secret = ["AWS4", secret.expose()].concat();
    let k_date = step(k_secret.as_bytes(), &params.time.date_stamp());
    let k_region = step(&k_date, params.region);
    let k_service = step(&k_region, params.service);
    step(&k_service, "aws4_request")
}

/// Trims and collapses runs of whitespace (including folded line breaks) into one space.
fn normalize_header_value(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `.` and `..` segments and merges repeated slashes, keeping a trailing slash.
fn normalize_path(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    let trailing = path.ends_with("/") || path.ends_with("/.") || path.ends_with("/..");
    let mut result = ["/", &out.join("/")].concat();
    if trailing && !out.is_empty() {
        result.push('/');
    }
    result
}

/// Sorts by name, then value.
fn sort_pairs(pairs: &mut [(String, String)]) {
    pairs.sort_unstable();
}

/// Canonical query: each pair URI-encoded, sorted by key then value.
fn canonical_query(query: &str) -> String {
    let mut pairs = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        pairs.push((
            uri_encode(&percent_decode(k), true),
            uri_encode(&percent_decode(v), true),
        ));
    }
    sort_pairs(&mut pairs);
    pairs
        .iter()
        .map(|(k, v)| [k.as_str(), "=", v].concat())
        .collect::<Vec<_>>()
        .join("&")
}

/// `%XX` sequences decoded to their bytes; anything else kept as is.
fn percent_decode(text: &str) -> Vec<u8> {
    let hex = |b: u8| char::from(b).to_digit(16).and_then(|d| u8::try_from(d).ok());
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let pair = match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(&hi), Some(&lo)) if b == b'%' => hex(hi).zip(hex(lo)),
            _ => None,
        };
        match pair {
            Some((hi, lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            None => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// RFC 3986 encoding of everything but unreserved characters (and `/` in paths).
fn uri_encode(bytes: &[u8], encode_slash: bool) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(b)),
            b'/' if !encode_slash => out.push('/'),
            _ => {
                out.push('%');
                push_hex(&mut out, b, b"0123456789ABCDEF");
            }
        }
    }
    out
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        push_hex(&mut out, b, b"0123456789abcdef");
    }
    out
}

/// Appends `b` as two hex digits from `digits`.
fn push_hex(out: &mut String, b: u8, digits: &[u8; 16]) {
    for nibble in [b >> 4, b & 0x0F] {
        out.push(char::from(
            digits.get(usize::from(nibble)).copied().unwrap_or(b'0'),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for (unix, text) in [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (951_782_400, "20000229T000000Z"),
            (4_102_444_799, "20991231T235959Z"),
        ] {
            assert_eq!(SigningTime(unix).amz_date(), text);
            assert_eq!(SigningTime::parse_amz_date(text), Some(SigningTime(unix)));
        }
        assert_eq!(
            SigningTime::parse_rfc3339("2015-08-30T12:36:00Z"),
            Some(SigningTime(1_440_938_160))
        );
        for bad in [
            "",
            "2015083T123600Z",
            "20151330T123600Z",
            "20150830 123600Z",
            "2015083XT12360Z",
        ] {
            assert_eq!(SigningTime::parse_amz_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize_path("/"), "/");
        assert_eq!(normalize_path("//example//"), "/example/");
        assert_eq!(normalize_path("/example/.."), "/");
        assert_eq!(normalize_path("/example1/example2/../.."), "/");
        assert_eq!(normalize_path("/./example/./"), "/example/");
    }
}
