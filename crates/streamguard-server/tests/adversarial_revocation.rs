//! Adversarial revocation and admin API, over real loopback gRPC and HTTP: revoked subjects
//! stay revoked until lifted, retention follows the configured token lifetime, and the admin
//! token is checked the same way whatever is presented.

mod common;

use std::time::Duration;

use common::*;
use serde_json::json;
use streamguard::revocation::Revocation;
use streamguard_proto::mcp::v1::WatchResourceRequest;
use streamguard_server::ServeConfig;
use tonic::Code;

fn watch() -> WatchResourceRequest {
    WatchResourceRequest {
        uri: "mcp://users/alice/notes".into(),
        interval_ms: 50,
    }
}

async fn opens(lab: &Lab, token: &str) -> Result<(), tonic::Status> {
    let mut s = lab
        .streaming()
        .watch_resource(authed(watch(), token))
        .await?
        .into_inner();
    match tokio::time::timeout(Duration::from_secs(5), futures::StreamExt::next(&mut s)).await {
        Ok(Some(Ok(_))) => Ok(()),
        Ok(Some(Err(status))) => Err(status),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_revoked_subject_stays_revoked_until_lifted_by_delete() {
    let lab = start_dev().await;
    let (token, _) = lab.token("alice", "files:read", Duration::from_secs(600));
    opens(&lab, &token).await.unwrap();
    assert_eq!(lab.revoke_as_admin(json!({"sub": "alice"})).await, 200);
    let refused = opens(&lab, &token).await.unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    // Kept until lifted: nothing schedules its removal.
    let retention = lab
        .server
        .guard
        .revocations()
        .policy()
        .retention(&Revocation::Sub("alice".into()), 0);
    assert_eq!(retention.until, None);
    assert_eq!(lab.lift_as_admin(json!({"sub": "alice"})).await, 200);
    opens(&lab, &token)
        .await
        .expect("lifted: the token works again");
    assert_eq!(lab.lift_as_admin(json!({"sub": "alice"})).await, 404);
    assert_eq!(
        lab.lift_as_admin(json!({"jti": "never-revoked"})).await,
        404
    );
}

#[tokio::test]
async fn delete_needs_the_admin_token_and_a_well_formed_body() {
    let lab = start_dev().await;
    let body = json!({"sub": "alice"});
    assert_eq!(
        lab.admin_request(http::Method::DELETE, None, body.clone())
            .await,
        401
    );
    assert_eq!(
        lab.admin_request(http::Method::DELETE, Some("Bearer nope"), body)
            .await,
        403
    );
    assert_eq!(
        lab.lift_as_admin(json!({"sub": "a", "jti": "b"})).await,
        400
    );
    assert_eq!(lab.lift_as_admin(json!({"nope": 1})).await, 400);
}

#[tokio::test]
async fn retention_follows_the_configured_token_lifetime_and_subject_horizon() {
    let lab = start(ServeConfig {
        auth: streamguard::auth::AuthConfig {
            max_token_lifetime: Duration::from_secs(7200),
            leeway: Duration::from_secs(1),
            ..Default::default()
        },
        sub_revocation_retention: Some(Duration::from_secs(3 * 86400)),
        ..ServeConfig::dev()
    })
    .await;
    let policy = *lab.server.guard.revocations().policy();
    let jti = policy.retention(&Revocation::Jti("j".into()), 1_000);
    assert_eq!(
        jti.until,
        Some(1_000 + 7_200 + 2),
        "L + 2 x leeway, not a fixed day"
    );
    let sub = policy.retention(&Revocation::Sub("s".into()), 1_000);
    assert_eq!(sub.until, Some(1_000 + 3 * 86_400));
    // A sub horizon shorter than a token can live is refused at start-up.
    let err = streamguard_server::start(ServeConfig {
        sub_revocation_retention: Some(Duration::from_secs(60)),
        ..ServeConfig::dev()
    })
    .await
    .err()
    .expect("refused");
    assert!(
        format!("{err:#}").contains("revocation.sub_retention"),
        "{err:#}"
    );
}

#[tokio::test]
async fn a_revoked_jti_with_no_live_stream_is_refused_for_the_tokens_whole_life() {
    let lab = start_dev().await;
    let (token, spec) = lab.token("alice", "files:read", Duration::from_secs(3600));
    let jti = spec.jti.unwrap();
    assert_eq!(lab.revoke_as_admin(json!({"jti": jti})).await, 200);
    assert_eq!(
        opens(&lab, &token).await.unwrap_err().code(),
        Code::PermissionDenied
    );
    let kept = lab
        .server
        .guard
        .revocations()
        .policy()
        .retention(&Revocation::Jti(jti), 0)
        .until
        .unwrap();
    assert!(
        kept >= 24 * 3600,
        "kept for the longest token lifetime (24 h by default): {kept}"
    );
}

#[tokio::test]
async fn wrong_admin_tokens_of_every_length_get_the_same_answer() {
    let lab = start_dev().await;
    let real = lab.server.admin_token.clone();
    let mut wrong = vec![
        String::new(),
        "x".into(),
        real[..real.len() - 1].to_string(),
        format!("{real}x"),
        "y".repeat(real.len()),
        "z".repeat(4096),
    ];
    let mut flipped = real.clone().into_bytes();
    flipped[0] ^= 1;
    wrong.push(String::from_utf8(flipped).unwrap());
    for w in wrong {
        let status = lab
            .revoke(Some(&format!("Bearer {w}")), json!({"sub": "nobody"}))
            .await;
        assert!(
            status == 403 || (w.is_empty() && status == 401),
            "{w:?}: {status}"
        );
    }
    assert_eq!(lab.revoke_as_admin(json!({"sub": "nobody"})).await, 200);
}
