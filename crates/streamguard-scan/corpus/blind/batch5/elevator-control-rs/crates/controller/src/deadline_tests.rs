#![cfg(test)]
use super::deadline::{from_metadata, remaining};
use std::time::Duration;
use tonic::metadata::MetadataMap;

#[test]
fn parses_grpc_timeout_units() {
    let mut md = MetadataMap::new();
    md.insert("grpc-timeout", "1500m".parse().unwrap());
    let d = from_metadata(&md).expect("deadline");
    let left = remaining(Some(d), Duration::from_secs(2)).expect("left");
    assert!(left <= Duration::from_millis(1500));
}

#[test]
fn default_when_caller_sets_none() {
    assert_eq!(remaining(None, Duration::from_secs(2)), Some(Duration::from_secs(2)));
}
