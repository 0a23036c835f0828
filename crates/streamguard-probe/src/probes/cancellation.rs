//! F4: when the client cancels, is the downstream call it caused cancelled too?

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline};
use tokio::time::Instant;

use super::{
    CanaryProbe, Ctx, ResolvedCall, Verdict, at, canary_probe, ms, secs, spawn_call, with_timeline,
};
use crate::config::CancellationProbe;

pub(crate) struct Plan {
    pub call: ResolvedCall,
    pub cfg: CancellationProbe,
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let CanaryProbe {
        canary,
        id,
        nonce: n,
        marker,
    } = match canary_probe(ctx, "f4-cancel", &plan.call).await {
        Ok(p) => p,
        Err(v) => return v,
    };
    canary.hold(&marker);
    let t0 = Instant::now();
    let task = spawn_call(ctx, &plan.call, &id, &n, None);
    let Some(seen) = canary
        .wait_for(&marker, t0 + cfg.reach_timeout, |c| !c.request.is_null())
        .await
    else {
        let end = task.finish(Duration::ZERO).await;
        return Verdict::inconclusive(format!(
            "no call reached the canary within {} (the client call: {}); point the target's downstream at {} and use a method that calls it",
            secs(cfg.reach_timeout),
            end.unwrap_or_else(|| "still running".into()),
            canary.addr
        ));
    };
    // The canary now holds the downstream call: cancel ours.
    (ctx.progress)("F4 cancellation: downstream call held, cancelling the client call");
    let client_end = task.finish(Duration::ZERO).await;
    let cancelled = Instant::now();
    let limit = cancelled + cfg.tolerance;
    let observe_until = limit + Duration::from_secs(1);
    let after = canary
        .wait_for(&marker, observe_until, |c| {
            c.arrived == seen.arrived && (c.cancelled_at.is_some() || c.answered_at.is_some())
        })
        .await
        .unwrap_or(seen.clone());
    let timeline = Timeline {
        span_ms: at(t0, observe_until),
        sent_ms: vec![0],
        ..Default::default()
    }
    .mark(
        at(t0, seen.arrived),
        "downstream call arrives",
        MarkKind::Downstream,
    )
    .mark(at(t0, cancelled), "client cancels", MarkKind::Cancel)
    .mark(
        at(t0, limit),
        format!("+ {} tolerance", secs(cfg.tolerance)),
        MarkKind::Tolerance,
    );
    let timeline = match after.cancelled_at {
        Some(t) => timeline.mark(at(t0, t), "downstream cancelled", MarkKind::Downstream),
        None => timeline,
    };
    let lag = after
        .cancelled_at
        .map(|t| t.saturating_duration_since(cancelled));
    let data = with_timeline(
        json!({
            "cancel_to_downstream_cancel_ms": lag.map(ms),
            "tolerance_ms": ms(cfg.tolerance),
            "downstream_answered": after.answered_at.is_some(),
            "client_call": client_end,
        }),
        &timeline,
    );
    if let Some(client) = client_end {
        return Verdict::new(
            Status::Inconclusive,
            format!("the client call had already ended ({client}) before the probe cancelled it"),
            data,
        );
    }
    match (after.cancelled_at, after.answered_at, lag) {
        (Some(_), _, Some(d)) if d <= cfg.tolerance => Verdict::new(
            Status::Pass,
            format!(
                "the downstream call was cancelled {} after the client cancelled",
                secs(d)
            ),
            data,
        ),
        (Some(_), _, Some(d)) => Verdict::new(
            Status::Fail,
            format!(
                "the downstream call was cancelled only {} after the client cancelled (tolerance {})",
                secs(d),
                secs(cfg.tolerance)
            ),
            data,
        ),
        (None, Some(_), _) => Verdict::new(
            Status::Inconclusive,
            "the canary answered the call instead of holding it; put {nonce} in probes.cancellation.request in a field the target forwards",
            data,
        ),
        _ => Verdict::new(
            Status::Fail,
            format!(
                "the downstream call was still running {} after the client cancelled",
                secs(Instant::now().saturating_duration_since(cancelled))
            ),
            data,
        ),
    }
}
