//! F5: after the identity is rate limited, does a new stream get a fresh allowance?
//!
//! "Limited" answers count as an identity limit only against a control: the same message must
//! then succeed for a fresh identity (holding the control scopes). Otherwise the limit may be
//! global, or the message may fail for every caller, and the verdict is inconclusive.

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline, TimelineEnd};
use tokio::time::Instant;

use super::{Ctx, NeedsStream, Verdict, at, identity, ms, refused, secs, with_timeline};
use crate::{
    config::{ConfigError, RateLimitProbe},
    grpc::{MessageTemplate, Next, OpenCall, Target, describe, nonce, to_json},
    judge::{is_denial, is_rate_limited},
};
use streamguard_descriptors::find_method;

pub(crate) struct Plan {
    pub method: prost_reflect::MethodDescriptor,
    pub message: MessageTemplate,
    pub cfg: RateLimitProbe,
    /// The scopes of the fresh control identity.
    pub control_scopes: Vec<String>,
}

impl Plan {
    /// `all_scopes`: every scope the config names, the default control scopes.
    pub fn resolve(
        target: &Target,
        cfg: &RateLimitProbe,
        all_scopes: &[String],
    ) -> Result<Self, ConfigError> {
        let key = "probes.rate_limit";
        let method = find_method(&target.pool, &format!("{key}.method"), &cfg.method)?;
        NeedsStream::Bidi.check(target, &format!("{key}.method"), &method)?;
        Ok(Self {
            control_scopes: cfg
                .control_scopes
                .clone()
                .unwrap_or_else(|| all_scopes.to_vec()),
            message: MessageTemplate::new(&format!("{key}.message"), method.input(), &cfg.message)?,
            method,
            cfg: cfg.clone(),
        })
    }
}

/// How one stream of the probe went.
struct Run {
    accepted: u32,
    /// Why it stopped: limited (with how), or another reason.
    limited: Option<String>,
    other_end: Option<String>,
    sent: Vec<Instant>,
    received: Vec<Instant>,
    ended_at: Option<Instant>,
}

async fn send_until_limited(
    ctx: &Ctx<'_>,
    plan: &Plan,
    token: &str,
    sub: &str,
    max: u32,
    until: Instant,
) -> Run {
    let mut run = Run {
        accepted: 0,
        limited: None,
        other_end: None,
        sent: vec![],
        received: vec![],
        ended_at: None,
    };
    let msg = |r: &Run| {
        let seq = r.sent.len() as u64 + 1;
        plan.message.render(sub, &format!("{}-{seq}", nonce()), seq)
    };
    let first = match msg(&run) {
        Ok(m) => m,
        Err(e) => {
            run.other_end = Some(e.to_string());
            return run;
        }
    };
    run.sent.push(Instant::now());
    let mut call: OpenCall = match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target.open(&plan.method, Some(token), first, None),
    )
    .await
    {
        Ok(Ok(c)) => c,
        Ok(Err(s)) if s.code() == tonic::Code::ResourceExhausted => {
            run.limited = Some(format!("refused at open: {}", describe(&s)));
            run.ended_at = Some(Instant::now());
            return run;
        }
        Ok(Err(s)) => {
            run.other_end = Some(refused(&s).evidence[0].message.clone());
            return run;
        }
        Err(_) => {
            run.other_end = Some("the target did not answer within 10 s".into());
            return run;
        }
    };
    loop {
        let deadline = (Instant::now() + plan.cfg.response_timeout).min(until.max(Instant::now()));
        match call.next(deadline).await {
            Next::Message(m) => {
                run.received.push(Instant::now());
                let v = to_json(&m);
                if is_rate_limited(&v, plan.cfg.limited.as_ref()) {
                    run.limited = Some(format!("message {v}"));
                    return run;
                }
                if is_denial(&v, None) {
                    // Not a success, not a limit: the message itself is refused.
                    run.other_end = Some(format!("the message was refused: {v}"));
                    return run;
                }
                run.accepted += 1;
            }
            Next::End(Err(s)) if s.code() == tonic::Code::ResourceExhausted => {
                run.limited = Some(describe(&s));
                run.ended_at = Some(Instant::now());
                return run;
            }
            Next::End(r) => {
                run.other_end = Some(r.err().map(|s| describe(&s)).unwrap_or_else(|| "OK".into()));
                run.ended_at = Some(Instant::now());
                return run;
            }
            Next::Timeout => {
                if Instant::now() < until {
                    run.other_end = Some(format!(
                        "no answer within {}",
                        secs(plan.cfg.response_timeout)
                    ));
                }
                return run;
            }
        }
        if run.sent.len() as u32 >= max || Instant::now() >= until {
            return run;
        }
        let m = match msg(&run) {
            Ok(m) => m,
            Err(e) => {
                run.other_end = Some(e.to_string());
                return run;
            }
        };
        run.sent.push(Instant::now());
        if !call.send(m).await {
            run.other_end = Some("the stream closed".into());
            return run;
        }
    }
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let id = match identity(
        ctx,
        "f5-ratelimit",
        &cfg.scopes,
        cfg.max_duration * 2 + Duration::from_secs(60),
    )
    .await
    {
        Ok(id) => id,
        Err(v) => return v,
    };
    let t0 = Instant::now();
    let first = send_until_limited(
        ctx,
        plan,
        &id.token,
        &id.sub,
        cfg.max_messages,
        t0 + cfg.max_duration,
    )
    .await;
    let t1 = Instant::now();
    let mut timeline = Timeline {
        span_ms: at(t0, t1),
        sent_ms: first.sent.iter().map(|t| at(t0, *t)).collect(),
        received_ms: first.received.iter().map(|t| at(t0, *t)).collect(),
        ..Default::default()
    };
    let Some(how) = first.limited.clone() else {
        if let Some(other) = first.other_end {
            return Verdict::inconclusive(format!(
                "the first stream stopped after {} accepted messages without a rate limit: {other}",
                first.accepted
            ));
        }
        let data = with_timeline(
            json!({ "first_stream_accepted": first.accepted, "bound_messages": cfg.max_messages, "bound_ms": ms(cfg.max_duration) }),
            &timeline,
        );
        return Verdict::new(
            Status::Fail,
            format!(
                "no rate limit showed within the bound: {} messages accepted in {} on one stream (bound {} messages / {})",
                first.accepted,
                secs(t1 - t0),
                cfg.max_messages,
                secs(cfg.max_duration)
            ),
            data,
        );
    };
    (ctx.progress)(&format!(
        "F5 rate limit: limited after {} messages, reconnecting",
        first.accepted
    ));
    // A fresh allowance is at least half of what the first stream got (and at least 2).
    let threshold = first.accepted.div_ceil(2).max(2);
    let t2 = Instant::now();
    let second = send_until_limited(
        ctx,
        plan,
        &id.token,
        &id.sub,
        threshold + 1,
        t2 + cfg.max_duration,
    )
    .await;
    let t3 = Instant::now();
    timeline.span_ms = at(t0, t3);
    timeline
        .sent_ms
        .extend(second.sent.iter().map(|t| at(t0, *t)));
    timeline
        .received_ms
        .extend(second.received.iter().map(|t| at(t0, *t)));
    timeline = timeline
        .mark(
            at(t0, first.ended_at.unwrap_or(t1)),
            "limited",
            MarkKind::Other,
        )
        .mark(at(t0, t2), "new stream, same identity", MarkKind::Other);
    if let Some(t) = second.ended_at {
        timeline.end = Some(TimelineEnd {
            at_ms: at(t0, t),
            status: second
                .limited
                .clone()
                .or(second.other_end.clone())
                .unwrap_or_default(),
        });
    }
    let data = with_timeline(
        json!({
            "first_stream_accepted": first.accepted,
            "first_stream_limited": how,
            "second_stream_accepted": second.accepted,
            "second_stream_limited": second.limited,
            "fresh_allowance_threshold": threshold,
            "reconnect_ms": ms(t2 - t1),
        }),
        &timeline,
    );
    if second.accepted >= threshold {
        return Verdict::new(
            Status::Fail,
            format!(
                "reconnecting reset the limit: the first stream was limited after {} messages ({how}), a new stream with the same identity then got {} more",
                first.accepted, second.accepted
            ),
            data,
        );
    }
    if second.limited.is_none() {
        return Verdict::new(
            Status::Inconclusive,
            format!(
                "the first stream was limited after {} messages, but the new stream stopped after {} for another reason: {}",
                first.accepted,
                second.accepted,
                second.other_end.unwrap_or_default()
            ),
            data,
        );
    }
    // The limits must be this identity's: the same message succeeds for a fresh one.
    (ctx.progress)("F5 rate limit: sending the message for a fresh control identity");
    let control = control(ctx, plan).await;
    let mut data = data;
    data["control"] = json!(
        control
            .as_ref()
            .map_or_else(|e| e.clone(), |()| "success".into())
    );
    data["control_scopes"] = json!(plan.control_scopes);
    if let Err(why) = control {
        return Verdict::new(
            Status::Inconclusive,
            format!(
                "the identity was limited after {} messages and stayed limited on a new stream, but the same message did not succeed for a fresh control identity holding {:?} either ({why}): the limit may be global, or the message may fail for everyone",
                first.accepted, plan.control_scopes
            ),
            data,
        );
    }
    Verdict::new(
        Status::Pass,
        format!(
            "the identity stayed limited across streams: limited after {} messages, a new stream got {} before {}, while a fresh identity's message succeeded",
            first.accepted,
            second.accepted,
            second.limited.unwrap_or_default()
        ),
        data,
    )
}

/// One message for a fresh identity holding the control scopes: `Ok` if answered with success.
async fn control(ctx: &Ctx<'_>, plan: &Plan) -> Result<(), String> {
    let id = identity(
        ctx,
        "f5-control",
        &plan.control_scopes,
        Duration::from_secs(120),
    )
    .await
    .map_err(|v| v.evidence[0].message.clone())?;
    let msg = plan
        .message
        .render(&id.sub, &nonce(), 1)
        .map_err(|e| e.to_string())?;
    let mut call = match tokio::time::timeout(
        Duration::from_secs(10),
        ctx.target.open(&plan.method, Some(&id.token), msg, None),
    )
    .await
    {
        Ok(Ok(c)) => c,
        Ok(Err(s)) => return Err(format!("refused at open: {}", describe(&s))),
        Err(_) => return Err("no answer to the call within 10 s".into()),
    };
    match call.next(Instant::now() + plan.cfg.response_timeout).await {
        Next::Message(m) => {
            let v = to_json(&m);
            if is_rate_limited(&v, plan.cfg.limited.as_ref()) || is_denial(&v, None) {
                Err(format!("answered {v}"))
            } else {
                Ok(())
            }
        }
        Next::End(r) => Err(format!(
            "the stream ended: {}",
            r.err().map(|s| describe(&s)).unwrap_or_else(|| "OK".into())
        )),
        Next::Timeout => Err(format!(
            "no answer within {}",
            secs(plan.cfg.response_timeout)
        )),
    }
}
