//! Rules for grpcio servicers (sync and `grpc.aio`).

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{Facts, auth_at_open, family_rules, in_message_loop, message_loops};
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, ParsedFile};

family_rules!(facts);

/// The message loops are `for request in request_iterator:` loops.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let p = ctx.handler.stream.as_str();
    let loops = message_loops(ctx, |file, role, l| {
        let h = file.src(&l.header).trim();
        h == p || (role != Role::Own && h.contains("iterator"))
    });
    let auth_open = auth_at_open(ctx, |f, b| in_message_loop(&loops, f, b), is_auth);
    let long_lived = ctx.handler.kind.reads()
        || ctx
            .file
            .loops_in(&ctx.func.span)
            .any(|l| ctx.file.src(&l.header).trim() == "True")
        || ctx
            .own_calls()
            .iter()
            .any(|c| ["subscribe", "listen", "watch"].contains(&c.name.as_str()));
    Facts {
        loops,
        auth_open,
        long_lived,
    }
}

/// `jwt.decode(…)`, `verify_token(…)`, `metadata.get("authorization")`.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    let n = c.name.to_ascii_lowercase();
    n.contains("verify")
        || n.contains("authenticat")
        || (n == "decode" && mentions(&c.callee, &["jwt", "token"]))
        || ["validate_token", "check_token", "introspect"].contains(&n.as_str())
        || mentions(file.src(&c.args), &["\"authorization\"", "'authorization'"])
}
