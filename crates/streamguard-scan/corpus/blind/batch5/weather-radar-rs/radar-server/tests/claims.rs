use radar_common::auth::Claims;

fn claims(stations: &[&str], scope: &str) -> Claims {
    Claims { sub: "wfo-okx".into(), exp: u64::MAX, jti: "t1".into(), stations: stations.iter().map(|s| s.to_string()).collect(), scope: scope.into() }
}

#[test]
fn station_list_limits_reads() {
    let c = claims(&["KOKX", "KDIX"], "");
    assert!(c.may_read("KOKX"));
    assert!(!c.may_read("KBOX"));
}

#[test]
fn upload_needs_scan_scope() {
    assert!(claims(&[], "sweeps:read scan:upload").has_scope("scan:upload"));
    assert!(!claims(&[], "sweeps:read").has_scope("scan:upload"));
}
