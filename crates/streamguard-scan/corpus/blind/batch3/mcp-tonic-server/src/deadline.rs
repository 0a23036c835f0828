use std::time::Duration;

use tokio::time::Instant;
use tonic::metadata::MetadataMap;

/// The caller's deadline, from the `grpc-timeout` header.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    pub fn from_metadata(md: &MetadataMap) -> Self {
        let Some(raw) = md.get("grpc-timeout").and_then(|v| v.to_str().ok()) else {
            return Deadline(None);
        };
        let (digits, unit) = raw.split_at(raw.len().saturating_sub(1));
        let Ok(n) = digits.parse::<u64>() else { return Deadline(None) };
        let d = match unit {
            "H" => Duration::from_secs(n * 3600),
            "M" => Duration::from_secs(n * 60),
            "S" => Duration::from_secs(n),
            "m" => Duration::from_millis(n),
            "u" => Duration::from_micros(n),
            "n" => Duration::from_nanos(n),
            _ => return Deadline(None),
        };
        Deadline(Some(Instant::now() + d))
    }

    pub fn none() -> Self {
        Deadline(None)
    }

    pub fn remaining(&self) -> Option<Duration> {
        self.0.map(|at| at.saturating_duration_since(Instant::now()))
    }

    pub fn expired(&self) -> bool {
        matches!(self.remaining(), Some(d) if d.is_zero())
    }
}
