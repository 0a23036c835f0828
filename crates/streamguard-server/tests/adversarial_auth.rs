//! Adversarial tokens at stream open, over real loopback gRPC: scope strings that smuggle a
//! scope past a Unicode-whitespace split, JWS `crit`, tokens whose lifetime has no bound or is
//! too long, absurd `exp` values, and out-of-range configuration refused at start-up.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use serde_json::json;
use streamguard_proto::mcp::v1::{WatchResourceRequest, tool_call_event::Event};
use streamguard_server::ServeConfig;
use tonic::Code;

fn watch(uri: &str) -> WatchResourceRequest {
    WatchResourceRequest {
        uri: uri.into(),
        interval_ms: 50,
    }
}

/// Opens a watch and returns its first update, or the refusal.
async fn first_update(lab: &Lab, uri: &str, token: &str) -> Result<(), tonic::Status> {
    let mut s = lab
        .streaming()
        .watch_resource(authed(watch(uri), token))
        .await?
        .into_inner();
    match tokio::time::timeout(Duration::from_secs(5), s.next()).await {
        Ok(Some(Ok(_))) => Ok(()),
        Ok(Some(Err(status))) => Err(status),
        Ok(None) => Err(tonic::Status::unknown("ended without an update")),
        Err(_) => panic!("no update within 5 s"),
    }
}

#[tokio::test]
async fn a_scope_joined_by_unicode_whitespace_grants_nothing() {
    let lab = start_dev().await;
    for ws in ["\u{a0}", "\t", "\u{2003}", "\n"] {
        let mut claims = lab.claims("mallory", "", Duration::from_secs(60));
        claims["scope"] = json!(format!("tools:echo{ws}admin"));
        let token = lab.token_with(claims);
        let mut bidi = open_bidi(&lab, &token).await.unwrap();
        let ev = bidi
            .call(tool_call("r", "delete_repo", json!({"repo": "x"})))
            .await
            .unwrap();
        let Some(Event::Error(e)) = ev.event else {
            panic!("{ws:?}: delete_repo ran: {ev:?}")
        };
        assert_eq!(e.message, "insufficient_scope", "{ws:?}");
    }
    // A scp array entry holding two scopes is not split into them either.
    let mut claims = lab.claims("mallory", "", Duration::from_secs(60));
    claims.as_object_mut().unwrap().remove("scope");
    claims["scp"] = json!(["tools:echo admin"]);
    let mut bidi = open_bidi(&lab, &lab.token_with(claims)).await.unwrap();
    let ev = bidi
        .call(tool_call("r", "delete_repo", json!({})))
        .await
        .unwrap();
    assert!(matches!(ev.event, Some(Event::Error(_))), "{ev:?}");
}

#[tokio::test]
async fn a_token_whose_header_is_critical_about_an_extension_is_refused() {
    use base64::Engine;
    let lab = start_dev().await;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let claims = lab.claims("alice", "files:read", Duration::from_secs(60));
    let signing_input = format!(
        "{}.{}",
        b64(r#"{"alg":"HS256","typ":"JWT","crit":["b64"],"b64":true}"#),
        b64(&claims.to_string())
    );
    // Sign the crafted header with the real secret: only `crit` is wrong with it.
    let signature = {
        let whole = lab.token_with(claims.clone());
        let key = jsonwebtoken::EncodingKey::from_secret(lab.server.dev_secret.as_bytes());
        let sig = jsonwebtoken::crypto::sign(
            signing_input.as_bytes(),
            &key,
            jsonwebtoken::Algorithm::HS256,
        )
        .unwrap();
        assert_ne!(whole.rsplit('.').next(), Some(sig.as_str()));
        sig
    };
    let token = format!("{signing_input}.{signature}");
    let refused = first_update(&lab, "mcp://users/alice/x", &token)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::Unauthenticated);
    assert_eq!(refused.message(), "malformed_token");
}

#[tokio::test]
async fn tokens_without_a_bounded_lifetime_are_refused() {
    let lab = start(ServeConfig {
        auth: streamguard::auth::AuthConfig {
            max_token_lifetime: Duration::from_secs(3600),
            ..Default::default()
        },
        ..ServeConfig::dev()
    })
    .await;
    let uri = "mcp://users/alice/x";
    let good = lab.claims("alice", "files:read", Duration::from_secs(60));
    first_update(&lab, uri, &lab.token_with(good.clone()))
        .await
        .expect("a token with iat and a short life opens");
    let now = good["iat"].as_u64().unwrap();
    for (what, change, reason) in [
        ("no iat", json!({"iat": null}), "missing_claim"),
        (
            "iat in the future",
            json!({"iat": now + 600, "exp": now + 900}),
            "token_not_yet_valid",
        ),
        (
            "lives 2 h",
            json!({"exp": now + 7200}),
            "token_lifetime_too_long",
        ),
        (
            "exp 2^63",
            json!({"exp": 1u64 << 63}),
            "token_lifetime_too_long",
        ),
        (
            "exp 2^64-1",
            json!({"exp": u64::MAX}),
            "token_lifetime_too_long",
        ),
    ] {
        let mut claims = good.clone();
        for (k, v) in change.as_object().unwrap() {
            if v.is_null() {
                claims.as_object_mut().unwrap().remove(k);
            } else {
                claims[k] = v.clone();
            }
        }
        let refused = first_update(&lab, uri, &lab.token_with(claims))
            .await
            .unwrap_err();
        assert_eq!(refused.code(), Code::Unauthenticated, "{what}");
        assert_eq!(refused.message(), reason, "{what}");
    }
    // Still enforcing: a 1 s token's stream ends at its expiry.
    let short = lab.token_with(lab.claims("alice", "files:read", Duration::from_secs(1)));
    let mut s = lab
        .streaming()
        .watch_resource(authed(watch(uri), &short))
        .await
        .unwrap()
        .into_inner();
    let t0 = Instant::now();
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(5), s.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => break status,
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(status.message(), "token_expired");
    assert!(t0.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_token_expiring_in_a_year_leaves_every_other_stream_enforced() {
    let lab = start(ServeConfig {
        auth: streamguard::auth::AuthConfig {
            max_token_lifetime: streamguard_server::config::MAX_LIMIT,
            ..Default::default()
        },
        max_stream_lifetime: streamguard_server::config::MAX_LIMIT,
        idle_timeout: streamguard_server::config::MAX_LIMIT,
        ..ServeConfig::dev()
    })
    .await;
    let year = lab.token_with(lab.claims("far", "files:read", Duration::from_secs(364 * 86400)));
    first_update(&lab, "mcp://users/far/x", &year)
        .await
        .unwrap();
    // A caller deadline far beyond the timer wheel (99999999 hours) is accepted, not a panic.
    let mut r = authed(watch("mcp://users/far/y"), &year);
    r.metadata_mut()
        .insert("grpc-timeout", "99999999H".parse().unwrap());
    let mut far = lab
        .streaming()
        .watch_resource(r)
        .await
        .unwrap()
        .into_inner();
    assert!(matches!(far.next().await, Some(Ok(_))));
    let mut r = authed(watch("mcp://users/far/z"), &year);
    r.metadata_mut()
        .insert("grpc-timeout", "300m".parse().unwrap());
    let mut near = lab
        .streaming()
        .watch_resource(r)
        .await
        .unwrap()
        .into_inner();
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(5), near.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => break status,
            other => panic!("the 300 ms deadline was never enforced: {other:?}"),
        }
    };
    assert_eq!(status.code(), Code::DeadlineExceeded);
    assert!(!lab.server.guard.enforcement_failed());
}

#[tokio::test]
async fn out_of_range_limits_weak_secrets_and_unfetchable_key_urls_fail_at_start_up() {
    let huge = Duration::from_secs(u64::MAX);
    for (config, says) in [
        (
            ServeConfig {
                max_stream_lifetime: huge,
                ..ServeConfig::dev()
            },
            "limits.max_stream_lifetime",
        ),
        (
            ServeConfig {
                idle_timeout: huge,
                ..ServeConfig::dev()
            },
            "limits.idle_timeout",
        ),
        (
            ServeConfig {
                max_deadline: Some(huge),
                ..ServeConfig::dev()
            },
            "limits.max_deadline",
        ),
        (
            ServeConfig {
                auth: streamguard::auth::AuthConfig {
                    leeway: huge,
                    ..Default::default()
                },
                ..ServeConfig::dev()
            },
            "auth.leeway",
        ),
        (
            ServeConfig {
                dev_secret: Some("some-long-dev-secret".into()),
                ..ServeConfig::dev()
            },
            "at least 32",
        ),
        (
            ServeConfig {
                admin_token: Some("t".into()),
                auth: streamguard::auth::AuthConfig {
                    keys: vec![streamguard::auth::KeyConfig {
                        algorithm: streamguard::auth::Algorithm::RS256,
                        source: streamguard::auth::KeySource::JwksUrl {
                            url: "ftp://issuer.example/jwks".into(),
                            ttl: Duration::from_secs(60),
                            ca_file: None,
                        },
                        kid: None,
                        allow_weak_secret: false,
                    }],
                    ..Default::default()
                },
                ..ServeConfig::dev()
            },
            "only http:// and https://",
        ),
    ] {
        let config = ServeConfig {
            dev: config.dev && config.auth.keys.is_empty(),
            ..config
        };
        let err = match streamguard_server::start(config).await {
            Ok(_) => panic!("{says}: the server started"),
            Err(e) => format!("{e:#}"),
        };
        assert!(err.contains(says), "{says}: {err}");
    }
}
