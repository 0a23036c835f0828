use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{AUTHZ_WORDS, rule};

rule! {
    /// ## What it does
    /// Finds tonic client-streaming and bidirectional methods that check the token before the
    /// message loop (`while let Some(msg) = stream.message().await?`) but not each message.
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
    if ctx.signals.streamguard {
        return true;
    }
    let Some((open_file, verify, _)) = facts.auth_open else {
        return true;
    };
    for l in &facts.loops {
        if mentions(&ctx.text_with_helpers(l.fi, &l.region), AUTHZ_WORDS) {
            continue;
        }
        let acts = l
            .file
            .calls_in(&l.region)
            .iter()
            .any(|c| !PASSIVE.contains(&c.name.as_str()) && !c.name.ends_with('!'));
        if !acts {
            continue;
        }
        let at = ctx.place(open_file, verify.span.start);
        let message = format!(
            "each incoming message is acted on without an authorization check; the token was only checked at stream open ({at})"
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
