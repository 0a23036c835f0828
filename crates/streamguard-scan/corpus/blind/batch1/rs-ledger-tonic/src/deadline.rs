//! Carries the caller's `grpc-timeout` through to downstream requests.

use std::time::{Duration, Instant};

use tonic::metadata::MetadataMap;
use tonic::{Request, Status};

#[derive(Debug, Clone, Copy)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    pub fn from_metadata(md: &MetadataMap) -> Self {
        let parsed = md.get("grpc-timeout").and_then(|v| v.to_str().ok()).and_then(parse_timeout);
        Deadline(parsed.map(|d| Instant::now() + d))
    }

    pub fn remaining(&self) -> Option<Duration> {
        self.0.map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Builds an outbound request that carries the time left, or refuses once it is gone.
    pub fn request<T>(&self, msg: T) -> Result<Request<T>, Status> {
        let mut req = Request::new(msg);
        if let Some(left) = self.remaining() {
            if left.is_zero() {
                return Err(Status::deadline_exceeded("caller deadline passed"));
            }
            req.set_timeout(left);
        }
        Ok(req)
    }
}

fn parse_timeout(s: &str) -> Option<Duration> {
    if s.len() < 2 {
        return None;
    }
    let (n, unit) = s.split_at(s.len() - 1);
    let n: u64 = n.parse().ok()?;
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
