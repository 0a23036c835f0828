use tasking_server::auth::Claims;
use tasking_server::revocation::Revocation;

fn claims() -> Claims {
    Claims {
        sub: "cust-42".into(),
        jti: "t-1".into(),
        exp: 4_000_000_000,
        scope: "tasking:submit tasking:read".into(),
        regions: vec!["EU".into()],
        orders: vec!["ORD-42-*".into()],
    }
}

#[test]
fn scopes_are_space_delimited() {
    let c = claims();
    assert!(c.has_scope("tasking:submit"));
    assert!(!c.has_scope("tasking"));
}

#[test]
fn order_prefix_ownership() {
    let c = claims();
    assert!(c.owns_order("ORD-42-0007"));
    assert!(!c.owns_order("ORD-43-0001"));
}

#[test]
fn revocation_matches_jti_or_sub() {
    let c = claims();
    assert!(Revocation { jti: Some("t-1".into()), sub: None }.matches(&c));
    assert!(Revocation { jti: None, sub: Some("cust-42".into()) }.matches(&c));
    assert!(!Revocation { jti: Some("t-2".into()), sub: Some("cust-7".into()) }.matches(&c));
}
