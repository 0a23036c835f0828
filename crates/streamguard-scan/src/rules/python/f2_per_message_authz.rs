use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{AUTHZ_WORDS, rule};

rule! {
    /// ## What it does
    /// Finds grpcio client-streaming and bidirectional methods that verify the token before
    /// `for request in request_iterator:` but do not authorize each request inside the loop.
    ///
    /// ## Why is this bad?
    /// Each request can name a different tool or resource; authorizing once per stream lets
    /// a narrow token call all of them.
    ///
    /// ## Example
    /// ```python
    /// claims = verify_token(metadata["authorization"])
    /// for call in request_iterator:
    ///     yield self.run_tool(call.name, call.arguments)
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// for call in request_iterator:
    ///     if scope_for(call.name) not in claims["scope"].split():
    ///         yield denied(call, "insufficient_scope")
    ///         continue
    ///     yield self.run_tool(call.name, call.arguments)
    /// ```
    pub(crate) struct PerMessageAuthz;
}

const PASSIVE: &[&str] = &[
    "append",
    "print",
    "info",
    "debug",
    "warning",
    "len",
    "str",
    "int",
    "dict",
    "list",
    "get",
    "time",
    "monotonic",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if !ctx.handler.kind.reads() {
        return false;
    }
    let Some((open_file, verify, _)) = facts.auth_open else {
        return true;
    };
    for l in &facts.loops {
        if mentions(&ctx.text_with_helpers(l.fi, &l.region), AUTHZ_WORDS) {
            continue;
        }
        if !l
            .file
            .calls_in(&l.region)
            .iter()
            .any(|c| !PASSIVE.contains(&c.name.as_str()))
        {
            continue;
        }
        let at = ctx.place(open_file, verify.span.start);
        let message = format!(
            "each request is acted on without an authorization check; the token was only checked at stream open ({at})"
        );
        out.push(ctx.finding(
            FindingId::F2,
            l.file,
            l.region.start,
            Confidence::High,
            message,
        ));
    }
    true
}
