use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{AUTHZ_WORDS, rule};

rule! {
    /// ## What it does
    /// Finds grpc-js client-streaming and bidirectional handlers that check the token before
    /// the message loop (`call.on('data', …)`, `for await (… of call)`) but do not authorize
    /// each message inside it.
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
    let Some((open_file, verify, _)) = facts.auth_open else {
        return true;
    };
    let stream = &ctx.handler.stream;
    for l in &facts.loops {
        let text = ctx.text_with_helpers(l.fi, &l.region);
        if mentions(&text, AUTHZ_WORDS) {
            continue;
        }
        // Only loops that act on the message (call something besides writing back).
        let acts = l.file.calls_in(&l.region).iter().any(|c| {
            let r = c.receiver();
            r != stream.as_str()
                && r != "console"
                && !["on", "write", "end", "push", "log"].contains(&c.name.as_str())
        });
        if !acts {
            continue;
        }
        let at = ctx.place(open_file, verify.span.start);
        let message = format!(
            "each incoming message is acted on without an authorization check; the token was only checked at stream open ({at})"
        );
        out.push(ctx.finding(FindingId::F2, l.file, l.anchor, Confidence::High, message));
    }
    true
}
