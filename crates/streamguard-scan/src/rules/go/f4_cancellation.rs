use streamguard_report::FindingId;

use super::f3_deadline_propagation::{context_free_http, derives_context, root_derived};
use super::{Facts, is_root_context, unbounded};
use crate::analysis::{Confidence, HandlerCtx, RawFinding};
use crate::rules::common::{confidence_of, first_arg};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-go streaming handlers that start goroutines which never watch the stream's
    /// context, and send loops that ignore `stream.Send` errors without checking `ctx.Done()`.
    ///
    /// ## Why is this bad?
    /// When the client cancels, `stream.Context()` is done. Work that never looks at it goes on
    /// for nobody, and reconnecting clients multiply it.
    ///
    /// ## Example
    /// ```go
    /// go func() {
    ///     for update := range s.feed.Subscribe() {
    ///         updates <- update
    ///     }
    /// }()
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// ctx := stream.Context()
    /// go func() {
    ///     for {
    ///         select {
    ///         case <-ctx.Done():
    ///             return
    ///         case update := <-feed:
    ///             updates <- update
    ///         }
    ///     }
    /// }()
    /// ```
    pub(crate) struct Cancellation;
}

const CANCEL_PATHS: &[&str] = &[
    "Done()",
    "Err()",
    "ctx",
    "Context()",
    "done",
    "cancel",
    "quit",
    "stop",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let file = ctx.file;
    let stream = ctx.handler.stream.as_str();
    // Downstream work on a context made from `context.Background()` is not cancelled with the
    // stream.
    let detached = ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.calls_in(&p.span).iter().find_map(|c| {
            if derives_context(c) || ["WithTimeout", "WithDeadline"].contains(&c.name.as_str()) {
                return None;
            }
            let arg = first_arg(f.src(&c.args));
            let root = if is_root_context(arg) {
                Some(arg.trim())
            } else {
                root_derived(f, arg, c.span.start).map(|(root, _)| root)
            };
            root.map(|root| (f, c, p.role, root))
        })
    });
    if let Some((f, c, role, root)) = detached {
        let message = format!(
            "downstream call `{}` runs on a context made from `{root}`: it is not cancelled when the client cancels; derive its context from `{stream}.Context()`",
            c.callee
        );
        out.push(ctx.finding(FindingId::F4, f, c.span.start, confidence_of(role), message));
    } else if let Some((f, c, role)) = ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.calls_in(&p.span)
            .iter()
            .find(|c| context_free_http(c).is_some())
            .map(|c| (f, c, p.role))
    }) {
        let message = format!(
            "downstream HTTP request `{}` is made without a context: it is not cancelled when the client cancels; use `http.NewRequestWithContext({stream}.Context(), …)`",
            c.callee
        );
        out.push(ctx.finding(FindingId::F4, f, c.span.start, confidence_of(role), message));
    }
    for g in file
        .spawns
        .iter()
        .filter(|g| ctx.func.span.start <= g.start && g.end <= ctx.func.span.end)
    {
        let body = file.src(g);
        // A goroutine that runs once ends on its own; one that loops must have a way out.
        let loops = file.loops_in(g).any(|l| unbounded(file, l));
        if !loops
            || CANCEL_PATHS.iter().any(|p| body.contains(p))
            || exits_on_stream_error(body, stream)
            || drains_a_channel_the_handler_closes(file, g, ctx.own_text())
        {
            continue;
        }
        let message = "goroutine started by the stream handler loops without watching the stream's context (`ctx.Done()`) or its errors: it keeps running after the client cancels; select on `stream.Context().Done()`".to_string();
        out.push(ctx.finding(FindingId::F4, file, g.start, Confidence::High, message));
    }
    let send = format!("{stream}.Send(");
    for l in file.loops_in(&ctx.func.span).filter(|l| unbounded(file, l)) {
        let text = file.src(&l.body);
        if text.contains("Done()")
            || text.contains("Err()")
            || file.src(&l.header).contains("Err()")
            || exits_on_stream_error(text, stream)
        {
            continue;
        }
        let mut at = l.body.start;
        for line in text.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with(&send) || t.starts_with(&format!("_ = {send}")) {
                let byte = at + line.len() - t.len();
                let message = format!(
                    "`{send}…)` errors are ignored in a loop that never checks `ctx.Done()`: the loop keeps working after the client cancels; return when `Send` fails"
                );
                out.push(ctx.finding(FindingId::F4, file, byte, Confidence::Medium, message));
                break;
            }
            at += line.len();
        }
    }
    true
}

/// Whether the code receives from or sends to the stream and leaves on the error a cancelled
/// stream returns (`if err != nil { return err }`, `switch status.Code(err)`).
fn exits_on_stream_error(body: &str, stream: &str) -> bool {
    let uses_stream = ["Recv()", "RecvMsg(", "Send(", "SendMsg("]
        .iter()
        .any(|op| body.contains(&format!("{stream}.{op}")));
    // `if stream.Send(ev) != nil { return }` checks the error in place.
    let in_place = body.lines().any(|l| {
        ["Recv()", "RecvMsg(", "Send(", "SendMsg("]
            .iter()
            .any(|op| l.contains(&format!("{stream}.{op}")))
            && l.contains("!= nil")
    });
    let handles = in_place
        || body.contains("err != nil")
        || body.contains("err == io.EOF")
        || body.contains("status.Code(err)")
        || body.contains("errors.Is(err");
    uses_stream && handles
}

/// A goroutine whose loop is `for ev := range out` over a channel the handler closes
/// (`defer close(out)`): it ends when the handler returns, which a cancel makes it do.
fn drains_a_channel_the_handler_closes(
    file: &crate::syntax::ParsedFile,
    g: &crate::syntax::Span,
    handler: &str,
) -> bool {
    file.loops_in(g).any(|l| {
        let header = file.src(&l.header).trim();
        let Some(ch) = header.strip_prefix("range ").or_else(|| {
            header
                .split_once(":= range ")
                .or_else(|| header.split_once("= range "))
                .map(|(_, ch)| ch)
        }) else {
            return false;
        };
        let ch = ch.trim();
        !ch.is_empty()
            && ch
                .chars()
                .all(|c| crate::syntax::is_ident_char(c) || c == '.')
            && handler.contains(&format!("close({ch})"))
    })
}
