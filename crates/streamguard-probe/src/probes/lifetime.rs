//! F6: does a stream end by itself before the longest acceptable lifetime?

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline, TimelineEnd};
use tokio::time::Instant;

use super::{
    Ctx, ResolvedCall, Verdict, Watched, at, identity, ms, open, secs, watch, with_timeline,
};
use crate::{config::LifetimeProbe, grpc::nonce};

pub(crate) struct Plan {
    pub call: ResolvedCall,
    pub cfg: LifetimeProbe,
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    // The token outlives the probe, so expiry cannot be what ends the stream.
    let ttl = cfg.max_acceptable_lifetime + Duration::from_secs(120);
    let id = match identity(ctx, "f6-lifetime", &plan.call.scopes, ttl).await {
        Ok(id) => id,
        Err(v) => return v,
    };
    let t0 = Instant::now();
    let mut call = match open(ctx, &plan.call, &id, &nonce(), None).await {
        Ok(c) => c,
        Err(v) => return v,
    };
    (ctx.progress)(&format!(
        "F6 lifetime: holding a stream open for up to {}",
        secs(cfg.max_acceptable_lifetime)
    ));
    let limit = t0 + cfg.max_acceptable_lifetime;
    let mut w = Watched {
        received: vec![],
        end: None,
    };
    watch(&mut call, limit, &mut w).await;
    drop(call);
    let timeline = Timeline {
        span_ms: ms(cfg.max_acceptable_lifetime) + 500,
        received_ms: w.received.iter().map(|t| at(t0, *t)).collect(),
        sent_ms: vec![0],
        marks: vec![],
        end: w.end.as_ref().map(|(t, _)| TimelineEnd {
            at_ms: at(t0, *t),
            status: w.end_label().unwrap_or_default(),
        }),
    }
    .mark(
        ms(cfg.max_acceptable_lifetime),
        "max acceptable lifetime",
        MarkKind::Tolerance,
    );
    let lifetime = w.end.as_ref().map(|(t, _)| t.saturating_duration_since(t0));
    let data = with_timeline(
        json!({
            "lifetime_ms": lifetime.map(ms),
            "max_acceptable_lifetime_ms": ms(cfg.max_acceptable_lifetime),
            "messages": w.received.len(),
            "end_status": w.end_label(),
        }),
        &timeline,
    );
    match (&w.end, lifetime) {
        (Some((_, Err(s))), Some(d))
            if d < Duration::from_millis(500)
                && matches!(
                    s.code(),
                    tonic::Code::Unauthenticated
                        | tonic::Code::PermissionDenied
                        | tonic::Code::InvalidArgument
                        | tonic::Code::Unimplemented
                ) =>
        {
            Verdict::new(
                Status::Inconclusive,
                format!(
                    "the stream was refused right away ({}); check the probe's credentials and request",
                    w.end_label().unwrap_or_default()
                ),
                data,
            )
        }
        (Some(_), Some(d)) => Verdict::new(
            Status::Pass,
            format!(
                "the server ended the stream after {} with {}",
                secs(d),
                w.end_label().unwrap_or_default()
            ),
            data,
        ),
        _ => Verdict::new(
            Status::Fail,
            format!(
                "the stream was still open after {} ({} messages received); nothing bounds its lifetime",
                secs(cfg.max_acceptable_lifetime),
                w.received.len()
            ),
            data,
        ),
    }
}
