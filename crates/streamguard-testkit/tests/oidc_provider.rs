//! The OpenID provider is real and does what issue 13's tests rely on: https discovery and JWKS
//! under the test CA only, JWT access tokens for a resource that verify against that JWKS, opaque
//! tokens that introspect active until revoked, and key rotation on the same issuer.

use std::collections::HashSet;
use std::time::Duration;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use serde::Deserialize;
use streamguard_testkit::{HttpsClient, OidcProvider, TestPki, TokenRequest};

const RESOURCE: &str = "https://mcp.example";

#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    client_id: String,
    scope: String,
    jti: String,
    iat: u64,
    exp: u64,
}

async fn jwks(idp: &OidcProvider) -> JwkSet {
    let response = idp.https().get(idp.jwks_uri()).await.expect("JWKS");
    assert_eq!(response.status, 200, "{}", response.text());
    response.json().expect("a JWK set")
}

fn kids(set: &JwkSet) -> HashSet<String> {
    set.keys
        .iter()
        .filter_map(|k| k.common.key_id.clone())
        .collect()
}

/// Verifies `token` the way a resource server does: the key named by its `kid` in `set`, RS256,
/// issuer and audience checked, no leeway.
fn verify(token: &str, set: &JwkSet, issuer: &str, audience: &str) -> Claims {
    let kid = decode_header(token)
        .expect("a JWS header")
        .kid
        .expect("a kid");
    let jwk = set
        .find(&kid)
        .unwrap_or_else(|| panic!("kid {kid} not in the JWKS"));
    let key = DecodingKey::from_jwk(jwk).expect("an RSA public key");
    let mut validation = Validation::new(Algorithm::RS256);
    validation.leeway = 0;
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    decode::<Claims>(token, &key, &validation)
        .unwrap_or_else(|e| panic!("token does not verify: {e}"))
        .claims
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[tokio::test]
async fn discovery_and_jwks_are_served_over_https_trusting_only_the_test_ca() {
    let idp = OidcProvider::start().await;
    assert!(
        idp.issuer().starts_with("https://127.0.0.1:"),
        "{}",
        idp.issuer()
    );

    let response = idp.https().get(&idp.discovery_url()).await.unwrap();
    assert_eq!(response.status, 200);
    let doc: serde_json::Value = response.json().unwrap();
    assert_eq!(doc["issuer"], idp.issuer());
    for endpoint in [
        "jwks_uri",
        "introspection_endpoint",
        "revocation_endpoint",
        "token_endpoint",
    ] {
        let url = doc[endpoint]
            .as_str()
            .unwrap_or_else(|| panic!("no {endpoint}"));
        assert!(url.starts_with(idp.issuer()), "{endpoint} = {url}");
    }
    assert_eq!(doc["jwks_uri"], idp.jwks_uri());
    assert_eq!(doc["introspection_endpoint"], idp.introspection_endpoint());
    assert_eq!(doc["revocation_endpoint"], idp.revocation_endpoint());

    let set = jwks(&idp).await;
    assert_eq!(set.keys.len(), 1);
    assert!(set.keys[0].common.key_id.is_some());

    // The same CA read back from `ca_pem_path()` is what a verifier's `ca_file` gets.
    let ca_file = std::fs::read_to_string(idp.ca_pem_path()).unwrap();
    assert!(ca_file.starts_with("-----BEGIN CERTIFICATE-----"));

    let stranger = HttpsClient::trusting(TestPki::new().ca_cert_der());
    let refused = stranger.get(&idp.discovery_url()).await.unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("invalid peer certificate: UnknownIssuer"),
        "a client trusting another CA got: {refused}"
    );
}

#[tokio::test]
async fn jwt_access_token_for_a_resource_verifies_against_the_fetched_jwks() {
    let idp = OidcProvider::start().await;
    let token = idp
        .client_credentials_jwt("tools:echo files:read", RESOURCE)
        .await;
    assert_eq!(token.token_type, "Bearer");
    assert_eq!(token.scope.as_deref(), Some("tools:echo files:read"));

    let header = decode_header(token.as_str()).unwrap();
    assert_eq!(header.alg, Algorithm::RS256);
    let set = jwks(&idp).await;
    assert!(kids(&set).contains(header.kid.as_deref().unwrap()));

    let claims = verify(token.as_str(), &set, idp.issuer(), RESOURCE);
    assert_eq!(claims.iss, idp.issuer());
    assert_eq!(claims.aud, RESOURCE);
    assert_eq!(claims.sub, streamguard_testkit::oidc::JWT_CLIENT_ID);
    assert_eq!(claims.client_id, streamguard_testkit::oidc::JWT_CLIENT_ID);
    assert_eq!(claims.scope, "tools:echo files:read");
    assert!(!claims.jti.is_empty());
    assert_eq!(claims.exp - claims.iat, token.expires_in);
    assert!(claims.iat.abs_diff(unix_now()) <= 5);

    // The audience is really checked: the same token is refused for another resource.
    let mut wrong_audience = Validation::new(Algorithm::RS256);
    wrong_audience.set_audience(&["https://other.example"]);
    let key = DecodingKey::from_jwk(set.find(header.kid.as_deref().unwrap()).unwrap()).unwrap();
    assert!(decode::<Claims>(token.as_str(), &key, &wrong_audience).is_err());
}

#[tokio::test]
async fn requested_lifetime_sets_exp_of_jwt_and_opaque_tokens() {
    let idp = OidcProvider::start().await;
    let ttl = Duration::from_secs(3);

    let jwt = idp
        .token(TokenRequest::jwt("tools:echo", RESOURCE).ttl(ttl))
        .await;
    assert_eq!(jwt.expires_in, 3);
    let claims = verify(jwt.as_str(), &jwks(&idp).await, idp.issuer(), RESOURCE);
    assert_eq!(claims.exp - claims.iat, 3);

    let opaque = idp
        .token(TokenRequest::opaque("tools:echo", RESOURCE).ttl(ttl))
        .await;
    let introspection = idp.introspect(opaque.as_str()).await;
    assert_eq!(introspection["active"], true);
    assert_eq!(introspection["aud"], RESOURCE);
    let (exp, iat) = (
        introspection["exp"].as_u64().unwrap(),
        introspection["iat"].as_u64().unwrap(),
    );
    assert_eq!(exp - iat, 3);
}

#[tokio::test]
async fn opaque_token_introspects_active_until_revoked_at_the_provider() {
    let idp = OidcProvider::start().await;
    let token = idp.client_credentials_opaque("tools:echo").await;
    assert_eq!(decode_header(token.as_str()).ok(), None, "not a JWT");

    let active = idp.introspect(token.as_str()).await;
    assert_eq!(active["active"], true, "{active}");
    assert_eq!(active["sub"], streamguard_testkit::oidc::OPAQUE_CLIENT_ID);
    assert_eq!(
        active["client_id"],
        streamguard_testkit::oidc::OPAQUE_CLIENT_ID
    );
    assert_eq!(active["aud"], streamguard_testkit::oidc::OPAQUE_RESOURCE);
    assert_eq!(active["scope"], "tools:echo");
    assert_eq!(active["iss"], idp.issuer());
    assert!(active["exp"].as_u64().unwrap() > unix_now());

    idp.revoke(token.as_str()).await;

    let revoked = idp.introspect(token.as_str()).await;
    assert_eq!(revoked, serde_json::json!({ "active": false }));

    // Introspection needs the resource server's real credentials.
    let client = idp.introspection_client();
    let wrong_secret = idp
        .https()
        .post_form(
            idp.introspection_endpoint(),
            Some((&client.id, "not-the-secret")),
            &[("token", token.as_str())],
        )
        .await
        .unwrap();
    assert_eq!(wrong_secret.status, 401, "{}", wrong_secret.text());
}

#[tokio::test]
async fn after_key_rotation_new_tokens_carry_a_new_kid_published_beside_the_old_one() {
    let idp = OidcProvider::start().await;
    let issuer = idp.issuer().to_string();
    let before = idp.client_credentials_jwt("tools:echo", RESOURCE).await;
    let old_kid = decode_header(before.as_str()).unwrap().kid.unwrap();
    let opaque = idp.client_credentials_opaque("tools:echo").await;

    let rotated = idp.rotate_keys().await;

    assert_ne!(rotated.signing_kid, old_kid);
    assert_eq!(
        rotated.published_kids,
        [rotated.signing_kid.clone(), old_kid.clone()]
    );
    let after = idp.client_credentials_jwt("tools:echo", RESOURCE).await;
    let new_kid = decode_header(after.as_str()).unwrap().kid.unwrap();
    assert_eq!(new_kid, rotated.signing_kid);

    let set = jwks(&idp).await;
    assert_eq!(kids(&set), HashSet::from([new_kid, old_kid]));
    verify(after.as_str(), &set, &issuer, RESOURCE);
    verify(before.as_str(), &set, &issuer, RESOURCE);
    // Same issuer, same port, same token store.
    assert_eq!(idp.issuer(), issuer);
    assert_eq!(idp.introspect(opaque.as_str()).await["active"], true);

    // A second rotation retires the first key.
    let again = idp.rotate_keys().await;
    let set = jwks(&idp).await;
    assert_eq!(
        kids(&set),
        HashSet::from([again.signing_kid, rotated.signing_kid])
    );
}

#[tokio::test]
async fn provider_process_is_gone_once_its_handle_drops() {
    let idp = OidcProvider::start().await;
    let authority = idp.issuer().trim_start_matches("https://").to_string();
    tokio::net::TcpStream::connect(&authority)
        .await
        .expect("listening");

    drop(idp);

    let refused = tokio::net::TcpStream::connect(&authority).await;
    assert!(refused.is_err(), "still listening after drop");
}
