use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::recheck::{Recheck, check_auth_drift, loop_recheck};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpc-go streaming handlers that verify the token from `metadata.FromIncomingContext`
    /// when the stream opens (in the handler or in the program's stream interceptor) and never
    /// again while it lives.
    /// A re-check every N seconds is reported too when N is 30 s or more: the finding names
    /// the period, the window in which a revoked token still streams.
    ///
    /// ## Why is this bad?
    /// Stream interceptors run once per stream. The token can expire or be revoked minutes
    /// later, and the stream keeps serving the identity until the client hangs up.
    ///
    /// ## Example
    /// ```go
    /// claims, err := verifyToken(stream.Context())
    /// if err != nil { return status.Error(codes.Unauthenticated, "unauthenticated") }
    /// for { update := <-s.updates; stream.Send(update) }
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// expiry := time.NewTimer(time.Until(claims.ExpiresAt.Time))
    /// defer expiry.Stop()
    /// for {
    ///     select {
    ///     case <-expiry.C:
    ///         return status.Error(codes.Unauthenticated, "token_expired")
    ///     case <-s.revocations.Watch(claims.ID):
    ///         return status.Error(codes.PermissionDenied, "token_revoked")
    ///     case update := <-s.updates:
    ///         if err := stream.Send(update); err != nil { return err }
    ///     }
    /// }
    /// ```
    pub(crate) struct AuthDrift;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_auth_drift(ctx, facts, |verify| recheck(ctx, facts, verify), out);
    true
}

/// What re-checks expiry or revocation after the check at open (`verify`): a timer at `exp`,
/// a check per message, or a ticker-driven loop (as often as it ticks).
fn recheck(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, verify: Option<&Call>) -> Recheck {
    // `context.WithDeadlineCause(ctx, ticket.Expiry, …)`, `time.AfterFunc(time.Until(exp), …)`
    // and the like end the stream at `exp`. A comparison (`time.Now().After(d.Expires)`) is a
    // check made once, not a timer.
    let at_expiry = ctx.calls().any(|(f, c)| {
        let n = c.name.as_str();
        let timer = ["AfterFunc", "NewTimer"].contains(&n)
            || n.starts_with("WithDeadline")
            || n.starts_with("WithTimeout")
            || (["After", "Until"].contains(&n) && c.receiver() == "time");
        timer && mentions_expiry_or_revocation(f.src(&c.args))
    });
    let polled = loop_recheck(
        ctx,
        facts,
        verify,
        is_auth,
        &["NewTicker", "Tick", "After", "Sleep"],
        1.0,
    );
    // Ending the stream at `exp` answers expiry; a revocation list polled every minute beside
    // it still leaves a minute's drift (reported with its period).
    match polled {
        Recheck::Every { .. } => polled,
        _ if at_expiry => Recheck::Promptly,
        _ => polled,
    }
}
