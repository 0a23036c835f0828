//! Rules for grpc-go handlers.

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

/// A `for { msg, err := stream.Recv() … }` loop.
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
        let recv = format!("{}.Recv", ctx.handler.stream);
        let mut loops = Vec::new();
        for piece in &ctx.pieces {
            let file = ctx.file_of(piece);
            for l in file.loops_in(&piece.span) {
                let reads = file
                    .calls_in(&l.body)
                    .iter()
                    .any(|c| c.callee == recv || (piece.role != Role::Own && c.name == "Recv"));
                if reads {
                    loops.push(MessageLoop {
                        file,
                        fi: piece.file,
                        region: l.span.clone(),
                    });
                }
            }
        }
        // Only the innermost loop that receives is the message loop.
        let spans: Vec<Span> = loops.iter().map(|l| l.region.clone()).collect();
        loops.retain(|l| {
            !spans
                .iter()
                .any(|s| s != &l.region && l.region.start <= s.start && s.end <= l.region.end)
        });
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
            || ctx.file.loops_in(&ctx.func.span).next().is_some()
            || ctx
                .own_calls()
                .iter()
                .any(|c| ["NewTicker", "Tick", "Subscribe", "Watch"].contains(&c.name.as_str()));
        Self {
            loops,
            auth_open,
            long_lived,
        }
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
