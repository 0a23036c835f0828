//! The caller's `grpc-timeout`, as an absolute deadline.
use std::time::Duration;

use tokio::time::Instant;
use tonic::metadata::MetadataMap;
use tonic::Status;

#[derive(Clone, Copy, Debug)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    pub fn from_metadata(md: &MetadataMap) -> Self {
        let parsed = md.get("grpc-timeout").and_then(|v| v.to_str().ok()).and_then(|v| {
            let (n, unit) = v.split_at(v.len().checked_sub(1)?);
            let n: u64 = n.parse().ok()?;
            Some(match unit {
                "H" => Duration::from_secs(n * 3600),
                "M" => Duration::from_secs(n * 60),
                "S" => Duration::from_secs(n),
                "m" => Duration::from_millis(n),
                "u" => Duration::from_micros(n),
                "n" => Duration::from_nanos(n),
                _ => return None,
            })
        });
        Deadline(parsed.map(|d| Instant::now() + d))
    }

    /// Time left, or `fallback` when the caller set no deadline.
    pub fn remaining_or(&self, fallback: Duration) -> Result<Duration, Status> {
        match self.0 {
            None => Ok(fallback),
            Some(at) => {
                let now = Instant::now();
                if now >= at {
                    Err(Status::deadline_exceeded("deadline passed"))
                } else {
                    Ok(at - now)
                }
            }
        }
    }
}
