//! F2: on one authorized bidi stream, is a message the token does not cover refused?
//!
//! A refusal counts only against a control: the same forbidden message must succeed on a stream
//! whose token holds the scopes it needs. Otherwise "refused" may be an unknown tool or arguments
//! that do not parse, and the verdict is inconclusive. No answer at all is never a pass.

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline, TimelineEnd};
use tokio::time::Instant;

use super::{Ctx, NeedsStream, Verdict, at, identity, refused, secs, with_timeline};
use crate::{
    config::{ConfigError, PerMessageProbe},
    grpc::{MessageTemplate, Next, OpenCall, Target, describe, nonce, to_json},
    judge::is_denial,
};
use streamguard_descriptors::find_method;

pub(crate) struct Plan {
    pub method: prost_reflect::MethodDescriptor,
    pub allowed: MessageTemplate,
    pub forbidden: MessageTemplate,
    pub cfg: PerMessageProbe,
    /// The scopes of the control stream.
    pub control_scopes: Vec<String>,
}

impl Plan {
    /// `all_scopes`: every scope the config names, the default control scopes.
    pub fn resolve(
        target: &Target,
        cfg: &PerMessageProbe,
        all_scopes: &[String],
    ) -> Result<Self, ConfigError> {
        let key = "probes.per_message";
        let method = find_method(&target.pool, &format!("{key}.method"), &cfg.method)?;
        NeedsStream::Bidi.check(target, &format!("{key}.method"), &method)?;
        Ok(Self {
            control_scopes: cfg
                .control_scopes
                .clone()
                .unwrap_or_else(|| all_scopes.to_vec()),
            allowed: MessageTemplate::new(&format!("{key}.allowed"), method.input(), &cfg.allowed)?,
            forbidden: MessageTemplate::new(
                &format!("{key}.forbidden"),
                method.input(),
                &cfg.forbidden,
            )?,
            method,
            cfg: cfg.clone(),
        })
    }
}

/// How the target answered one message.
#[derive(Debug)]
enum Answer {
    Success(serde_json::Value),
    Denied(String),
    Ended(String),
    Silence,
}

impl Answer {
    fn label(&self) -> String {
        match self {
            Self::Success(_) => "success".into(),
            Self::Denied(how) => format!("denied ({how})"),
            Self::Ended(how) => format!("stream ended ({how})"),
            Self::Silence => "no answer".into(),
        }
    }
}

async fn answer(
    call: &mut OpenCall,
    timeout: Duration,
    plan: &Plan,
    received: &mut Vec<Instant>,
) -> Answer {
    match call.next(Instant::now() + timeout).await {
        Next::Message(m) => {
            received.push(Instant::now());
            let v = to_json(&m);
            if is_denial(&v, plan.cfg.denial.as_ref()) {
                Answer::Denied(v.to_string())
            } else {
                Answer::Success(v)
            }
        }
        Next::End(Ok(())) => Answer::Ended("OK".into()),
        Next::End(Err(s)) => Answer::Ended(describe(&s)),
        Next::Timeout => Answer::Silence,
    }
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let id = match identity(ctx, "f2-permsg", &cfg.scopes, Duration::from_secs(120)).await {
        Ok(id) => id,
        Err(v) => return v,
    };
    let nonces = [nonce(), nonce(), nonce()];
    let render = |t: &MessageTemplate, n: &str, seq: u64| {
        t.render(&id.sub, n, seq)
            .map_err(|e| Verdict::inconclusive(e.to_string()))
    };
    let (m1, m2, m3) = match (
        render(&plan.allowed, &nonces[0], 1),
        render(&plan.forbidden, &nonces[1], 2),
        render(&plan.allowed, &nonces[2], 3),
    ) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(v), _, _) | (_, Err(v), _) | (_, _, Err(v)) => return v,
    };
    let t0 = Instant::now();
    let mut sent = vec![t0];
    let mut received = vec![];
    let mut call = match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target.open(&plan.method, Some(&id.token), m1, None),
    )
    .await
    {
        Ok(Ok(c)) => c,
        Ok(Err(s)) => return refused(&s),
        Err(_) => return Verdict::inconclusive("the target did not answer the call within 10 s"),
    };
    let first = answer(&mut call, cfg.response_timeout, plan, &mut received).await;
    if !matches!(first, Answer::Success(_)) {
        return Verdict::inconclusive(format!(
            "the allowed message was not answered with success ({}); grant its scopes in probes.per_message.scopes, or set probes.per_message.denial",
            first.label()
        ));
    }
    (ctx.progress)("F2 per-message: sending the forbidden message");
    sent.push(Instant::now());
    let second = if call.send(m2).await {
        answer(&mut call, cfg.response_timeout, plan, &mut received).await
    } else {
        Answer::Ended("the stream closed before the forbidden message".into())
    };
    let third = if matches!(
        second,
        Answer::Success(_) | Answer::Denied(_) | Answer::Silence
    ) {
        sent.push(Instant::now());
        if call.send(m3).await {
            answer(&mut call, cfg.response_timeout, plan, &mut received).await
        } else {
            Answer::Ended("closed".into())
        }
    } else {
        Answer::Ended("not sent: the stream had ended".into())
    };
    drop(call);
    let done = Instant::now();

    // Did the forbidden message reach the downstream?
    let reached = match ctx.canary {
        Some(c) if plan.forbidden.mentions_nonce() => {
            tokio::time::sleep(Duration::from_millis(200)).await;
            Some(!c.calls_with(&nonces[1]).is_empty())
        }
        _ => None,
    };
    let timeline = Timeline {
        span_ms: at(t0, done),
        received_ms: received.iter().map(|t| at(t0, *t)).collect(),
        sent_ms: sent.iter().map(|t| at(t0, *t)).collect(),
        marks: vec![],
        end: None,
    }
    .mark(at(t0, sent[1]), "forbidden message sent", MarkKind::Other);
    let timeline = match &second {
        Answer::Ended(how) => Timeline {
            end: Some(TimelineEnd {
                at_ms: at(t0, done),
                status: how.clone(),
            }),
            ..timeline
        },
        _ => timeline,
    };
    let data = with_timeline(
        json!({
            "allowed": first.label(),
            "forbidden": second.label(),
            "allowed_again": third.label(),
            "forbidden_reached_downstream": reached,
            "forbidden_answer": match &second { Answer::Success(v) => v.clone(), _ => serde_json::Value::Null },
            "scopes": cfg.scopes,
        }),
        &timeline,
    );
    let canary_note = match reached {
        Some(true) => ", and it reached the downstream (the canary saw it)",
        Some(false) => "; the canary never saw it",
        None => "",
    };
    match (&second, reached) {
        (Answer::Success(_), _) => {
            return Verdict::new(
                Status::Fail,
                format!(
                    "the forbidden message was answered with success on a stream authorized for {:?}{canary_note}",
                    cfg.scopes
                ),
                data,
            );
        }
        (_, Some(true)) => {
            return Verdict::new(
                Status::Fail,
                format!(
                    "the forbidden message was executed: it reached the downstream (answer: {})",
                    second.label()
                ),
                data,
            );
        }
        _ => {}
    }
    // Refused or silent: only a control stream tells a denial from a message that fails anyway.
    (ctx.progress)("F2 per-message: sending the forbidden message on a control stream");
    let control = control(ctx, plan).await;
    let mut data = data;
    data["control"] = json!(control.label());
    data["control_scopes"] = json!(plan.control_scopes);
    if !matches!(control, Answer::Success(_)) {
        return Verdict::new(
            Status::Inconclusive,
            format!(
                "the forbidden message got {} on the narrow token, but it did not succeed on a control stream holding {:?} either ({}): that answer may not be an authorization denial (an unknown tool, arguments that do not parse). Name a tool the server has, with arguments it accepts, in probes.per_message.forbidden, and grant what it needs in probes.per_message.control_scopes",
                second.label(),
                plan.control_scopes,
                control.label()
            ),
            data,
        );
    }
    match second {
        Answer::Silence => Verdict::new(
            Status::Inconclusive,
            format!(
                "the forbidden message got no answer within {}{canary_note}, though it succeeded on a control stream: silence is never a pass — a refusal must be seen (an error answer or the stream ending)",
                secs(cfg.response_timeout)
            ),
            data,
        ),
        _ => Verdict::new(
            Status::Pass,
            format!(
                "the forbidden message was refused: {}{canary_note}; then {} — and it succeeded on a control stream holding {:?}",
                second.label(),
                third.label(),
                plan.control_scopes
            ),
            data,
        ),
    }
}

/// Sends allowed, then forbidden, on a fresh stream whose token holds the control scopes; the
/// answer to the forbidden message.
async fn control(ctx: &Ctx<'_>, plan: &Plan) -> Answer {
    let cfg = &plan.cfg;
    let id = match identity(
        ctx,
        "f2-control",
        &plan.control_scopes,
        Duration::from_secs(120),
    )
    .await
    {
        Ok(id) => id,
        Err(v) => return Answer::Ended(v.evidence[0].message.clone()),
    };
    let (allowed, forbidden) = match (
        plan.allowed.render(&id.sub, &nonce(), 1),
        plan.forbidden.render(&id.sub, &nonce(), 2),
    ) {
        (Ok(a), Ok(f)) => (a, f),
        (Err(e), _) | (_, Err(e)) => return Answer::Ended(e.to_string()),
    };
    let mut call = match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target
            .open(&plan.method, Some(&id.token), allowed, None),
    )
    .await
    {
        Ok(Ok(c)) => c,
        Ok(Err(s)) => return Answer::Ended(format!("refused at open: {}", describe(&s))),
        Err(_) => return Answer::Ended("no answer to the call within 10 s".into()),
    };
    let mut received = vec![];
    let first = answer(&mut call, cfg.response_timeout, plan, &mut received).await;
    if !matches!(first, Answer::Success(_)) {
        return Answer::Ended(format!("the allowed message got {} there", first.label()));
    }
    if !call.send(forbidden).await {
        return Answer::Ended("the stream closed before the forbidden message".into());
    }
    answer(&mut call, cfg.response_timeout, plan, &mut received).await
}
