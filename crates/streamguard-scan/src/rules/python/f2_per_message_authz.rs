use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::message_authz::check_per_message_authz;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpcio client-streaming and bidirectional methods that verify the token before
    /// `for request in request_iterator:` but do not authorize each request inside the loop.
    /// Also reported: a check of the first message only (or a flag set once and trusted
    /// after), and a stream admitted once (token at open or in an interceptor) whose loop acts
    /// on the tool, resource or tenant each message names without authorizing it.
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
    "abort",
    "set_code",
    "set_details",
    "send_initial_metadata",
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
    check_per_message_authz(
        ctx,
        facts,
        "each request",
        |c| !PASSIVE.contains(&c.name.as_str()),
        out,
    );
    true
}
