use super::{Facts, is_auth};
use crate::analysis::{HandlerCtx, RawFinding, mentions};
use crate::rules::common::nth_arg;
use crate::rules::recheck::{Recheck, check_auth_drift, rechecks_per_message, resolved_duration};
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpc-js streaming handlers that verify the bearer token when the stream opens
    /// (`call.metadata.get('authorization')` + `jwt.verify`, in the handler or in the program's
    /// interceptor) and never look at it again.
    /// A re-check every N seconds is reported too when N is 30 s or more: the finding names
    /// the period, the window in which a revoked token still streams.
    ///
    /// ## Why is this bad?
    /// A stream can stay open for hours. The token in its metadata expires or is revoked, and
    /// the handler keeps serving the identity that is no longer authorized ("auth drift").
    ///
    /// ## Example
    /// ```js
    /// function watchResource(call) {
    ///   const claims = jwt.verify(bearer(call.metadata), KEY);
    ///   const timer = setInterval(() => call.write(snapshot(claims.sub)), 1000);
    /// }
    /// ```
    ///
    /// ## Use instead
    /// End the stream when the token expires or is revoked: a timer at `exp`, a periodic
    /// expiry/revocation check, or a per-message re-verification.
    /// ```js
    /// const expiry = setTimeout(
    ///   () => call.destroy({ code: status.UNAUTHENTICATED, details: 'token_expired' }),
    ///   claims.exp * 1000 - Date.now());
    /// revocations.on('revoked', (jti) => { if (jti === claims.jti) call.destroy(revokedError); });
    /// ```
    pub(crate) struct AuthDrift;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_auth_drift(ctx, facts, |verify| recheck(ctx, facts, verify), out);
    true
}

/// What re-checks expiry or revocation after the check at open (`verify`): a timer at `exp`, a
/// pushed revocation, a check per message, or a `setInterval` (as often as it fires).
fn recheck(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, verify: Option<&Call>) -> Recheck {
    // The handler, its wrapper, or a helper it hands the call to (`guardSession(call, claims)`)
    // arms a timer or a revocation listener for this stream; a helper module's own
    // subscriptions are not about this stream.
    let spans = super::session_spans(ctx);
    let own_calls = || {
        spans.iter().flat_map(|(fi, span)| {
            let f = &ctx.project.files[*fi];
            f.calls_in(span).iter().map(move |c| (f, c))
        })
    };
    let exact_timer = own_calls()
        .any(|(f, c)| c.name == "setTimeout" && mentions_expiry_or_revocation(f.src(&c.args)));
    let pushed = own_calls().any(|(f, c)| {
        let n = c.name.as_str();
        let listens = ["on", "once", "addListener"].contains(&n)
            || n.starts_with("on")
            || n.starts_with("subscribe")
            || n.starts_with("watch");
        listens
            && (mentions(n, &["revok", "revoc"]) || mentions(f.src(&c.args), &["revok", "revoc"]))
    });
    let not_open = |c: &Call| verify.is_none_or(|v| !std::ptr::eq(c, v));
    let per_message = facts
        .loops
        .iter()
        .any(|l| rechecks_per_message(ctx, l, verify, is_auth));
    if exact_timer || pushed || per_message {
        return Recheck::Promptly;
    }
    let interval = ctx.calls().find_map(|(f, c)| {
        let checks = c.name == "setInterval"
            && (mentions_expiry_or_revocation(f.src(&c.args))
                || f.calls_in(&c.args)
                    .iter()
                    .any(|k| not_open(k) && is_auth(f, k)));
        if !checks {
            return None;
        }
        let period = nth_arg(f.src(&c.args), 1);
        let secs = resolved_duration(f, period, 0.001).or_else(|| ctx.setting_secs(period, 0.001));
        Some(match secs {
            Some(secs) => Recheck::Every {
                secs,
                what: format!("setInterval(…, {period})"),
            },
            None => Recheck::Promptly,
        })
    });
    interval.unwrap_or(Recheck::Never)
}
