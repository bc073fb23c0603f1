//! Where requests go: the regional Cognito endpoint, or an explicit URL checked before use.

use super::error::CognitoError;
use super::validate;

/// Where requests go: `https://cognito-idp.{region}.amazonaws.com/` or an explicit URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    host: String,
    path: String,
}

impl Endpoint {
    /// The regional Cognito endpoint. The region must look like an AWS region.
    pub fn for_region(region: &str) -> Result<Self, CognitoError> {
        validate::region(region)?;
        Self::parse(&["https://cognito-idp.", region, ".amazonaws.com/"].concat())
    }

    /// An explicit URL. `https` always; plain `http` only to a loopback host (a local
    /// Cognito-compatible server), so credentials and codes never cross a network in clear.
    pub fn parse(url: &str) -> Result<Self, CognitoError> {
        let bad = |why: &str| {
            CognitoError::validation("endpoint", ["Invalid endpoint \"", url, "\": ", why].concat())
        };
        let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
            (true, rest)
        } else if let Some(rest) = url.strip_prefix("http://") {
            (false, rest)
        } else {
            return Err(bad("it must start with https://"));
        };
        // Byte and char tests rather than `str` patterns, whose searchers are larger in the wasm.
        let end = rest
            .bytes()
            .position(|b| matches!(b, b'/' | b'?' | b'#'))
            .unwrap_or(rest.len());
        let (authority, tail) = rest.split_at_checked(end).unwrap_or((rest, ""));
        if authority.is_empty() || authority.chars().any(|c| c == '@' || c.is_whitespace()) {
            return Err(bad("it needs a host and no user name or spaces"));
        }
        if tail.bytes().any(|b| matches!(b, b'?' | b'#')) {
            return Err(bad("no query or fragment allowed"));
        }
        let authority = authority.to_ascii_lowercase();
        let (hostname, port) = split_host_port(&authority).ok_or_else(|| bad("malformed host or port"))?;
        if !https && !is_loopback(hostname) {
            return Err(bad(
                "plain http is only allowed to a loopback host (localhost, 127.0.0.1, [::1])",
            ));
        }
        let default_port = if https { "443" } else { "80" };
        let host = match port {
            Some(p) if p != default_port => [hostname, ":", p].concat(),
            _ => hostname.to_owned(),
        };
        let path = if tail.is_empty() {
            "/".to_owned()
        } else {
            tail.to_owned()
        };
        let scheme = if https { "https" } else { "http" };
        Ok(Self {
            url: [scheme, "://", &host, &path].concat(),
            host,
            path,
        })
    }

    /// The URL to POST to.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The `Host` the browser will send (default port omitted), which Signature V4 signs.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The URL's path, which Signature V4 signs.
    pub fn path(&self) -> &str {
        &self.path
    }
}

fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    let (host, port) = if let Some(rest) = authority.strip_prefix("[") {
        let close = rest.bytes().position(|b| b == b']')?;
        let host = authority.get(..close + 2)?;
        let after = rest.get(close + 1..)?;
        match after.strip_prefix(":") {
            Some(p) => (host, Some(p)),
            None if after.is_empty() => (host, None),
            None => return None,
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return None;
    }
    if let Some(p) = port {
        if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Some((host, port))
}

/// Whether `host` (lower-case, IPv6 in brackets, no port) names this machine: `localhost` and
/// its subdomains, `127.x.y.z`, `[::1]`.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let mut parts = rest.split('.');
            (0..3).all(|_| parts.next().is_some_and(is_octet)) && parts.next().is_none()
        })
}

/// A decimal number from 0 to 255, in one to three digits (`"007"` too, as `u8::from_str`
/// takes it; no sign).
fn is_octet(text: &str) -> bool {
    (1..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text.bytes().fold(0_u32, |n, b| n * 10 + u32::from(b - b'0')) <= 255
}
