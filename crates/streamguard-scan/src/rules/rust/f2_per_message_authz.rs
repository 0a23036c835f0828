use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::message_authz::check_per_message_authz;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds tonic client-streaming and bidirectional methods that check the token before the
    /// message loop (`while let Some(msg) = stream.message().await?`) but not each message.
    /// Also reported: a check of the first message only (or a flag set once and trusted
    /// after), and a stream admitted once (token at open or in an interceptor) whose loop acts
    /// on the tool, resource or tenant each message names without authorizing it.
    ///
    /// ## Why is this bad?
    /// Each `ToolCall` can name a different tool or resource; authorizing the stream once
    /// lets a narrow token call every tool for as long as the stream is open.
    ///
    /// ## Example
    /// ```rs
    /// let claims = verify_token(&request)?;
    /// let mut inbound = request.into_inner();
    /// while let Some(call) = inbound.message().await? {
    ///     tx.send(run_tool(&call.name, call.arguments).await).await.ok();
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// while let Some(call) = inbound.message().await? {
    ///     if !claims.scopes.allows(&call.name) {
    ///         tx.send(Ok(denied(&call, "insufficient_scope"))).await.ok();
    ///         continue;
    ///     }
    ///     tx.send(run_tool(&call.name, call.arguments).await).await.ok();
    /// }
    /// ```
    /// streamguard's layer does this per message when given a message classifier.
    pub(crate) struct PerMessageAuthz;
}

const PASSIVE: &[&str] = &[
    "send",
    "next",
    "message",
    "clone",
    "unwrap",
    "ok",
    "into_inner",
    "push",
    "try_next",
    "new",
    "Ok",
    "Some",
    "Err",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if !ctx.handler.kind.reads() {
        return false;
    }
    if ctx.program.facts.streamguard {
        return true;
    }
    check_per_message_authz(
        ctx,
        facts,
        "each incoming message",
        |c| !PASSIVE.contains(&c.name.as_str()) && !c.name.ends_with('!'),
        out,
    );
    true
}
