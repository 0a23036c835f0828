use std::time::{Duration, Instant};
use tonic::metadata::MetadataMap;

/// Parses `grpc-timeout` (e.g. `2500m`, `3S`) into the absolute deadline of the call.
pub fn from_metadata(md: &MetadataMap) -> Option<Instant> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_millis() {
        let mut md = MetadataMap::new();
        md.insert("grpc-timeout", "2500m".parse().unwrap());
        let d = from_metadata(&md).unwrap();
        assert!(d > Instant::now() + Duration::from_millis(2000));
    }
}
