use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::message_authz::check_per_message_authz;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-go client-streaming and bidirectional handlers that verify the token before
    /// the `stream.Recv()` loop but do not authorize each received message.
    /// Also reported: a check of the first message only (or a flag set once and trusted
    /// after), and a stream admitted once (token at open or in an interceptor) whose loop acts
    /// on the tool, resource or tenant each message names without authorizing it.
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
    "Recv",
    "Send",
    "Errorf",
    "Error",
    "Is",
    "Printf",
    "Println",
    "Sprintf",
    "Infof",
    "Debugf",
    "Warnf",
    "append",
    "len",
    "Context",
    "Done",
    "Err",
    "New",
    "Println",
    "Print",
    "Code",
    "Write",
    "WriteString",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if !ctx.handler.kind.reads() {
        return false;
    }
    check_per_message_authz(
        ctx,
        facts,
        "each received message",
        |c| !PASSIVE.contains(&c.name.as_str()),
        out,
    );
    true
}
