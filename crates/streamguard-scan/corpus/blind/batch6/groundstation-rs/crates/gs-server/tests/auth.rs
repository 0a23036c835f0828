//! The interceptor refuses calls without a valid token.

use tonic::Request;

#[path = "../src/auth.rs"]
mod auth;

const TEST_PEM: &[u8] = include_bytes!("fixtures/test-idp.pub.pem");

#[test]
fn missing_token_is_unauthenticated() {
    let a = auth::Authenticator::from_pem(TEST_PEM, "https://idp.test", "ground-segment").unwrap();
    let err = a.intercept(Request::new(())).unwrap_err();
    assert_eq!(err.code(), tonic::Code::Unauthenticated);
}

#[test]
fn non_bearer_scheme_is_unauthenticated() {
    let a = auth::Authenticator::from_pem(TEST_PEM, "https://idp.test", "ground-segment").unwrap();
    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", "Basic Zm9vOmJhcg==".parse().unwrap());
    assert_eq!(a.intercept(req).unwrap_err().code(), tonic::Code::Unauthenticated);
}
