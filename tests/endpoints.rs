//! Endpoints against the AWS SDK for JavaScript v3 run live: for every region of every partition
//! it knows (and a few it knows only by pattern, or not at all), with each combination of
//! useFipsEndpoint and useDualstackEndpoint, the component resolves the URL the SDK resolves, or
//! refuses where the SDK does. `tests/reference/sdk_endpoints.mjs` asks the SDK (installed by
//! `scripts/bootstrap.sh`).
#![cfg(not(target_arch = "wasm32"))] // host tests
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail loudly

use std::process::Command;

use cognito_confirm::core::{Endpoint, EndpointOptions, ErrorName};
use serde_json::Value;

fn sdk_reference() -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/sdk_endpoints.mjs");
    let out = Command::new("node")
        .arg(script)
        .output()
        .unwrap_or_else(|e| panic!("node is needed (run scripts/bootstrap.sh): {e}"));
    assert!(
        out.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_region_and_flag_resolves_to_the_aws_sdks_url() {
    let reference = sdk_reference();
    assert!(reference.len() > 200, "every partition's regions were listed");
    let mut partitions_seen = std::collections::BTreeSet::new();
    for case in &reference {
        let region = case["region"].as_str().unwrap();
        let options = EndpointOptions {
            region: Some(region),
            use_fips_endpoint: case["fips"].as_bool().unwrap(),
            use_dualstack_endpoint: case["dualStack"].as_bool().unwrap(),
            ..Default::default()
        };
        let ours = Endpoint::resolve(&options);
        match case.get("url").and_then(Value::as_str) {
            Some(url) => {
                let ours = ours.unwrap_or_else(|e| panic!("{case}: {e}"));
                assert_eq!(ours.url(), url, "{case}");
                let host = url.trim_start_matches("https://").trim_end_matches('/');
                partitions_seen.insert(
                    host.split_once('.')
                        .unwrap()
                        .1
                        .split_once('.')
                        .unwrap()
                        .1
                        .to_owned(),
                );
            }
            None => {
                let e = ours.expect_err(&case.to_string());
                assert_eq!(e.name, ErrorName::Validation, "{case}");
                assert_eq!(e.message, case["error"].as_str().unwrap(), "{case}");
            }
        }
    }
    for suffix in [
        "amazonaws.com",
        "amazonaws.com.cn",
        "amazonaws.eu",
        "c2s.ic.gov",
        "sc2s.sgov.gov",
        "api.aws",
    ] {
        assert!(
            partitions_seen.contains(suffix),
            "{suffix} among {partitions_seen:?}"
        );
    }
}

#[test]
fn a_custom_endpoint_with_fips_or_dual_stack_is_refused_as_the_sdk_refuses_it() {
    for (fips, dual_stack, says) in [
        (
            true,
            false,
            "Invalid Configuration: FIPS and custom endpoint are not supported",
        ),
        (
            false,
            true,
            "Invalid Configuration: Dualstack and custom endpoint are not supported",
        ),
        (
            true,
            true,
            "Invalid Configuration: FIPS and custom endpoint are not supported",
        ),
    ] {
        let e = Endpoint::resolve(&EndpointOptions {
            region: Some("eu-west-1"),
            endpoint: Some("https://proxy.example.com/"),
            use_fips_endpoint: fips,
            use_dualstack_endpoint: dual_stack,
        })
        .unwrap_err();
        assert_eq!((e.field, e.message.as_str()), (Some("endpoint"), says));
    }
    let custom = Endpoint::resolve(&EndpointOptions {
        region: Some("eu-west-1"),
        endpoint: Some("http://127.0.0.1:9229/"),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(custom.url(), "http://127.0.0.1:9229/");
    let e = Endpoint::resolve(&EndpointOptions::default()).unwrap_err();
    assert_eq!(
        (e.field, e.message.as_str()),
        (Some("region"), "region (or endpoint) is required")
    );
    let e = Endpoint::resolve(&EndpointOptions {
        region: Some("eu-west-1.evil.com"),
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(
        e.field,
        Some("region"),
        "a region is checked before it becomes a host name"
    );
}
