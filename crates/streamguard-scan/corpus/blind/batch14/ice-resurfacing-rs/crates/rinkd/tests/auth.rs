// Integration tests of the JWT interceptor (needs the test key pair).
use std::time::{SystemTime, UNIX_EPOCH};

use jsonwebtoken::{encode, EncodingKey, Header, Algorithm};
use serde_json::json;
use tonic::Request;

#[path = "../src/auth.rs"]
mod auth;

const PRIV: &[u8] = include_bytes!("fixtures/ec-private.pem");
const PUB: &[u8] = include_bytes!("fixtures/ec-public.pem");

fn token(exp_offset: i64) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let claims = json!({"sub": "zam-07", "exp": now + exp_offset, "kind": "machine",
                        "iss": "https://id.arenas.example", "aud": "rinkd"});
    encode(&Header::new(Algorithm::ES256), &claims, &EncodingKey::from_ec_pem(PRIV).unwrap()).unwrap()
}

#[test]
fn accepts_valid_machine_token() {
    let check = auth::JwtCheck::new(PUB, "https://id.arenas.example");
    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", format!("Bearer {}", token(60)).parse().unwrap());
    let req = check.intercept(req).expect("valid");
    assert_eq!(req.extensions().get::<auth::Claims>().unwrap().sub, "zam-07");
}

#[test]
fn rejects_expired_token() {
    let check = auth::JwtCheck::new(PUB, "https://id.arenas.example");
    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", format!("Bearer {}", token(-120)).parse().unwrap());
    assert_eq!(check.intercept(req).unwrap_err().code(), tonic::Code::Unauthenticated);
}
