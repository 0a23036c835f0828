use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::first_arg;
use crate::rules::recheck::{Recheck, check_auth_drift, loop_recheck, resolved_duration};
use crate::rules::{mentions_expiry_or_revocation, rule, waits_until_expiry};
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
    // A timer or a sleep that lasts until `exp` (a watchdog task racing the handler), or a
    // wait on a pushed revocation (`self.revoked.wait()` on the event a revocation feed sets).
    let at_expiry = ctx.calls().any(|(f, c)| {
        ["Timer", "call_later", "call_at", "wait_for", "add_callback"].contains(&c.name.as_str())
            && mentions_expiry_or_revocation(f.src(&c.args))
            || c.name == "sleep" && waits_until_expiry(f, c)
    });
    let revocation_wait = ctx.calls().any(|(f, c)| {
        c.name == "wait"
            && f.src(&c.args).trim_matches(['(', ')']).trim().is_empty()
            && crate::analysis::mentions(c.receiver(), &["revok", "revoc"])
    });
    if at_expiry || revocation_wait {
        return Recheck::Promptly;
    }
    match loop_recheck(ctx, facts, verify, is_auth, &["sleep", "wait"], 1.0) {
        Recheck::Promptly => flag_poller(ctx).unwrap_or(Recheck::Promptly),
        other => other,
    }
}

/// A re-check that reads a flag (`if revoked.is_set():`) set by a polling loop
/// (`while True: await asyncio.sleep(self._cfg.recheck_seconds)` … `revoked.set()`): the
/// token is re-checked as often as the loop polls, however often the flag is read.
fn flag_poller(ctx: &HandlerCtx<'_>) -> Option<Recheck> {
    let mut flags = Vec::new();
    for p in &ctx.pieces {
        let text = ctx.file_of(p).src(&p.span);
        for (i, _) in text.match_indices(".is_set()") {
            let name: String = text[..i]
                .chars()
                .rev()
                .take_while(|&c| crate::syntax::is_ident_char(c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if !name.is_empty() && !flags.contains(&name) {
                flags.push(name);
            }
        }
    }
    if flags.is_empty() {
        return None;
    }
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.loops_in(&p.span).find_map(|l| {
            let body = f.src(&l.span);
            if !flags.iter().any(|n| body.contains(&format!("{n}.set()"))) {
                return None;
            }
            f.calls_in(&l.span).iter().find_map(|c| {
                if c.name != "sleep" {
                    return None;
                }
                let arg = first_arg(f.src(&c.args));
                let secs = resolved_duration(f, arg, 1.0).or_else(|| ctx.setting_secs(arg, 1.0))?;
                Some(Recheck::Every {
                    secs,
                    what: format!("{}({arg})", c.callee),
                })
            })
        })
    })
}
