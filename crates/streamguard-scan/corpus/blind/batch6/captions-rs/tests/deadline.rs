use std::time::Duration;

use captions::deadline::parse_grpc_timeout;

#[test]
fn parses_every_grpc_timeout_unit() {
    assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
    assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
    assert_eq!(parse_grpc_timeout("2M"), Some(Duration::from_secs(120)));
    assert_eq!(parse_grpc_timeout("1H"), Some(Duration::from_secs(3600)));
    assert_eq!(parse_grpc_timeout("10u"), Some(Duration::from_micros(10)));
}

#[test]
fn rejects_malformed_timeouts() {
    assert_eq!(parse_grpc_timeout(""), None);
    assert_eq!(parse_grpc_timeout("S"), None);
    assert_eq!(parse_grpc_timeout("12x"), None);
    assert_eq!(parse_grpc_timeout("1234567890S"), None);
}
