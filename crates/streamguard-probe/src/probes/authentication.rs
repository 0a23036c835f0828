//! F1, authentication at open: are streams opened with no token, a token with a bad signature,
//! an expired token, a token for another audience or an `alg: none` token refused?
//!
//! The bad tokens are built here, by the auditor itself. A stream that gets data without a valid
//! token fails F1 outright (and F2 cannot pass); refusing them all does not pass F1 by itself.
//! With credentials, a control stream with a valid token shows what "accepted" looks like on the
//! method, so a method that fails for every caller is not mistaken for one that refuses.

use std::time::Duration;

use base64::Engine as _;
use serde_json::{Value, json};
use streamguard_report::Status;
use tokio::time::Instant;

use super::{Ctx, ResolvedCall, Verdict, method_name, ms, secs};
use crate::{
    config::AuthenticationProbe,
    credentials::{jwt_claims, now_unix},
    grpc::{Next, describe, nonce, to_json},
    judge::is_denial,
};

pub(crate) struct Plan {
    /// One call per streaming method, with the first message to send.
    pub calls: Vec<ResolvedCall>,
    pub cfg: AuthenticationProbe,
}

/// A credential that must be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attempt {
    NoToken,
    BadSignature,
    Expired,
    WrongAudience,
    AlgNone,
}

impl Attempt {
    const ALL: [Attempt; 5] = [
        Self::NoToken,
        Self::BadSignature,
        Self::Expired,
        Self::WrongAudience,
        Self::AlgNone,
    ];

    /// "the server accepted a stream with …"
    fn what(self) -> &'static str {
        match self {
            Self::NoToken => "no token",
            Self::BadSignature => "a token with a bad signature",
            Self::Expired => "an expired token",
            Self::WrongAudience => "a token for another audience",
            Self::AlgNone => "an `alg: none` token",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::NoToken => "no_token",
            Self::BadSignature => "bad_signature",
            Self::Expired => "expired",
            Self::WrongAudience => "wrong_audience",
            Self::AlgNone => "alg_none",
        }
    }
}

/// The audience a wrong-audience token names.
const OTHER_AUDIENCE: &str = "streamguard-audit-another-audience";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// An unsigned JWT: header `{"alg":"none"}`, the claims, and an empty signature.
fn alg_none(claims: &serde_json::Map<String, Value>) -> String {
    let header = json!({"alg": "none", "typ": "JWT"});
    format!(
        "{}.{}.",
        b64(header.to_string().as_bytes()),
        b64(Value::Object(claims.clone()).to_string().as_bytes())
    )
}

/// The same JWT with every bit of its signature flipped; `None` if it is not a signed JWT.
fn corrupt_signature(token: &str) -> Option<String> {
    let (signed, sig) = token.rsplit_once('.')?;
    jwt_claims(token)?;
    let mut bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(sig.trim_end_matches('='))
        .ok()
        .filter(|b| !b.is_empty())?;
    bytes.iter_mut().for_each(|b| *b = !*b);
    Some(format!("{signed}.{}", b64(&bytes)))
}

/// HS256 over `claims` with a random key nobody else knows.
fn random_key_token(claims: &serde_json::Map<String, Value>) -> Option<String> {
    let key: [u8; 32] = rand::random();
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(&key),
    )
    .ok()
}

/// The token of one attempt: `Ok(None)` sends no token; `Err` says why it cannot be built.
async fn token(
    ctx: &Ctx<'_>,
    attempt: Attempt,
    sub: &str,
    scopes: &[String],
) -> Result<Option<String>, String> {
    let issuer = ctx.issuer;
    let now = now_unix();
    let jti = uuid::Uuid::new_v4().to_string();
    let valid_claims = issuer.claims(sub, &jti, scopes, now, now + 120, None);
    let signed = |claims| match issuer.sign(&claims) {
        Some(Ok(t)) => Ok(Some(t)),
        Some(Err(e)) => Err(format!("could not sign it: {e}")),
        None => Err("needs [credentials.mint] to sign one".into()),
    };
    match attempt {
        Attempt::NoToken => Ok(None),
        Attempt::AlgNone => Ok(Some(alg_none(&valid_claims))),
        Attempt::BadSignature => {
            // A token the target would take, but for its signature; else one signed with a key
            // the target cannot know.
            let real = if issuer.given() {
                issuer
                    .issue(sub, scopes, Duration::from_secs(120))
                    .await
                    .ok()
                    .and_then(|id| corrupt_signature(&id.token))
            } else {
                None
            };
            real.or_else(|| random_key_token(&valid_claims))
                .map(Some)
                .ok_or_else(|| "could not build one".into())
        }
        Attempt::Expired => signed(issuer.claims(
            sub,
            &jti,
            scopes,
            now.saturating_sub(900),
            now.saturating_sub(600),
            None,
        )),
        Attempt::WrongAudience => match issuer.audience() {
            None => Err("needs credentials.mint.aud".into()),
            Some(_) => {
                signed(issuer.claims(sub, &jti, scopes, now, now + 120, Some(OTHER_AUDIENCE)))
            }
        },
    }
}

/// What the target did with one stream within the observation window.
#[derive(Debug, Clone)]
enum Seen {
    /// It sent data: the first message, not a denial.
    Data(Value),
    /// It refused: an authentication status, or a message that is a denial.
    Refused(String),
    /// It ended with another status, or OK without data.
    Ended(String),
    /// It neither answered nor refused.
    Silent,
}

impl Seen {
    fn label(&self) -> String {
        match self {
            Self::Data(v) => format!("data: {}", truncate(&v.to_string(), 160)),
            Self::Refused(how) => format!("refused: {how}"),
            Self::Ended(how) => format!("ended: {how}"),
            Self::Silent => "no answer and no refusal".into(),
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn ended(status: &tonic::Status) -> Seen {
    match status.code() {
        tonic::Code::Unauthenticated | tonic::Code::PermissionDenied => {
            Seen::Refused(describe(status))
        }
        _ => Seen::Ended(describe(status)),
    }
}

/// Opens `call` with `token` and watches it for the probe's window.
async fn open_and_watch(
    ctx: &Ctx<'_>,
    plan: &Plan,
    call: &ResolvedCall,
    token: Option<&str>,
    sub: &str,
) -> Seen {
    let window = plan.cfg.observe;
    let msg = match call.request.render(sub, &nonce(), 1) {
        Ok(m) => m,
        Err(e) => return Seen::Ended(e.to_string()),
    };
    let until = Instant::now() + window;
    let opened =
        tokio::time::timeout_at(until, ctx.target.open(&call.method, token, msg, None)).await;
    let mut c = match opened {
        Err(_) => return Seen::Silent,
        Ok(Err(s)) => return ended(&s),
        Ok(Ok(c)) => c,
    };
    if !call.method.is_server_streaming() {
        // A client-streaming call answers once the client is done.
        c.close_send();
    }
    match c.next(until).await {
        Next::Message(m) => {
            let v = to_json(&m);
            if is_denial(&v, plan.cfg.denial.as_ref()) {
                Seen::Refused(truncate(&v.to_string(), 160))
            } else {
                Seen::Data(v)
            }
        }
        Next::End(Ok(())) => Seen::Ended("OK without data".into()),
        Next::End(Err(s)) => ended(&s),
        Next::Timeout => Seen::Silent,
    }
}

/// The judgement of one attempt.
#[derive(Debug)]
enum Outcome {
    Accepted(Value),
    Refused(String),
    Unclear(String),
    NotTried(String),
}

/// Judges what a bad credential got against what the valid control token got (if any).
fn judge(seen: Seen, control: Option<&Seen>) -> Outcome {
    let control_accepted = matches!(control, Some(Seen::Data(_) | Seen::Silent));
    match seen {
        Seen::Data(v) => Outcome::Accepted(v),
        Seen::Refused(how) => match control {
            Some(c @ (Seen::Refused(_) | Seen::Ended(_))) => Outcome::Unclear(format!(
                "{how}, but the valid control token was not accepted either ({}): check [credentials] and the request",
                c.label()
            )),
            _ => Outcome::Refused(how),
        },
        Seen::Ended(how) if control_accepted => {
            Outcome::Refused(format!("{how}, while a valid token was accepted"))
        }
        Seen::Ended(how) => Outcome::Unclear(format!(
            "ended with {how}, which does not say the token was refused"
        )),
        Seen::Silent => {
            Outcome::Unclear("the stream was held open with no data and no refusal".into())
        }
    }
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let window = plan.cfg.observe;
    if plan.calls.is_empty() {
        return Verdict::new(
            Status::NotTested,
            "no streaming method to open: name one in [probes.authentication] calls or in another probe section",
            Value::Null,
        );
    }
    (ctx.progress)(&format!(
        "F1 authentication: opening {} streaming method(s) without a valid token",
        plan.calls.len()
    ));
    let per_call = plan.calls.iter().map(|call| async move {
        let control = async {
            if !ctx.issuer.given() {
                return None;
            }
            let sub = ctx.issuer.subject("f1-auth-control");
            let id = ctx
                .issuer
                .issue(&sub, &call.scopes, Duration::from_secs(120))
                .await;
            Some(match id {
                Ok(id) => open_and_watch(ctx, plan, call, Some(&id.token), &sub).await,
                Err(e) => Seen::Ended(format!("could not get a valid token: {e}")),
            })
        };
        let attempts = futures::future::join_all(Attempt::ALL.map(|a| async move {
            let sub = ctx.issuer.subject("f1-auth");
            match token(ctx, a, &sub, &call.scopes).await {
                Ok(t) => (
                    a,
                    Ok(open_and_watch(ctx, plan, call, t.as_deref(), &sub).await),
                ),
                Err(why) => (a, Err(why)),
            }
        }));
        let (control, attempts) = tokio::join!(control, attempts);
        let outcomes: Vec<(Attempt, Outcome)> = attempts
            .into_iter()
            .map(|(a, seen)| {
                let o = match seen {
                    Ok(seen) => judge(seen, control.as_ref()),
                    Err(why) => Outcome::NotTried(why),
                };
                (a, o)
            })
            .collect();
        (call, control, outcomes)
    });
    let results = futures::future::join_all(per_call).await;

    let mut evidence_data = vec![];
    let mut accepted = vec![];
    let mut unclear = vec![];
    let mut refused = vec![];
    let mut not_tried: Vec<(Attempt, String)> = vec![];
    for (call, control, outcomes) in &results {
        let method = method_name(&call.method);
        for (a, o) in outcomes {
            let (outcome, detail) = match o {
                Outcome::Accepted(v) => {
                    accepted.push((*a, method.clone(), v.clone()));
                    ("accepted", v.to_string())
                }
                Outcome::Refused(how) => {
                    refused.push((*a, how.clone()));
                    ("refused", how.clone())
                }
                Outcome::Unclear(why) => {
                    unclear.push(format!("{} on {method}: {why}", a.what()));
                    ("unclear", why.clone())
                }
                Outcome::NotTried(why) => {
                    if !not_tried.iter().any(|(x, _)| x == a) {
                        not_tried.push((*a, why.clone()));
                    }
                    ("not_tried", why.clone())
                }
            };
            evidence_data.push(json!({
                "method": method,
                "attempt": a.key(),
                "outcome": outcome,
                "detail": truncate(&detail, 300),
            }));
        }
        if let Some(c) = control {
            evidence_data.push(json!({
                "method": method,
                "attempt": "valid_control",
                "outcome": c.label(),
            }));
        }
    }
    let data = json!({
        "observe_ms": ms(window),
        "attempts": evidence_data,
    });
    let not_tried_line = (!not_tried.is_empty()).then(|| {
        format!(
            "not tried: {}",
            not_tried
                .iter()
                .map(|(a, why)| format!("{} ({why})", a.what()))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    let (status, mut lines) = if !accepted.is_empty() {
        // One line per kind of credential: the methods that took it and the first answer.
        let lines = Attempt::ALL
            .iter()
            .filter_map(|a| {
                let hits: Vec<&(Attempt, String, Value)> =
                    accepted.iter().filter(|(x, _, _)| x == a).collect();
                let (_, first_method, answer) = hits.first()?;
                let methods: Vec<&str> = hits.iter().map(|(_, m, _)| m.as_str()).collect();
                Some(format!(
                    "the server accepted a stream with {} on {} ({first_method} answered {})",
                    a.what(),
                    methods.join(", "),
                    truncate(&answer.to_string(), 120)
                ))
            })
            .collect();
        (Status::Fail, lines)
    } else if unclear.is_empty() && !refused.is_empty() {
        let how = refused.first().map(|(_, h)| h.clone()).unwrap_or_default();
        (
            Status::Pass,
            vec![format!(
                "every stream without a valid token was refused at open on {} method(s), within {}: {} (e.g. {how})",
                results.len(),
                secs(window),
                Attempt::ALL
                    .iter()
                    .filter(|a| refused.iter().any(|(r, _)| r == *a))
                    .map(|a| a.what())
                    .collect::<Vec<_>>()
                    .join(", ")
            )],
        )
    } else if unclear.is_empty() {
        (
            Status::NotTested,
            vec!["no stream could be opened without a valid token".into()],
        )
    } else {
        (Status::Inconclusive, unclear)
    };
    lines.extend(not_tried_line);
    let mut verdict = Verdict::new(status, lines.remove(0), data);
    verdict
        .evidence
        .extend(lines.into_iter().map(streamguard_report::Evidence::note));
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alg_none_token_has_a_none_header_and_an_empty_signature() {
        let mut claims = serde_json::Map::new();
        claims.insert("sub".into(), json!("x"));
        let t = alg_none(&claims);
        let (head, rest) = t.split_once('.').unwrap();
        assert!(rest.ends_with('.'), "{t}");
        let header: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(head)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(header["alg"], "none");
        assert_eq!(jwt_claims(&t).unwrap()["sub"], "x");
    }

    #[test]
    fn a_corrupted_signature_keeps_header_and_claims_and_changes_the_signature() {
        let mut claims = serde_json::Map::new();
        claims.insert("sub".into(), json!("x"));
        claims.insert("exp".into(), json!(4_102_444_800u64));
        let good = random_key_token(&claims).unwrap();
        let bad = corrupt_signature(&good).unwrap();
        assert_eq!(
            good.rsplit_once('.').unwrap().0,
            bad.rsplit_once('.').unwrap().0
        );
        assert_ne!(good, bad);
        assert_eq!(corrupt_signature("not-a-jwt"), None);
        assert_eq!(
            corrupt_signature(&alg_none(&claims)),
            None,
            "nothing to corrupt"
        );
    }

    #[test]
    fn data_is_acceptance_and_a_refusal_counts_only_when_a_valid_token_is_not_refused_too() {
        assert!(matches!(
            judge(Seen::Data(json!({"n": 1})), None),
            Outcome::Accepted(_)
        ));
        assert!(matches!(
            judge(Seen::Refused("UNAUTHENTICATED".into()), None),
            Outcome::Refused(_)
        ));
        assert!(matches!(
            judge(
                Seen::Refused("UNAUTHENTICATED".into()),
                Some(&Seen::Refused("UNAUTHENTICATED".into()))
            ),
            Outcome::Unclear(_)
        ));
        assert!(matches!(
            judge(Seen::Ended("INVALID_ARGUMENT".into()), None),
            Outcome::Unclear(_)
        ));
        assert!(matches!(
            judge(
                Seen::Ended("INTERNAL bad token".into()),
                Some(&Seen::Data(json!({})))
            ),
            Outcome::Refused(_)
        ));
        assert!(matches!(judge(Seen::Silent, None), Outcome::Unclear(_)));
    }
}
