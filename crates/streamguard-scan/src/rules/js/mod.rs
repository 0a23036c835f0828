//! Rules for `@grpc/grpc-js` handlers in JavaScript, TypeScript and TSX.

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::auth_at_open;
use super::mentions_expiry_or_revocation;
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::lang::js::is_data_event;
use crate::syntax::{Call, ParsedFile, Span};

super::common::family_rules!(Facts::of);

/// A place where the handler processes each incoming message.
pub(crate) struct MessageLoop<'p> {
    pub file: &'p ParsedFile,
    pub fi: usize,
    /// The `data` callback or the `for await` loop.
    pub region: Span,
    /// Where the loop starts (`call.on('data', …)`).
    pub anchor: usize,
}

/// What the rules of this family share about one handler.
pub(crate) struct Facts<'p> {
    pub loops: Vec<MessageLoop<'p>>,
    /// The token check at stream open, and whether it is in the handler's own body.
    pub auth_open: Option<(&'p ParsedFile, &'p Call, Role)>,
    /// The stream can stay open for long: it reads messages, or pushes on a timer/loop.
    pub long_lived: bool,
}

impl<'p> Facts<'p> {
    fn of(ctx: &HandlerCtx<'p>) -> Self {
        let p = &ctx.handler.stream;
        let on = format!("{p}.on");
        let mut loops = Vec::new();
        for piece in &ctx.pieces {
            let file = ctx.file_of(piece);
            for c in file.calls_in(&piece.span) {
                let ours = c.callee == on || (piece.role != Role::Own && c.name == "on");
                if ours && is_data_event(file.src(&c.args)) {
                    loops.push(MessageLoop {
                        file,
                        fi: piece.file,
                        region: c.args.clone(),
                        anchor: c.span.start,
                    });
                }
            }
            for l in file.loops_in(&piece.span) {
                if file.src(&l.header).trim() == p {
                    loops.push(MessageLoop {
                        file,
                        fi: piece.file,
                        region: l.span.clone(),
                        anchor: l.span.start,
                    });
                }
            }
        }
        let auth_open = auth_at_open(
            ctx,
            |file, byte| {
                loops
                    .iter()
                    .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&byte))
            },
            |file, c| is_verify(c) || is_auth_metadata(file, c),
        );
        let own = ctx.own_calls();
        let long_lived = ctx.handler.kind.reads()
            || own
                .iter()
                .any(|c| ["setInterval", "subscribe", "watch"].contains(&c.name.as_str()))
            || ctx.file.loops_in(&ctx.func.span).any(|l| {
                let h = ctx.file.src(&l.header);
                h.contains("true")
                    || h.starts_with("while")
                    || h.starts_with("for(;;")
                    || h.starts_with("for (;;")
            });
        Self {
            loops,
            auth_open,
            long_lived,
        }
    }

    pub fn in_loop(&self, file: &ParsedFile, byte: usize) -> bool {
        self.loops
            .iter()
            .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&byte))
    }
}

/// `jwt.verify(…)`, `verifyToken(…)`, `authenticate(…)`.
pub(crate) fn is_verify(c: &Call) -> bool {
    let n = c.name.to_ascii_lowercase();
    n.contains("verify")
        || n.contains("authenticat")
        || [
            "validatetoken",
            "checktoken",
            "introspect",
            "decodetoken",
            "checkauth",
            "requireauth",
        ]
        .contains(&n.as_str())
}

/// `call.metadata.get('authorization')`.
pub(crate) fn is_auth_metadata(file: &ParsedFile, c: &Call) -> bool {
    c.callee.ends_with("metadata.get") && mentions(file.src(&c.args), &["authorization"])
}

/// A timer whose callback or delay re-checks expiry/revocation.
pub(crate) fn is_recheck_timer(file: &ParsedFile, c: &Call) -> bool {
    ["setInterval", "setTimeout"].contains(&c.name.as_str())
        && mentions_expiry_or_revocation(file.src(&c.args))
}
