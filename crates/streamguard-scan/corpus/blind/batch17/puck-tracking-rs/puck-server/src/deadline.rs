use std::time::{Duration, Instant};
use tonic::metadata::MetadataMap;

/// Absolute deadline from the caller's `grpc-timeout` header, if any.
pub fn from_metadata(md: &MetadataMap) -> Option<Instant> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = raw.split_at(raw.len() - 1);
    let n: u64 = num.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(Instant::now() + d)
}

pub fn remaining(deadline: Option<Instant>, default: Duration) -> Duration {
    deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or(default)
}
