use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::recheck::{Recheck, check_auth_drift, loop_recheck};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds tonic streaming methods that check the bearer token when the stream opens (in
    /// the method, or in the program's interceptor or tower layer) and never again while the
    /// stream lives.
    /// A re-check every N seconds is reported too when N is 30 s or more: the finding names
    /// the period, the window in which a revoked token still streams.
    ///
    /// ## Why is this bad?
    /// Interceptors run once per call. A stream opened with a token that expires or is
    /// revoked a minute later keeps serving that identity for as long as it stays open.
    ///
    /// ## Example
    /// ```rs
    /// async fn watch_resource(&self, request: Request<WatchResourceRequest>) -> Result<Response<Self::WatchResourceStream>, Status> {
    ///     let claims = verify_token(request.metadata().get("authorization"))?;
    ///     let (tx, rx) = mpsc::channel(16);
    ///     tokio::spawn(async move { loop { /* send updates forever */ } });
    ///     Ok(Response::new(ReceiverStream::new(rx)))
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Wrap the service in streamguard's layer, which ends the stream at `exp` and on
    /// revocation, or race the work against the expiry yourself:
    /// ```rs
    /// Server::builder().layer(streamguard::StreamGuardLayer::new(config)).add_service(svc);
    /// // or, per stream:
    /// tokio::select! {
    ///     _ = tokio::time::sleep_until(expires_at) => Err(Status::unauthenticated("token_expired")),
    ///     _ = revoked.changed() => Err(Status::permission_denied("token_revoked")),
    ///     r = work => r,
    /// }
    /// ```
    pub(crate) struct AuthDrift;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if !ctx.program.facts.streamguard {
        check_auth_drift(ctx, facts, |verify| recheck(ctx, facts, verify), out);
    }
    true
}

/// What re-checks expiry or revocation after the check at open (`verify`): a sleep until
/// `exp`, a revocation watch, a check per message, or a loop on an interval (as often as it
/// ticks).
fn recheck(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, verify: Option<&Call>) -> Recheck {
    let at_expiry = ctx.calls().any(|(f, c)| {
        verify.is_none_or(|v| !std::ptr::eq(c, v))
            && ([
                "sleep_until",
                "timeout_at",
                "select!",
                "spawn",
                "changed",
                "subscribe",
                "recv",
            ]
            .contains(&c.name.as_str())
                || c.name.contains("timeout"))
            && mentions_expiry_or_revocation(f.src(&c.args))
    });
    if at_expiry {
        return Recheck::Promptly;
    }
    loop_recheck(
        ctx,
        facts,
        verify,
        is_auth,
        &["interval", "sleep", "interval_at"],
        1.0,
    )
}
