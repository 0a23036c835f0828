use std::time::{Duration, Instant};

use tonic::metadata::MetadataMap;
use tonic::transport::{Channel, Endpoint};

use crate::pb::executor_client::ExecutorClient;

pub type Executor = ExecutorClient<Channel>;

pub fn connect_lazy(addr: &str) -> Result<Executor, tonic::transport::Error> {
    let channel = Endpoint::from_shared(addr.to_string())?
        .connect_timeout(Duration::from_secs(3))
        .tcp_keepalive(Some(Duration::from_secs(30)))
        .connect_lazy();
    Ok(ExecutorClient::new(channel))
}

/// Parses the caller's `grpc-timeout` header into an absolute deadline.
pub fn deadline_from(md: &MetadataMap) -> Option<Instant> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = raw.split_at(raw.len().checked_sub(1)?);
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

pub fn remaining(deadline: Option<Instant>) -> Option<Duration> {
    deadline.map(|d| d.saturating_duration_since(Instant::now()))
}
