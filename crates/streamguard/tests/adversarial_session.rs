//! Adversarial stream sessions: a token whose expiry lies beyond the timer wheel, absurd
//! `exp` values, and thousands of stream opens racing revocations. The guard is driven through
//! its public API with tokens verified by the real authenticator.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;
use streamguard::auth::{AuthConfig, Authenticator, Claims, KeyConfig};
use streamguard::revocation::Revocation;
use streamguard::{Control, Deadline, Guard, GuardConfig, Reason, StreamSession};

const SECRET: &str = "adversarial-session-secret-0123456789abcdef";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn guard(config: GuardConfig, max_token_lifetime: Duration) -> Guard {
    let auth = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig::hs256_secret(SECRET)],
        max_token_lifetime,
        ..AuthConfig::default()
    })
    .unwrap();
    Guard::new(config, auth)
}

async fn claims(guard: &Guard, sub: &str, jti: &str, iat: u64, exp: u64) -> Claims {
    let token = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &json!({"sub": sub, "jti": jti, "iat": iat, "exp": exp}),
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap();
    guard.authenticator().verify(&token).await.unwrap()
}

const YEAR: u64 = 365 * 24 * 3600;

#[tokio::test]
async fn a_token_expiring_beyond_the_timer_wheel_does_not_stop_enforcement() {
    // Only the expiry control arms a timer for the first stream: three years out.
    let config = GuardConfig {
        disabled: vec![Control::Lifetime],
        ..GuardConfig::default()
    };
    let g = guard(config, Duration::from_secs(10 * YEAR));
    let far = claims(&g, "far", "j-far", now(), now() + 3 * YEAR).await;
    let _far = StreamSession::open(&g, far, "/x", None).await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    // Every other stream must still be ended on time.
    let near = claims(&g, "near", "j-near", now(), now() + 600).await;
    let deadline = Some(Deadline::after(Duration::from_millis(200)));
    let s = StreamSession::open(&g, near, "/x", deadline).await.unwrap();
    tokio::time::timeout(Duration::from_secs(3), s.ended())
        .await
        .expect("the stream is ended at its deadline: the timer task still runs");
    assert_eq!(s.termination().unwrap().reason, Reason::DeadlineExceeded);
    assert!(!g.enforcement_failed());
}

#[tokio::test]
async fn an_exp_beyond_2_pow_63_neither_panics_nor_expires_early() {
    let g = guard(GuardConfig::default(), Duration::MAX);
    for exp in [1u64 << 63, u64::MAX - 1, u64::MAX] {
        let c = claims(&g, "huge", "j", now(), exp).await;
        let s = StreamSession::open(&g, c, "/x", None).await.unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(s.termination().is_none(), "exp {exp}");
    }
    let near = claims(&g, "near", "j2", now(), now() + 600).await;
    let s = StreamSession::open(
        &g,
        near,
        "/x",
        Some(Deadline::after(Duration::from_millis(100))),
    )
    .await
    .unwrap();
    tokio::time::timeout(Duration::from_secs(3), s.ended())
        .await
        .expect("enforcement goes on");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stream_opens_racing_revocations_never_survive_them() {
    const ROUNDS: usize = 4000;
    let g = guard(
        GuardConfig {
            max_streams_per_identity: 0,
            ..GuardConfig::default()
        },
        Duration::from_secs(3600),
    );
    let mut tokens = Vec::with_capacity(ROUNDS);
    for i in 0..ROUNDS {
        tokens.push(claims(&g, &format!("u{i}"), &format!("j{i}"), now(), now() + 600).await);
    }
    let survivors = Arc::new(std::sync::Mutex::new(Vec::new()));
    let runtime = tokio::runtime::Handle::current();
    let mut handles = Vec::new();
    for (i, c) in tokens.into_iter().enumerate() {
        let barrier = Arc::new(std::sync::Barrier::new(2));
        let (g1, g2, b1, b2) = (g.clone(), g.clone(), barrier.clone(), barrier);
        let survivors = survivors.clone();
        let rt = runtime.clone();
        // Two OS threads released together: one opens, one revokes the same jti.
        let open = std::thread::spawn(move || {
            b1.wait();
            if let Ok(s) = rt.block_on(StreamSession::open(&g1, c, "/x", None))
                && s.termination().is_none()
            {
                survivors.lock().unwrap().push(s);
            }
        });
        let rt2 = runtime.clone();
        let revoke = std::thread::spawn(move || {
            b2.wait();
            rt2.block_on(g2.revocations().revoke(Revocation::Jti(format!("j{i}"))));
        });
        handles.push((open, revoke));
        if handles.len() == 64 {
            for (a, b) in handles.drain(..) {
                a.join().unwrap();
                b.join().unwrap();
            }
        }
    }
    for (a, b) in handles {
        a.join().unwrap();
        b.join().unwrap();
    }
    let survivors = survivors.lock().unwrap();
    let alive = survivors
        .iter()
        .filter(|s| s.termination().is_none())
        .count();
    assert_eq!(
        alive, 0,
        "{alive} of {ROUNDS} streams opened around their revocation and live on"
    );
}
