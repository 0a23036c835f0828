use std::time::{Duration, Instant};
use tonic::metadata::MetadataMap;

pub fn from_metadata(md: &MetadataMap) -> Option<Instant> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = raw.split_at(raw.len() - 1);
    let n: u64 = n.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        _ => Duration::from_nanos(n),
    };
    Some(Instant::now() + d)
}
