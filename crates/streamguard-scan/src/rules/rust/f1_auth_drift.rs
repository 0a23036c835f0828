use streamguard_report::FindingId;

use super::{Facts, is_auth};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, snippet};
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
    if ctx.signals.streamguard || !facts.long_lived {
        return true;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        if let Some(interceptor) = &ctx.signals.auth_interceptor
            && !rechecks(ctx, None)
        {
            let message = format!(
                "token checked once per stream by the {interceptor}; nothing in the handler re-checks its expiry or revocation while the stream stays open"
            );
            out.push(ctx.at_handler(FindingId::F1, Confidence::Medium, message));
        }
        return true;
    };
    if rechecks(ctx, Some(verify)) {
        return true;
    }
    let message = format!(
        "token checked once at stream open (`{}`); nothing re-checks its expiry or revocation while the stream stays open",
        snippet(verify)
    );
    out.push(if role == Role::Own {
        ctx.finding(
            FindingId::F1,
            file,
            verify.span.start,
            Confidence::High,
            message,
        )
    } else {
        let message = format!(
            "{message} (checked at {})",
            ctx.place(file, verify.span.start)
        );
        ctx.at_handler(FindingId::F1, Confidence::Medium, message)
    });
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
    }) || ctx.pieces.iter().any(|p| {
        let f = ctx.file_of(p);
        f.loops_in(&p.span).any(|l| {
            mentions_expiry_or_revocation(&ctx.text_with_helpers(p.file, &l.span))
                || f.calls_in(&l.span)
                    .iter()
                    .any(|c| verify.is_none_or(|v| !std::ptr::eq(c, v)) && is_auth(f, c))
        })
    })
}
