use jsonwebtoken::{encode, EncodingKey, Header};
use serde::Serialize;
use table_hub::auth::StaffAuth;

#[derive(Serialize)]
struct C<'a> {
    sub: &'a str,
    exp: u64,
    iss: &'a str,
    aud: &'a str,
    role: &'a str,
    tables: Vec<&'a str>,
}

fn token(exp: u64, aud: &str) -> String {
    let c = C { sub: "d-19", exp, iss: "casino-sso", aud, role: "dealer", tables: vec!["BJ-07"] };
    encode(&Header::default(), &c, &EncodingKey::from_secret(b"test")).unwrap()
}

#[test]
fn verifies_dealer_token() {
    let auth = StaffAuth::new(b"test");
    let c = auth.verify(&token(4_000_000_000, "table-hub")).unwrap();
    assert!(c.assigned_to("BJ-07"));
    assert!(!c.assigned_to("RO-02"));
}

#[test]
fn rejects_wrong_audience_and_expired() {
    let auth = StaffAuth::new(b"test");
    assert!(auth.verify(&token(4_000_000_000, "cage")).is_err());
    assert!(auth.verify(&token(1_000, "table-hub")).is_err());
}
