use streamguard_report::FindingId;

use super::{Facts, is_auth};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, snippet};
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
    if !facts.long_lived {
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
    let in_loop = ctx.pieces.iter().any(|p| {
        let f = ctx.file_of(p);
        f.loops_in(&p.span).any(|l| {
            mentions_expiry_or_revocation(&ctx.text_with_helpers(p.file, &l.span))
                || f.calls_in(&l.span)
                    .iter()
                    .any(|c| verify.is_none_or(|v| !std::ptr::eq(c, v)) && is_auth(f, c))
        })
    });
    timer || in_loop
}
