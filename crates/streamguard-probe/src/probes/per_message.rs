//! F2: on one authorized bidi stream, is a message the token does not cover refused?

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline, TimelineEnd};
use tokio::time::Instant;

use super::{Ctx, Verdict, at, identity, refused, secs, with_timeline};
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
}

impl Plan {
    pub fn resolve(target: &Target, cfg: &PerMessageProbe) -> Result<Self, ConfigError> {
        let key = "probes.per_message";
        let method = find_method(&target.pool, &format!("{key}.method"), &cfg.method)?;
        if !method.is_client_streaming() || !method.is_server_streaming() {
            return Err(ConfigError::invalid(
                format!("{key}.method"),
                format!(
                    "`{}` is not bidirectional; per-message authorization is probed on a `stream → stream` method",
                    cfg.method
                ),
            ));
        }
        Ok(Self {
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
    let render = |t: &MessageTemplate, n: &str| {
        t.render(&id.sub, n)
            .map_err(|e| Verdict::inconclusive(e.to_string()))
    };
    let (m1, m2, m3) = match (
        render(&plan.allowed, &nonces[0]),
        render(&plan.forbidden, &nonces[1]),
        render(&plan.allowed, &nonces[2]),
    ) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        (Err(v), _, _) | (_, Err(v), _) | (_, _, Err(v)) => return v,
    };
    let t0 = Instant::now();
    let mut sent = vec![t0];
    let mut received = vec![];
    let mut call = match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target.open(&plan.method, &id.token, m1, None),
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
        (Answer::Success(_), _) => Verdict::new(
            Status::Fail,
            format!(
                "the forbidden message was answered with success on a stream authorized for {:?}{canary_note}",
                cfg.scopes
            ),
            data,
        ),
        (_, Some(true)) => Verdict::new(
            Status::Fail,
            format!(
                "the forbidden message was executed: it reached the downstream (answer: {})",
                second.label()
            ),
            data,
        ),
        (Answer::Denied(_) | Answer::Ended(_), _) => Verdict::new(
            Status::Pass,
            format!(
                "the forbidden message was refused: {}{canary_note}; then {}",
                second.label(),
                third.label()
            ),
            data,
        ),
        (Answer::Silence, Some(false)) => Verdict::new(
            Status::Pass,
            format!(
                "the forbidden message got no answer within {} and never reached the downstream",
                secs(cfg.response_timeout)
            ),
            data,
        ),
        (Answer::Silence, None) => Verdict::new(
            Status::Inconclusive,
            format!(
                "the forbidden message got no answer within {}; configure a [canary] and put {{nonce}} in probes.per_message.forbidden to see whether it was executed",
                secs(cfg.response_timeout)
            ),
            data,
        ),
    }
}
