//! The caller's deadline, from the `grpc-timeout` header.

use std::time::Duration;

use tokio::time::Instant;
use tonic::metadata::MetadataMap;

/// Parses a `grpc-timeout` value ("100m", "5S", "1H", ...).
pub fn parse_grpc_timeout(v: &str) -> Option<Duration> {
    if v.len() < 2 || v.len() > 9 {
        return None;
    }
    let (num, unit) = v.split_at(v.len() - 1);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n.checked_mul(3600)?),
        "M" => Duration::from_secs(n.checked_mul(60)?),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// Absolute deadline of the incoming call, if the caller set one.
pub fn deadline_of(md: &MetadataMap) -> Option<Instant> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    Some(Instant::now() + parse_grpc_timeout(v)?)
}

/// Time left until `deadline`, or `fallback` when the caller set none.
pub fn remaining(deadline: Option<Instant>, fallback: Duration) -> Option<Duration> {
    match deadline {
        Some(d) => d.checked_duration_since(Instant::now()),
        None => Some(fallback),
    }
}
