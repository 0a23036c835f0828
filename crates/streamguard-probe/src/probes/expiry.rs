//! F1, expiry: does data keep flowing after the token's `exp`?

use std::time::{Duration, SystemTime};

use serde_json::json;
use streamguard_report::{MarkKind, Status};
use tokio::time::Instant;

use super::{
    Ctx, ResolvedCall, Verdict, Watched, at, identity, ms, open, secs, watch, with_timeline,
};
use crate::{config::ExpiryProbe, grpc::nonce};

pub(crate) struct Plan {
    pub call: ResolvedCall,
    pub cfg: ExpiryProbe,
}

pub(crate) async fn run(ctx: &Ctx<'_>, plan: &Plan) -> Verdict {
    let cfg = &plan.cfg;
    let id = match identity(ctx, "f1-expiry", &plan.call.scopes, cfg.token_ttl).await {
        Ok(id) => id,
        Err(v) => return v,
    };
    let t0 = Instant::now();
    let exp = t0
        + id.exp
            .duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO);
    let limit = exp + cfg.tolerance;
    (ctx.progress)(&format!(
        "F1 expiry: stream open, token expires in {}",
        secs(exp - t0)
    ));
    let mut call = match open(ctx, &plan.call, &id, &nonce(), None).await {
        Ok(c) => c,
        Err(v) => return v,
    };
    let mut w = Watched {
        received: vec![],
        end: None,
    };
    watch(&mut call, limit + cfg.observe, &mut w).await;
    drop(call);

    let before_exp = w.received.iter().filter(|t| **t <= exp).count();
    let after_exp = w.received.iter().filter(|t| **t > exp).count();
    let after_limit: Vec<_> = w.received.iter().filter(|t| **t > limit).collect();
    let last = w.received.last().copied();
    // How long the stream outlived the token: to its end, or to the last message if still open.
    let drift = match &w.end {
        Some((t, _)) => t.saturating_duration_since(exp),
        None => (limit + cfg.observe).saturating_duration_since(exp),
    };
    let timeline = w
        .timeline(t0, limit + cfg.observe)
        .mark(at(t0, exp), "exp", MarkKind::Expiry)
        .mark(
            at(t0, limit),
            format!("exp + {} tolerance", secs(cfg.tolerance)),
            MarkKind::Tolerance,
        );
    let data = with_timeline(
        json!({
            "exp_ms": at(t0, exp),
            "tolerance_ms": ms(cfg.tolerance),
            "drift_ms": ms(drift),
            "messages_before_exp": before_exp,
            "messages_after_exp": after_exp,
            "messages_after_tolerance": after_limit.len(),
            "still_open": w.end.is_none(),
            "end_status": w.end_label(),
            "sub": id.sub,
        }),
        &timeline,
    );

    if let Some((t, r)) = &w.end
        && *t <= exp
    {
        let how = match r {
            Ok(()) => "OK".to_string(),
            Err(s) => crate::grpc::describe(s),
        };
        return Verdict::new(
            Status::Inconclusive,
            format!(
                "the stream ended before the token expired ({how} after {}); use a method that streams until stopped",
                secs(*t - t0)
            ),
            data,
        );
    }
    if before_exp == 0 && after_exp == 0 {
        return Verdict::new(
            Status::Inconclusive,
            "no message arrived at all; use a method that streams continuously (e.g. a watch with a short interval)",
            data,
        );
    }
    match (&w.end, after_limit.is_empty()) {
        (Some((t, _)), true) if *t <= limit => Verdict::new(
            Status::Pass,
            format!(
                "the stream ended {} after exp with {}",
                secs(t.saturating_duration_since(exp)),
                w.end_label().unwrap_or_default()
            ),
            data,
        ),
        (None, _) => Verdict::new(
            Status::Fail,
            format!(
                "the stream was still open {} after exp: {} messages after exp + {} tolerance{}",
                secs(drift),
                after_limit.len(),
                secs(cfg.tolerance),
                last.map(|l| format!(
                    ", the last {} after exp",
                    secs(l.saturating_duration_since(exp))
                ))
                .unwrap_or_default()
            ),
            data,
        ),
        (Some((t, _)), _) => Verdict::new(
            Status::Fail,
            format!(
                "data kept flowing {} after exp ({} messages after exp + {} tolerance), then {}",
                secs(t.saturating_duration_since(exp)),
                after_limit.len(),
                secs(cfg.tolerance),
                w.end_label().unwrap_or_default()
            ),
            data,
        ),
    }
}
