use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::message_authz::check_per_message_authz;
use crate::rules::rule;
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpc-js client-streaming and bidirectional handlers that check the token before
    /// the message loop (`call.on('data', …)`, `for await (… of call)`) but do not authorize
    /// each message inside it.
    /// Also reported: a check of the first message only (or a flag set once and trusted
    /// after), and a stream admitted once (token at open or in an interceptor) whose loop acts
    /// on the tool, resource or tenant each message names without authorizing it.
    ///
    /// ## Why is this bad?
    /// Each message can name a different tool or resource. Authorizing only the stream lets a
    /// client open it with a narrow token and then call tools the token does not cover.
    ///
    /// ## Example
    /// ```js
    /// const claims = jwt.verify(token, KEY);
    /// call.on('data', async (req) => {
    ///   call.write(await runTool(req.toolName, req.args));
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// call.on('data', async (req) => {
    ///   if (!claims.scopes.includes(requiredScope(req.toolName))) {
    ///     call.write({ error: { status: 'PERMISSION_DENIED', message: 'insufficient_scope' } });
    ///     return;
    ///   }
    ///   call.write(await runTool(req.toolName, req.args));
    /// });
    /// ```
    pub(crate) struct PerMessageAuthz;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if !ctx.handler.kind.reads() {
        return false;
    }
    let stream = ctx.handler.stream.as_str();
    // Only loops that act on the message (call something besides writing back).
    let acts = |c: &Call| {
        let r = c.receiver();
        r != stream
            && r != "console"
            && !["on", "write", "end", "push", "log"].contains(&c.name.as_str())
    };
    check_per_message_authz(ctx, facts, "each incoming message", acts, out);
    true
}
