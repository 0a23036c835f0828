use super::{Facts, is_recheck_timer, is_verify};
use crate::analysis::{HandlerCtx, RawFinding, mentions};
use crate::rules::common::auth_drift_finding;
use crate::rules::{mentions_expiry_or_revocation, rule};

rule! {
    /// ## What it does
    /// Finds grpc-js streaming handlers that verify the bearer token when the stream opens
    /// (`call.metadata.get('authorization')` + `jwt.verify`) and never look at it again.
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
    if !facts.long_lived {
        return true;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        return true;
    };
    let timer = ctx.calls().any(|(f, c)| is_recheck_timer(f, c));
    let pushed = ctx.calls().any(|(f, c)| {
        let n = c.name.as_str();
        let listens = ["on", "once", "addListener"].contains(&n)
            || n.starts_with("on")
            || n.starts_with("subscribe")
            || n.starts_with("watch");
        listens
            && (mentions(n, &["revok", "revoc"]) || mentions(f.src(&c.args), &["revok", "revoc"]))
    });
    let per_message = facts.loops.iter().any(|l| {
        let text = ctx.text_with_helpers(l.fi, &l.region);
        mentions_expiry_or_revocation(&text) || l.file.calls_in(&l.region).iter().any(is_verify)
    });
    if timer || pushed || per_message {
        return true;
    }
    out.push(auth_drift_finding(ctx, file, verify, role));
    true
}
