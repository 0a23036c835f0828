//! The caller's grpc-timeout, turned into an absolute deadline for downstream calls.

use std::time::Duration;
use tokio::time::Instant;
use tonic::metadata::MetadataMap;

pub fn from_metadata(md: &MetadataMap) -> Option<Instant> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n.saturating_mul(3600)),
        "M" => Duration::from_secs(n.saturating_mul(60)),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(Instant::now() + d)
}

/// Time left before `deadline`, or a default when the caller set none.
pub fn remaining(deadline: Option<Instant>, default: Duration) -> Option<Duration> {
    match deadline {
        Some(d) => d.checked_duration_since(Instant::now()),
        None => Some(default),
    }
}
