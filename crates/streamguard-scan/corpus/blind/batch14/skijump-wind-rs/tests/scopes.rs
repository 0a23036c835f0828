// Claims helpers used by the authorization code.
#[path = "../src/session.rs"]
mod session;

use session::Claims;

fn claims(scope: &str, hills: &[&str]) -> Claims {
    serde_json::from_value(serde_json::json!({
        "sub": "jury-1", "jti": "t", "exp": 0, "scope": scope, "hills": hills,
    }))
    .unwrap()
}

#[test]
fn scope_matching_is_exact() {
    let c = claims("jury calibrate:read", &["HS140"]);
    assert!(c.has_scope("jury"));
    assert!(!c.has_scope("calibrate"));
}

#[test]
fn hills() {
    let c = claims("jury", &["HS140"]);
    assert!(c.has_hill("HS140"));
    assert!(!c.has_hill("HS106"));
}
