//! F3: does the downstream get the caller's remaining deadline?

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status, Timeline};
use tokio::time::Instant;

use super::{
    CanaryProbe, Ctx, ResolvedCall, Verdict, at, canary_probe, ms, secs, spawn_call, with_timeline,
};
use crate::config::DeadlineProbe;

pub(crate) struct Plan {
    pub call: ResolvedCall,
    pub cfg: DeadlineProbe,
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let CanaryProbe {
        canary,
        id,
        nonce: n,
        marker,
    } = match canary_probe(ctx, "f3-deadline", &plan.call).await {
        Ok(p) => p,
        Err(v) => return v,
    };
    let t0 = Instant::now();
    let task = spawn_call(ctx, &plan.call, &id, &n, Some(cfg.deadline));
    let seen = canary
        .wait_for(
            &marker,
            t0 + cfg.deadline + Duration::from_millis(500),
            |_| true,
        )
        .await;
    let client_end = task.finish(Duration::from_millis(100)).await;
    let Some(seen) = seen else {
        return Verdict::inconclusive(format!(
            "no call reached the canary within the {} deadline (the client call ended: {}); point the target's downstream at {} and use a method that calls it",
            secs(cfg.deadline),
            client_end.unwrap_or_else(|| "still running".into()),
            canary.addr
        ));
    };
    let elapsed = seen.arrived.saturating_duration_since(t0);
    let remaining = cfg.deadline.saturating_sub(elapsed);
    let mut timeline = Timeline {
        span_ms: ms(cfg.deadline) + 500,
        sent_ms: vec![0],
        ..Default::default()
    }
    .mark(ms(cfg.deadline), "client deadline", MarkKind::Deadline)
    .mark(
        at(t0, seen.arrived),
        "downstream call arrives",
        MarkKind::Downstream,
    );
    if let Some(t) = seen.grpc_timeout {
        timeline = timeline.mark(
            at(t0, seen.arrived) + ms(t),
            "downstream deadline",
            MarkKind::Deadline,
        );
    }
    let data = with_timeline(
        json!({
            "client_deadline_ms": ms(cfg.deadline),
            "arrival_ms": ms(elapsed),
            "remaining_ms": ms(remaining),
            "downstream_timeout_ms": seen.grpc_timeout.map(ms),
            "downstream_grpc_timeout": seen.grpc_timeout_raw,
            "slack_ms": ms(cfg.slack),
        }),
        &timeline,
    );
    match seen.grpc_timeout {
        None => Verdict::new(
            Status::Fail,
            format!(
                "the downstream call carried no grpc-timeout, though the caller had {} left",
                secs(remaining)
            ),
            data,
        ),
        Some(t) if t > remaining + cfg.slack => Verdict::new(
            Status::Fail,
            format!(
                "the downstream call got a {} timeout, but only {} of the caller's {} deadline remained",
                secs(t),
                secs(remaining),
                secs(cfg.deadline)
            ),
            data,
        ),
        Some(t) => Verdict::new(
            Status::Pass,
            format!(
                "the downstream call got {} of the {} that remained of the caller's deadline",
                secs(t),
                secs(remaining)
            ),
            data,
        ),
    }
}
