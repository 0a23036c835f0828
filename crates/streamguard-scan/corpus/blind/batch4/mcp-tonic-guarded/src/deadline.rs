use std::time::Duration;

use tonic::metadata::MetadataMap;

/// Parses the `grpc-timeout` header ("<digits><unit>", at most 8 digits).
pub fn from_metadata(md: &MetadataMap) -> Option<Duration> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    if raw.len() < 2 || raw.len() > 9 {
        return None;
    }
    let (digits, unit) = raw.split_at(raw.len() - 1);
    let n: u64 = digits.parse().ok()?;
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
    fn parses_milliseconds() {
        let mut md = MetadataMap::new();
        md.insert("grpc-timeout", "1500m".parse().unwrap());
        assert_eq!(from_metadata(&md), Some(Duration::from_millis(1500)));
    }

    #[test]
    fn rejects_garbage() {
        let mut md = MetadataMap::new();
        md.insert("grpc-timeout", "abc".parse().unwrap());
        assert_eq!(from_metadata(&md), None);
    }
}
