//! The caller's `grpc-timeout`, kept as an absolute instant so downstream calls get what is left.

use std::time::Duration;
use tokio::time::Instant;
use tonic::metadata::MetadataMap;

#[derive(Debug, Clone, Copy)]
pub struct CallerDeadline(Option<Instant>);

impl CallerDeadline {
    pub fn from_metadata(md: &MetadataMap) -> Self {
        let parsed = md.get("grpc-timeout").and_then(|v| v.to_str().ok()).and_then(parse_grpc_timeout);
        Self(parsed.map(|d| Instant::now() + d))
    }

    /// Time left, or `default` when the caller set no deadline.
    pub fn remaining_or(&self, default: Duration) -> Duration {
        match self.0 {
            Some(at) => at.saturating_duration_since(Instant::now()),
            None => default,
        }
    }
}

fn parse_grpc_timeout(s: &str) -> Option<Duration> {
    if s.len() < 2 || s.len() > 9 {
        return None;
    }
    let (num, unit) = s.split_at(s.len() - 1);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(parse_grpc_timeout("x"), None);
    }
}
