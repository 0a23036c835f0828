//! Rules for grpc-go handlers.

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{Facts, auth_at_open, family_rules, in_message_loop, message_loops};
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, ParsedFile, Span};

family_rules!(facts);

/// The message loops are the innermost `for { msg, err := stream.Recv() … }` loops.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let recv = format!("{}.Recv", ctx.handler.stream);
    let mut loops = message_loops(ctx, |file, role, l| {
        file.calls_in(&l.body)
            .iter()
            .any(|c| c.callee == recv || (role != Role::Own && c.name == "Recv"))
    });
    // Only the innermost loop that receives is the message loop.
    let spans: Vec<Span> = loops.iter().map(|l| l.region.clone()).collect();
    loops.retain(|l| {
        !spans
            .iter()
            .any(|s| s != &l.region && l.region.start <= s.start && s.end <= l.region.end)
    });
    let auth_open = auth_at_open(ctx, |f, b| in_message_loop(&loops, f, b), is_auth);
    let long_lived = ctx.handler.kind.reads()
        || ctx.file.loops_in(&ctx.func.span).next().is_some()
        || ctx
            .own_calls()
            .iter()
            .any(|c| ["NewTicker", "Tick", "Subscribe", "Watch"].contains(&c.name.as_str()));
    Facts {
        loops,
        auth_open,
        long_lived,
    }
}

/// `jwt.Parse(…)`, `verifyToken(…)`, `md.Get("authorization")`.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    let n = c.name.to_ascii_lowercase();
    let args = file.src(&c.args);
    n.contains("verify")
        || n.contains("authenticat")
        || (["parse", "parsewithclaims"].contains(&n.as_str())
            && mentions(&format!("{} {args}", c.callee), &["jwt", "token"]))
        || ["validatetoken", "checktoken", "introspect"].contains(&n.as_str())
        || mentions(args, &["\"authorization\""])
}

/// `context.Background()` / `context.TODO()`: a context without the caller's deadline.
pub(crate) fn is_root_context(arg: &str) -> bool {
    matches!(arg.trim(), "context.Background()" | "context.TODO()")
}
