//! Code shared by the rules of several language families: the per-family dispatch, the facts
//! the Go, Python and Rust rules gather about a handler, and findings whose logic is the same
//! in every family (only word lists, call kinds and message text differ).

use streamguard_report::FindingId;

use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, mentions, snippet};
use crate::rules::local_counter;
use crate::syntax::{Call, ParsedFile, Span};

/// Defines a family's `run` (gather the facts with `$facts`, then run the six rules) and `doc`
/// (each rule's documentation). The invoking module declares the six rule modules.
macro_rules! family_rules {
    ($facts:path) => {
        pub(crate) fn run(
            ctx: &$crate::analysis::HandlerCtx<'_>,
            out: &mut Vec<$crate::analysis::RawFinding>,
        ) -> [bool; 6] {
            let facts = $facts(ctx);
            [
                f1_auth_drift::check(ctx, &facts, out),
                f2_per_message_authz::check(ctx, &facts, out),
                f3_deadline_propagation::check(ctx, &facts, out),
                f4_cancellation::check(ctx, &facts, out),
                f5_identity_rate_limit::check(ctx, &facts, out),
                f6_stream_lifetime::check(ctx, &facts, out),
            ]
        }

        pub(crate) fn doc(id: ::streamguard_report::FindingId) -> &'static str {
            use ::streamguard_report::FindingId;
            match id {
                FindingId::F1 => f1_auth_drift::AuthDrift::DOC,
                FindingId::F2 => f2_per_message_authz::PerMessageAuthz::DOC,
                FindingId::F3 => f3_deadline_propagation::DeadlinePropagation::DOC,
                FindingId::F4 => f4_cancellation::Cancellation::DOC,
                FindingId::F5 => f5_identity_rate_limit::IdentityRateLimit::DOC,
                FindingId::F6 => f6_stream_lifetime::StreamLifetime::DOC,
            }
        }
    };
}
pub(crate) use family_rules;

/// A loop over the incoming messages (Go, Python and Rust; the family's `facts` says which).
pub(crate) struct MessageLoop<'p> {
    pub file: &'p ParsedFile,
    pub fi: usize,
    pub region: Span,
}

/// What the Go, Python and Rust rules share about one handler.
pub(crate) struct Facts<'p> {
    pub loops: Vec<MessageLoop<'p>>,
    /// The token check at stream open, and which piece of the handler it is in.
    pub auth_open: Option<(&'p ParsedFile, &'p Call, Role)>,
    /// The stream can stay open for long.
    pub long_lived: bool,
}

/// The loops of the handler's pieces whose header (Python, Rust) or body calls (Go) show that
/// they read the incoming messages, as judged by `reads(file, piece role, loop)`.
pub(crate) fn message_loops<'p>(
    ctx: &HandlerCtx<'p>,
    reads: impl Fn(&'p ParsedFile, Role, &crate::syntax::Loop) -> bool,
) -> Vec<MessageLoop<'p>> {
    let mut loops = Vec::new();
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        for l in file.loops_in(&piece.span) {
            if reads(file, piece.role, l) {
                loops.push(MessageLoop {
                    file,
                    fi: piece.file,
                    region: l.span.clone(),
                });
            }
        }
    }
    loops
}

/// The first token check (`is_auth`) in the handler's pieces that is not inside a message loop
/// (`in_loop(file, byte)`): the check done once, at stream open.
pub(crate) fn auth_at_open<'p>(
    ctx: &HandlerCtx<'p>,
    in_loop: impl Fn(&ParsedFile, usize) -> bool,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
) -> Option<(&'p ParsedFile, &'p Call, Role)> {
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        for c in file.calls_in(&piece.span) {
            if !in_loop(file, c.span.start) && is_auth(file, c) {
                return Some((file, c, piece.role));
            }
        }
    }
    None
}

/// Whether `byte` of `file` is inside one of `loops`.
pub(crate) fn in_message_loop(loops: &[MessageLoop<'_>], file: &ParsedFile, byte: usize) -> bool {
    loops
        .iter()
        .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&byte))
}

/// F1: a loop of the handler mentions expiry/revocation or calls a token check (`is_auth`)
/// other than the one at open (`verify`).
pub(crate) fn loop_rechecks(
    ctx: &HandlerCtx<'_>,
    verify: Option<&Call>,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
) -> bool {
    ctx.pieces.iter().any(|p| {
        let f = ctx.file_of(p);
        f.loops_in(&p.span).any(|l| {
            crate::rules::mentions_expiry_or_revocation(&ctx.text_with_helpers(p.file, &l.span))
                || f.calls_in(&l.span)
                    .iter()
                    .any(|c| verify.is_none_or(|v| !std::ptr::eq(c, v)) && is_auth(f, c))
        })
    })
}

/// F1: the token was checked once at stream open (`verify`, in `file`) and never re-checked.
pub(crate) fn auth_drift_finding(
    ctx: &HandlerCtx<'_>,
    file: &ParsedFile,
    verify: &Call,
    role: Role,
) -> RawFinding {
    let message = format!(
        "token checked once at stream open (`{}`); nothing re-checks its expiry or revocation while the stream stays open",
        snippet(verify)
    );
    if role == Role::Own {
        ctx.finding(
            FindingId::F1,
            file,
            verify.span.start,
            Confidence::High,
            message,
        )
    } else {
        let message = format!(
            "{message} (checked at {})",
            ctx.place(file, verify.span.start)
        );
        ctx.at_handler(FindingId::F1, Confidence::Medium, message)
    }
}

/// F1 for families whose interceptors are known (`ctx.signals.auth_interceptor`): on a
/// long-lived stream, reports the token check at open (or the interceptor's, when the handler
/// has none) unless `rechecks(check at open)` finds a later expiry/revocation check.
pub(crate) fn check_auth_drift(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    rechecks: impl Fn(Option<&Call>) -> bool,
    out: &mut Vec<RawFinding>,
) {
    if !facts.long_lived {
        return;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        if let Some(interceptor) = &ctx.signals.auth_interceptor
            && !rechecks(None)
        {
            let message = format!(
                "token checked once per stream by the {interceptor}; nothing in the handler re-checks its expiry or revocation while the stream stays open"
            );
            out.push(ctx.at_handler(FindingId::F1, Confidence::Medium, message));
        }
        return;
    };
    if !rechecks(Some(verify)) {
        out.push(auth_drift_finding(ctx, file, verify, role));
    }
}

/// F2: reports each message loop that acts on the message (`acts` holds for one of its calls)
/// without mentioning an authorization word, when the token was only checked at open.
/// `each` names what is received ("each incoming message").
pub(crate) fn check_per_message_authz(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    each: &str,
    acts: impl Fn(&Call) -> bool,
    out: &mut Vec<RawFinding>,
) {
    let Some((open_file, verify, _)) = facts.auth_open else {
        return;
    };
    for l in &facts.loops {
        if mentions(
            &ctx.text_with_helpers(l.fi, &l.region),
            crate::rules::AUTHZ_WORDS,
        ) {
            continue;
        }
        if !l.file.calls_in(&l.region).iter().any(&acts) {
            continue;
        }
        let at = ctx.place(open_file, verify.span.start);
        let message = format!(
            "{each} is acted on without an authorization check; the token was only checked at stream open ({at})"
        );
        out.push(ctx.finding(
            FindingId::F2,
            l.file,
            l.region.start,
            Confidence::High,
            message,
        ));
    }
}

/// F5: a rate limiter (`c`) created inside the handler. `advice` ends the message.
pub(crate) fn limiter_per_stream(ctx: &HandlerCtx<'_>, c: &Call, advice: &str) -> RawFinding {
    let message = format!(
        "rate limiter `{}` is created per stream: reconnecting resets it; {advice}",
        c.callee
    );
    ctx.finding(
        FindingId::F5,
        ctx.file,
        c.span.start,
        Confidence::Medium,
        message,
    )
}

/// F5: when the handler mentions one of `rate_words`, reports a message counter local to it
/// (see [`local_counter`]).
pub(crate) fn check_local_counter(
    ctx: &HandlerCtx<'_>,
    rate_words: &[&str],
    out: &mut Vec<RawFinding>,
) {
    let own = ctx.own_text();
    if !mentions(own, rate_words) {
        return;
    }
    let loops: Vec<&str> = ctx
        .file
        .loops_in(&ctx.func.span)
        .map(|l| ctx.file.src(&l.span))
        .collect();
    if let Some((at, name)) = local_counter(own, &loops) {
        let message = format!(
            "message counter `{name}` lives in the stream handler: the limit resets on every reconnect; count per identity instead"
        );
        out.push(ctx.finding(
            FindingId::F5,
            ctx.file,
            ctx.func.span.start + at,
            Confidence::Medium,
            message,
        ));
    }
}

/// F6: a long-lived stream with no lifetime limit in the server options (`ctx.signals`) nor
/// a lifetime/idle word in its code. `why` ends the message.
pub(crate) fn check_stream_lifetime(
    ctx: &HandlerCtx<'_>,
    long_lived: bool,
    why: &str,
    out: &mut Vec<RawFinding>,
) {
    if ctx.signals.lifetime_limit
        || !long_lived
        || ctx.any_text(|t| mentions(t, crate::rules::LIFETIME_WORDS))
    {
        return;
    }
    out.push(stream_lifetime_finding(ctx, why));
}

/// F6: the stream has no maximum lifetime or idle timeout; `why` ends the message.
pub(crate) fn stream_lifetime_finding(ctx: &HandlerCtx<'_>, why: &str) -> RawFinding {
    let message = format!(
        "{} has no maximum lifetime or idle timeout{why}",
        ctx.handler.kind.describe()
    );
    ctx.at_handler(FindingId::F6, Confidence::Medium, message)
}

/// The confidence of a finding in a piece of the handler: high in its own body, medium in a
/// helper or interceptor.
pub(crate) fn confidence_of(role: Role) -> Confidence {
    if role == Role::Own {
        Confidence::High
    } else {
        Confidence::Medium
    }
}
