//! The interceptor must refuse missing, malformed and expired tokens.

use jsonwebtoken::{encode, EncodingKey, Header};
use serde::Serialize;

#[derive(Serialize)]
struct C<'a> {
    sub: &'a str,
    exp: u64,
    accounts: Vec<&'a str>,
}

fn token(exp: u64) -> String {
    encode(&Header::default(), &C { sub: "t1", exp, accounts: vec!["ACC1"] }, &EncodingKey::from_secret(b"s")).unwrap()
}

#[test]
fn expired_token_is_refused() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let t = token(now - 60);
    assert!(!t.is_empty());
}
