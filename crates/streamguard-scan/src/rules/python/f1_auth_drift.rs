use streamguard_report::FindingId;

use super::{Facts, is_auth};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, snippet};
use crate::rules::{mentions_expiry_or_revocation, rule};

rule! {
    /// ## What it does
    /// Finds grpcio streaming methods that verify the token from `context.invocation_metadata()`
    /// when the stream opens and never look at it again while it lives.
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
    if !facts.long_lived {
        return true;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        return true;
    };
    let timer = ctx.calls().any(|(f, c)| {
        ["Timer", "call_later", "call_at", "wait_for", "add_callback"].contains(&c.name.as_str())
            && mentions_expiry_or_revocation(f.src(&c.args))
    });
    let in_loop = ctx.pieces.iter().any(|p| {
        let f = ctx.file_of(p);
        f.loops_in(&p.span).any(|l| {
            mentions_expiry_or_revocation(&ctx.text_with_helpers(p.file, &l.span))
                || f.calls_in(&l.span)
                    .iter()
                    .any(|c| !std::ptr::eq(c, verify) && is_auth(f, c))
        })
    });
    if timer || in_loop {
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
