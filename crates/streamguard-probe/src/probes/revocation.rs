//! F1, revocation: does the stream end soon after its token is revoked?

use std::time::Duration;

use serde_json::json;
use streamguard_report::{MarkKind, Status};
use tokio::time::Instant;

use super::{
    Ctx, ResolvedCall, Verdict, Watched, at, identity, ms, open, secs, watch, with_timeline,
};
use crate::{
    config::{RevocationConfig, RevocationProbe},
    grpc::{Next, nonce},
};

pub(crate) struct Plan {
    pub call: ResolvedCall,
    pub cfg: RevocationProbe,
    pub hook: RevocationConfig,
    /// Where `revocation.command` runs: the config file's directory.
    pub dir: Option<std::path::PathBuf>,
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let ttl = cfg.revoke_after + cfg.tolerance + cfg.observe + Duration::from_secs(60);
    let id = match identity(ctx, "f1-revoke", &plan.call.scopes, ttl).await {
        Ok(id) => id,
        Err(v) => return v,
    };
    let t0 = Instant::now();
    let mut call = match open(ctx, &plan.call, &id, &nonce(), None).await {
        Ok(c) => c,
        Err(v) => return v,
    };
    let mut w = Watched {
        received: vec![],
        end: None,
    };
    watch(&mut call, t0 + cfg.revoke_after, &mut w).await;
    if let Some((t, _)) = &w.end {
        return Verdict::inconclusive(format!(
            "the stream ended before the revocation ({} after {}); use a method that streams until stopped",
            w.end_label().unwrap_or_default(),
            secs(*t - t0)
        ));
    }
    (ctx.progress)("F1 revocation: revoking the token mid-stream");
    let sent = Instant::now();
    let hook = plan.hook.clone();
    let (id2, dir) = (id.clone(), plan.dir.clone());
    let mut task =
        tokio::spawn(async move { crate::revocation::revoke(&hook, &id2, dir.as_deref()).await });
    // Keep reading while the hook runs: the stream may end before the hook returns.
    let outcome = loop {
        tokio::select! {
            r = &mut task => break r.unwrap_or_else(|e| Err(format!("revocation hook task failed: {e}"))),
            n = call.next(sent + Duration::from_secs(30)), if w.end.is_none() => match n {
                Next::Message(_) => w.received.push(Instant::now()),
                Next::End(r) => w.end = Some((Instant::now(), r)),
                Next::Timeout => {}
            },
        }
    };
    let acked = Instant::now();
    let what = match outcome {
        Ok(what) => what,
        Err(e) => return Verdict::inconclusive(format!("the revocation hook failed: {e}")),
    };
    let limit = acked + cfg.tolerance;
    watch(&mut call, limit + cfg.observe, &mut w).await;
    drop(call);

    let after_limit = w.received.iter().filter(|t| **t > limit).count();
    let time_to_end = w
        .end
        .as_ref()
        .map(|(t, _)| t.saturating_duration_since(acked));
    let timeline = w
        .timeline(t0, limit + cfg.observe)
        .mark(at(t0, sent), "revocation sent", MarkKind::Revocation)
        .mark(
            at(t0, acked),
            "revocation acknowledged",
            MarkKind::Revocation,
        )
        .mark(
            at(t0, limit),
            format!("+ {} tolerance", secs(cfg.tolerance)),
            MarkKind::Tolerance,
        );
    let data = with_timeline(
        json!({
            "revoked": what,
            "hook_ms": ms(acked - sent),
            "time_to_end_ms": time_to_end.map(ms),
            "tolerance_ms": ms(cfg.tolerance),
            "messages_after_tolerance": after_limit,
            "still_open": w.end.is_none(),
            "end_status": w.end_label(),
        }),
        &timeline,
    );
    match (&w.end, time_to_end) {
        (Some((t, _)), Some(d)) if *t <= limit => Verdict::new(
            Status::Pass,
            format!(
                "revoking {what} ended the stream {} after the revocation with {}",
                secs(d),
                w.end_label().unwrap_or_default()
            ),
            data,
        ),
        (Some(_), Some(d)) => Verdict::new(
            Status::Fail,
            format!(
                "the stream ended only {} after revoking {what} (tolerance {}), {after_limit} messages in between",
                secs(d),
                secs(cfg.tolerance)
            ),
            data,
        ),
        _ => Verdict::new(
            Status::Fail,
            format!(
                "the stream was still open {} after revoking {what}: {after_limit} messages after the tolerance",
                secs(Instant::now().saturating_duration_since(acked))
            ),
            data,
        ),
    }
}
