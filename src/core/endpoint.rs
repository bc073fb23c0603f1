//! Where requests go: the endpoint the AWS SDKs resolve for cognito-idp from a region and the
//! FIPS and dual-stack flags (every partition), or an explicit URL checked before use.

use super::endpoint_rules::{CONDITIONS, NODES, PARTITIONS, RESULTS, ROOT};
use super::error::CognitoError;
use super::validate;

/// What an endpoint is resolved from: the client options of the same names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EndpointOptions<'a> {
    /// The AWS region (`eu-west-1`, `cn-north-1`, `us-gov-west-1`, …).
    pub region: Option<&'a str>,
    /// An explicit URL, which wins over the region.
    pub endpoint: Option<&'a str>,
    /// The region's FIPS endpoint. Defaults to false.
    pub use_fips_endpoint: bool,
    /// The region's dual-stack (IPv6) endpoint. Defaults to false.
    pub use_dualstack_endpoint: bool,
}

/// An AWS partition (generated in `endpoint_rules.rs`).
#[derive(Debug)]
pub(super) struct Partition {
    pub name: &'static str,
    pub dns_suffix: &'static str,
    pub dual_stack_dns_suffix: &'static str,
    pub supports_fips: bool,
    pub supports_dual_stack: bool,
    pub regions: &'static [&'static str],
    pub region_prefixes: &'static [&'static str],
}

/// A condition of the endpoint rule set.
#[derive(Debug)]
pub(super) enum Condition {
    EndpointSet,
    RegionSet,
    /// Finds the region's partition (always true: unknown regions are in `aws`).
    Partition,
    UseFips,
    UseDualStack,
    PartitionSupportsFips,
    PartitionSupportsDualStack,
    PartitionNameIs(&'static str),
    RegionIs(&'static str),
}

/// An outcome of the endpoint rule set.
#[derive(Debug)]
pub(super) enum Outcome {
    NoEndpoint,
    Error(&'static str),
    CustomEndpoint,
    /// A URL template with `{Region}`, `{PartitionResult#dnsSuffix}` and
    /// `{PartitionResult#dualStackDnsSuffix}`.
    Url(&'static str),
}

/// The partition of `region`, as the AWS SDKs find it.
fn partition(region: &str) -> &'static Partition {
    let listed = PARTITIONS.iter().find(|p| p.regions.contains(&region));
    let matched = || {
        PARTITIONS.iter().find(|p| {
            p.region_prefixes.iter().any(|prefix| {
                region.strip_prefix(prefix).is_some_and(|rest| {
                    let (word, digits) = rest.rsplit_once('-').unwrap_or(("", ""));
                    !word.is_empty()
                        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                        && !digits.is_empty()
                        && digits.bytes().all(|b| b.is_ascii_digit())
                })
            })
        })
    };
    #[allow(clippy::indexing_slicing)] // the generator puts `aws` first
    listed.or_else(matched).unwrap_or(&PARTITIONS[0])
}

/// Walks the rule set's decision diagram for `options`: each node is `[condition, high, low]`;
/// a reference `n > 1` is node `n - 1` (negative: the condition's answer negated), `±1` is no
/// endpoint, and `RESULT + i` is outcome `i`.
fn decide(options: &EndpointOptions, partition: &Partition) -> &'static Outcome {
    const RESULT: i32 = 100_000_000;
    let mut at = ROOT;
    while at != 1 && at != -1 && at < RESULT {
        let node = 3 * (at.unsigned_abs() as usize - 1);
        let (Some(&condition), Some(&high), Some(&low)) =
            (NODES.get(node), NODES.get(node + 1), NODES.get(node + 2))
        else {
            return &Outcome::NoEndpoint;
        };
        let holds = match CONDITIONS.get(condition as usize) {
            Some(Condition::EndpointSet) => options.endpoint.is_some(),
            Some(Condition::RegionSet) => options.region.is_some(),
            Some(Condition::Partition) => true,
            Some(Condition::UseFips) => options.use_fips_endpoint,
            Some(Condition::UseDualStack) => options.use_dualstack_endpoint,
            Some(Condition::PartitionSupportsFips) => partition.supports_fips,
            Some(Condition::PartitionSupportsDualStack) => partition.supports_dual_stack,
            Some(Condition::PartitionNameIs(name)) => partition.name == *name,
            Some(Condition::RegionIs(region)) => options.region == Some(*region),
            None => return &Outcome::NoEndpoint,
        };
        at = if (at >= 0) == holds { high } else { low };
    }
    usize::try_from(at - RESULT)
        .ok()
        .and_then(|i| RESULTS.get(i))
        .unwrap_or(&Outcome::NoEndpoint)
}

/// Where requests go: the URL the AWS SDKs resolve for a region ([`Endpoint::resolve`]) or an
/// explicit one ([`Endpoint::parse`]), with the host and path Signature V4 signs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    host: String,
    path: String,
}

impl Endpoint {
    /// The regional Cognito endpoint, as the AWS SDKs resolve it. The region must look like an
    /// AWS region.
    pub fn for_region(region: &str) -> Result<Self, CognitoError> {
        Self::resolve(&EndpointOptions {
            region: Some(region),
            ..Default::default()
        })
    }

    /// The endpoint for `options`, exactly as the cognito-idp endpoint rule set of the AWS SDKs
    /// resolves it: an explicit `endpoint` (refused together with FIPS or dual-stack), else the
    /// region's host in its partition (`amazonaws.com`, `amazonaws.com.cn`, `amazonaws.eu`, the
    /// ISO partitions), FIPS and dual-stack host names included.
    pub fn resolve(options: &EndpointOptions) -> Result<Self, CognitoError> {
        if let Some(region) = options.region {
            validate::region(region)?;
        }
        let partition = partition(options.region.unwrap_or_default());
        match decide(options, partition) {
            Outcome::CustomEndpoint => Self::parse(options.endpoint.unwrap_or_default()),
            Outcome::Url(template) => {
                let region = options.region.unwrap_or_default();
                let url = template
                    .replace("{Region}", region)
                    .replace("{PartitionResult#dnsSuffix}", partition.dns_suffix)
                    .replace(
                        "{PartitionResult#dualStackDnsSuffix}",
                        partition.dual_stack_dns_suffix,
                    );
                Self::parse(&url)
            }
            Outcome::Error(why) => {
                let field = if options.endpoint.is_some() {
                    "endpoint"
                } else if options.region.is_none() {
                    "region"
                } else if options.use_fips_endpoint {
                    "useFipsEndpoint"
                } else {
                    "useDualstackEndpoint"
                };
                let message = if options.region.is_none() && options.endpoint.is_none() {
                    "region (or endpoint) is required".to_owned()
                } else {
                    (*why).to_owned()
                };
                Err(CognitoError::validation(field, message))
            }
            Outcome::NoEndpoint => Err(CognitoError::validation("region", "no endpoint for this region")),
        }
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
