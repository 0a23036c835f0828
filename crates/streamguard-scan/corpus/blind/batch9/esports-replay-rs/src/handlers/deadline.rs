//! The caller's `grpc-timeout` as an absolute deadline.
use std::time::Duration;

use tokio::time::Instant;
use tonic::metadata::MetadataMap;

pub fn parse_grpc_timeout(md: &MetadataMap) -> Option<Duration> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n.saturating_mul(3600)),
        "M" => Duration::from_secs(n.saturating_mul(60)),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    pub fn from_metadata(md: &MetadataMap) -> Self {
        Self(parse_grpc_timeout(md).map(|d| Instant::now() + d))
    }

    /// Time left for a downstream call; `fallback` only when the caller set no deadline.
    pub fn remaining_or(&self, fallback: Duration) -> Option<Duration> {
        match self.0 {
            None => Some(fallback),
            Some(at) => at.checked_duration_since(Instant::now()),
        }
    }
}
