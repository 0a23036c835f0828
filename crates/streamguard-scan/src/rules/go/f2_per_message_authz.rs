use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{AUTHZ_WORDS, rule};

rule! {
    /// ## What it does
    /// Finds grpc-go client-streaming and bidirectional handlers that verify the token before
    /// the `stream.Recv()` loop but do not authorize each received message.
    ///
    /// ## Why is this bad?
    /// Each message can name a different tool or resource. Checking only at open lets a
    /// narrowly scoped token drive every tool the server has.
    ///
    /// ## Example
    /// ```go
    /// claims, err := s.verify(stream.Context())
    /// for {
    ///     call, err := stream.Recv()
    ///     if err != nil { return err }
    ///     res, _ := s.tools.Run(stream.Context(), call.Name, call.Arguments)
    ///     stream.Send(res)
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// for {
    ///     call, err := stream.Recv()
    ///     if err != nil { return err }
    ///     if !claims.HasScope(scopeFor(call.Name)) {
    ///         stream.Send(denied(call, "insufficient_scope"))
    ///         continue
    ///     }
    ///     res, _ := s.tools.Run(stream.Context(), call.Name, call.Arguments)
    ///     stream.Send(res)
    /// }
    /// ```
    pub(crate) struct PerMessageAuthz;
}

const PASSIVE: &[&str] = &[
    "Recv", "Send", "Errorf", "Error", "Is", "Printf", "Println", "Sprintf", "Infof", "Debugf",
    "Warnf", "append", "len", "Context", "Done", "Err", "New", "Println", "Print", "Code",
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
            "each received message is acted on without an authorization check; the token was only checked at stream open ({at})"
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
