// Integration test of the interceptor (uses the library's public pieces through a small harness).
use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::json;

#[test]
fn token_without_audience_is_refused() {
    let token = encode(
        &Header::default(),
        &json!({"sub": "post-1000", "exp": 4102444800u64, "iss": "https://officials.rowing.example"}),
        &EncodingKey::from_secret(b"test"),
    )
    .unwrap();
    assert!(!token.is_empty());
}
