// The grpc-timeout parser is private; these tests exercise it through a
// tiny local copy kept in sync by review. They also document the header format.
use std::time::Duration;

fn parse(v: &str) -> Option<Duration> {
    let (num, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        _ => return None,
    })
}

#[test]
fn grpc_timeout_in_milliseconds_is_parsed() {
    assert_eq!(parse("1500m"), Some(Duration::from_millis(1500)));
}

#[test]
fn empty_grpc_timeout_is_rejected() {
    assert_eq!(parse(""), None);
}
