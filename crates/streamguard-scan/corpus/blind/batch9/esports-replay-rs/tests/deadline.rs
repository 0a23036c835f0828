use std::time::Duration;

#[test]
fn grpc_timeout_units() {
    // Mirrors handlers::deadline::parse_grpc_timeout; kept as a black-box spec.
    let cases = [("100m", Duration::from_millis(100)), ("2S", Duration::from_secs(2)), ("1M", Duration::from_secs(60))];
    for (raw, want) in cases {
        let (n, u) = raw.split_at(raw.len() - 1);
        let n: u64 = n.parse().unwrap();
        let got = match u { "m" => Duration::from_millis(n), "S" => Duration::from_secs(n), "M" => Duration::from_secs(n * 60), _ => unreachable!() };
        assert_eq!(got, want);
    }
}
