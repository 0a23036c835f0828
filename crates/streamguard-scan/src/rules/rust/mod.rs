//! Rules for tonic handlers.

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

/// A loop over the incoming messages (`while let Some(m) = stream.message().await?`).
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
        let mut loops = Vec::new();
        if ctx.handler.kind.reads() {
            for piece in &ctx.pieces {
                let file = ctx.file_of(piece);
                for l in file.loops_in(&piece.span) {
                    let h = file.src(&l.header);
                    if [".message()", ".next()", ".try_next()"]
                        .iter()
                        .any(|m| h.contains(m))
                    {
                        loops.push(MessageLoop {
                            file,
                            fi: piece.file,
                            region: l.span.clone(),
                        });
                    }
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
        let own = ctx.own_text();
        let long_lived = ctx.handler.kind.reads()
            || ctx.file.loops_in(&ctx.func.span).next().is_some()
            || [
                "interval(",
                "IntervalStream",
                ".subscribe()",
                "BroadcastStream",
                "WatchStream",
            ]
            .iter()
            .any(|w| own.contains(w));
        Self {
            loops,
            auth_open,
            long_lived,
        }
    }
}

/// A token check: `jsonwebtoken::decode`, `verify_token`, the `authorization` metadata, or
/// claims an interceptor put in the request extensions.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    let n = c.name.to_ascii_lowercase();
    let args = file.src(&c.args);
    if n == "decode" {
        return mentions(&c.callee, &["jsonwebtoken", "jwt"])
            || mentions(args, &["token", "validation", "decodingkey", "key"]);
    }
    if n == "get" {
        return mentions(args, &["authorization"])
            || (c.callee.contains("extensions()")
                && ["Claims", "Identity", "Principal", "Auth"]
                    .iter()
                    .any(|w| c.callee.contains(w)));
    }
    n.contains("verify")
        || n.contains("authenticat")
        || ["validate_token", "check_auth", "check_token", "introspect"].contains(&n.as_str())
}

/// A `Duration` that is a constant: `Duration::from_secs(5)`, directly or through a `let`/`const`.
pub(crate) fn fixed_duration(file: &ParsedFile, scope: &str, arg: &str) -> Option<String> {
    let arg = arg.trim();
    if is_fixed(arg) {
        return Some(arg.to_string());
    }
    if arg.is_empty() || !arg.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    for (hay, pats) in [
        (scope, ["let ", "let mut "]),
        (file.text.as_str(), ["const ", "static "]),
    ] {
        for p in pats {
            let pat = format!("{p}{arg}");
            let Some(i) = hay.find(&pat) else { continue };
            let rest = &hay[i + pat.len()..];
            let Some((_, v)) = rest.split_once('=') else {
                continue;
            };
            let v = v.split(';').next().unwrap_or("").trim();
            if is_fixed(v) {
                return Some(v.to_string());
            }
        }
    }
    None
}

fn is_fixed(expr: &str) -> bool {
    expr.contains("Duration::from_")
        && !mentions(
            expr,
            &[
                "remaining",
                "deadline",
                "grpc-timeout",
                "grpc_timeout",
                "time_left",
                ".min(",
                "saturating_duration_since",
            ],
        )
}

/// The first top-level argument of `(a, b)`.
pub(crate) fn first_arg(args: &str) -> &str {
    let inner = args.strip_prefix('(').unwrap_or(args);
    let mut depth = 0i32;
    for (i, ch) in inner.char_indices() {
        match ch {
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' if depth > 0 => depth -= 1,
            ',' | ')' if depth == 0 => return inner[..i].trim(),
            _ => {}
        }
    }
    inner.trim()
}
