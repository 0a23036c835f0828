use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::{check_auth_drift, loop_rechecks};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds tonic streaming methods that check the bearer token when the stream opens (in
    /// the method or an interceptor's claims) and never again while the stream lives.
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
    if !ctx.signals.streamguard {
        check_auth_drift(ctx, facts, |verify| rechecks(ctx, verify), out);
    }
    true
}

/// Whether anything re-checks expiry or revocation after the check at open (`verify`).
fn rechecks(ctx: &HandlerCtx<'_>, verify: Option<&Call>) -> bool {
    ctx.calls().any(|(f, c)| {
        verify.is_none_or(|v| !std::ptr::eq(c, v))
            && (c.name.contains("sleep")
                || c.name.contains("interval")
                || c.name.contains("timeout")
                || c.name == "select!"
                || c.name == "spawn"
                || c.name == "changed"
                || c.name == "subscribe")
            && mentions_expiry_or_revocation(f.src(&c.args))
    }) || loop_rechecks(ctx, verify, is_auth)
}
