use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::recheck::{Recheck, check_auth_drift, loop_recheck};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpcio streaming methods that verify the token from `context.invocation_metadata()`
    /// when the stream opens (in the method or in the program's server interceptor) and never
    /// look at it again while it lives.
    /// A re-check every N seconds is reported too when N is 30 s or more: the finding names
    /// the period, the window in which a revoked token still streams.
    ///
    /// ## Why is this bad?
    /// A generator or request iterator can run for hours; the token expires or is revoked
    /// and the servicer keeps serving that identity.
    ///
    /// ## Example
    /// ```python
    /// def WatchResource(self, request, context):
    ///     claims = verify_token(dict(context.invocation_metadata())["authorization"])
    ///     while True:
    ///         yield self.snapshot(request.uri)
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// def WatchResource(self, request, context):
    ///     claims = verify_token(dict(context.invocation_metadata())["authorization"])
    ///     while context.is_active():
    ///         if time.time() >= claims["exp"] or self.revocations.is_revoked(claims["jti"]):
    ///             context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    ///         yield self.snapshot(request.uri)
    /// ```
    pub(crate) struct AuthDrift;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_auth_drift(ctx, facts, |verify| recheck(ctx, facts, verify), out);
    true
}

/// What re-checks expiry or revocation after the check at open (`verify`): a timer at `exp`,
/// a check per request, or a loop that sleeps between checks (as often as it wakes).
fn recheck(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, verify: Option<&Call>) -> Recheck {
    let at_expiry = ctx.calls().any(|(f, c)| {
        ["Timer", "call_later", "call_at", "wait_for", "add_callback"].contains(&c.name.as_str())
            && mentions_expiry_or_revocation(f.src(&c.args))
    });
    if at_expiry {
        return Recheck::Promptly;
    }
    loop_recheck(ctx, facts, verify, is_auth, &["sleep", "wait"], 1.0)
}
