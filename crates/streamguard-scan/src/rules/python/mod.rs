//! Rules for grpcio servicers (sync and `grpc.aio`).

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use streamguard_report::FindingId;

use crate::analysis::{HandlerCtx, RawFinding, Role, mentions};
use crate::syntax::{Call, ParsedFile, Span};

pub(crate) fn run(ctx: &HandlerCtx<'_>, out: &mut Vec<RawFinding>) -> [bool; 6] {
    let facts = Facts::of(ctx);
    [
        f1_auth_drift::check(ctx, &facts, out),
        f2_per_message_authz::check(ctx, &facts, out),
        f3_deadline_propagation::check(ctx, &facts, out),
        f4_cancellation::check(ctx, &facts, out),
        f5_identity_rate_limit::check(ctx, &facts, out),
        f6_stream_lifetime::check(ctx, &facts, out),
    ]
}

pub(crate) fn doc(id: FindingId) -> &'static str {
    match id {
        FindingId::F1 => f1_auth_drift::AuthDrift::DOC,
        FindingId::F2 => f2_per_message_authz::PerMessageAuthz::DOC,
        FindingId::F3 => f3_deadline_propagation::DeadlinePropagation::DOC,
        FindingId::F4 => f4_cancellation::Cancellation::DOC,
        FindingId::F5 => f5_identity_rate_limit::IdentityRateLimit::DOC,
        FindingId::F6 => f6_stream_lifetime::StreamLifetime::DOC,
    }
}

/// A `for request in request_iterator:` loop.
pub(crate) struct MessageLoop<'p> {
    pub file: &'p ParsedFile,
    pub fi: usize,
    pub region: Span,
}

pub(crate) struct Facts<'p> {
    pub loops: Vec<MessageLoop<'p>>,
    pub auth_open: Option<(&'p ParsedFile, &'p Call, Role)>,
    pub long_lived: bool,
}

impl<'p> Facts<'p> {
    fn of(ctx: &HandlerCtx<'p>) -> Self {
        let p = ctx.handler.stream.as_str();
        let mut loops = Vec::new();
        for piece in &ctx.pieces {
            let file = ctx.file_of(piece);
            for l in file.loops_in(&piece.span) {
                let h = file.src(&l.header).trim();
                if h == p || (piece.role != Role::Own && h.contains("iterator")) {
                    loops.push(MessageLoop {
                        file,
                        fi: piece.file,
                        region: l.span.clone(),
                    });
                }
            }
        }
        let mut auth_open = None;
        'pieces: for piece in &ctx.pieces {
            let file = ctx.file_of(piece);
            for c in file.calls_in(&piece.span) {
                let in_loop = loops
                    .iter()
                    .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&c.span.start));
                if !in_loop && is_auth(file, c) {
                    auth_open = Some((file, c, piece.role));
                    break 'pieces;
                }
            }
        }
        let long_lived = ctx.handler.kind.reads()
            || ctx
                .file
                .loops_in(&ctx.func.span)
                .any(|l| ctx.file.src(&l.header).trim() == "True")
            || ctx
                .own_calls()
                .iter()
                .any(|c| ["subscribe", "listen", "watch"].contains(&c.name.as_str()));
        Self {
            loops,
            auth_open,
            long_lived,
        }
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
