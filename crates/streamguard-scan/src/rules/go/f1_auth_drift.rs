use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::{check_auth_drift, loop_rechecks};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpc-go streaming handlers that verify the token from `metadata.FromIncomingContext`
    /// when the stream opens (or in a stream interceptor) and never again while it lives.
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
    check_auth_drift(ctx, facts, |verify| rechecks(ctx, verify), out);
    true
}

/// Whether anything re-checks expiry or revocation after the check at open (`verify`).
fn rechecks(ctx: &HandlerCtx<'_>, verify: Option<&Call>) -> bool {
    let timer = ctx.calls().any(|(f, c)| {
        [
            "AfterFunc",
            "NewTimer",
            "NewTicker",
            "After",
            "Until",
            "Tick",
            "WithDeadline",
        ]
        .contains(&c.name.as_str())
            && mentions_expiry_or_revocation(f.src(&c.args))
    });
    timer || loop_rechecks(ctx, verify, is_auth)
}
