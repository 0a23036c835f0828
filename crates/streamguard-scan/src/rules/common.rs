//! Code shared by the rules of several language families: the per-family dispatch, the facts
//! the Go, Python and Rust rules gather about a handler, and findings whose logic is the same
//! in every family (only word lists, call kinds and message text differ).

use streamguard_report::FindingId;

use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, mentions, snippet};
use crate::lang::LanguageFamily;
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
    /// Where a finding about the loop points (`call.on('data', …)`, the `for`).
    pub anchor: usize,
}

/// What the rules of every family share about one handler.
pub(crate) struct Facts<'p> {
    pub loops: Vec<MessageLoop<'p>>,
    /// The token check at stream open, and which piece of the handler it is in.
    pub auth_open: Option<(&'p ParsedFile, &'p Call, Role)>,
    /// The stream can stay open for long: the client sends for as long as it likes, or the
    /// server writes from an unbounded loop, a feed, or a downstream stream of unknown length.
    pub long_lived: bool,
    /// The server keeps the stream going on its own, without end: a watch, subscription,
    /// ticker or broadcast feed (a relay of a downstream job's progress is long, not endless).
    pub endless: bool,
}

/// Names of counting state (a rate limit's budget), as opposed to a registry of streams.
pub(crate) const RATE_WORDS: &[&str] = &[
    "count",
    "rate",
    "limit",
    "quota",
    "bucket",
    "budget",
    "throttle",
    "tokens",
    "msgs",
    "sent",
    "seen",
    "window",
    "allowance",
];

/// Whether the name right before `at` in `text` (`msg_count[` in `msg_count[stream]`) is counting
/// state: a map keyed by the stream is a rate limit only then; a subscription registry
/// (`subs[stream] = ch`) is not.
pub(crate) fn counting_state_before(text: &str, at: usize) -> bool {
    let name: String = text[..at.min(text.len())]
        .trim_end_matches(['(', '['])
        .chars()
        .rev()
        .take_while(|&c| crate::syntax::is_ident_char(c) || c == '.')
        .collect();
    mentions(&name, RATE_WORDS)
}

/// Whether a loop ends when the work it reports on ends: it leaves (`return`/`break`) when a
/// job, run or process reaches a final state (`if run.status == FINISHED: break`,
/// `if proc.poll() is not None: return`). Such a stream lasts as long as the job: long, not
/// endless.
pub(crate) fn ends_with_the_work(loop_text: &str) -> bool {
    const FINAL: &[&str] = &[
        "finished",
        "completed",
        "succeeded",
        "terminal",
        "exited",
        "exit_code",
        "returncode",
        ".poll()",
        "is_done",
        "isdone",
        "job_done",
        "final",
    ];
    let lines: Vec<&str> = loop_text.lines().collect();
    lines.iter().enumerate().any(|(k, l)| {
        let t = l.trim_start().to_ascii_lowercase();
        let test = t.starts_with("if ") || t.starts_with("if(") || t.starts_with("elif ");
        test && FINAL.iter().any(|w| t.contains(w))
            && lines[k..(k + 6).min(lines.len())]
                .iter()
                .any(|n| n.contains("return") || n.contains("break"))
    })
}

/// Words of a feed that never ends on its own.
pub(crate) const FEED_WORDS: &[&str] = &[
    "watch",
    "subscribe",
    "tail",
    "follow",
    "listen",
    "observe",
    "feed",
    "live",
    "events",
    "updates",
    "changes",
    "notify",
    "broadcast",
    "ticker",
    "interval",
    "poll",
    "pubsub",
];

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
                    anchor: l.span.start,
                });
            }
        }
    }
    loops
}

/// The first token check (`is_auth`) in the handler's pieces that is not inside a message loop
/// (`in_loop(file, byte)`): the check done once, at stream open. A call of the handler's own
/// body into a helper that checks the token (`auth.require_device(context)`) counts, at the
/// call, as a check made through a helper.
pub(crate) fn auth_at_open<'p>(
    ctx: &HandlerCtx<'p>,
    in_loop: impl Fn(&ParsedFile, usize) -> bool,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
) -> Option<(&'p ParsedFile, &'p Call, Role)> {
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        for c in file.calls_in(&piece.span) {
            if in_loop(file, c.span.start) {
                continue;
            }
            if is_auth(file, c) {
                return Some((file, c, piece.role));
            }
            if piece.role == Role::Own {
                let through_helper = ctx.helpers_of(piece.file, c).iter().any(|(hf, hspan)| {
                    let h = &ctx.project.files[*hf];
                    h.calls_in(hspan).iter().any(|k| is_auth(h, k))
                });
                if through_helper {
                    return Some((file, c, Role::Helper));
                }
            }
        }
    }
    None
}

/// The names the handler binds to what its token check returned (`claims`, `device`,
/// `principal`): a condition on them authorizes.
pub(crate) fn identity_names(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Vec<String> {
    let Some((file, call, _)) = facts.auth_open else {
        return Vec::new();
    };
    file.bindings
        .iter()
        .filter(|b| b.value.start <= call.span.start && call.span.end <= b.value.end)
        .map(|b| b.name.clone())
        .filter(|n| n.len() > 1 || ctx.file.language.family() == LanguageFamily::Go)
        .collect()
}

/// Whether `byte` of `file` runs for every message: inside a message loop, and not in a branch
/// taken for the first message only (a token checked in the `hello` message is checked once).
pub(crate) fn per_message(loops: &[MessageLoop<'_>], file: &ParsedFile, byte: usize) -> bool {
    let python = file.language.family() == LanguageFamily::Python;
    loops.iter().any(|l| {
        std::ptr::eq(l.file, file)
            && l.region.contains(&byte)
            && !in_once_branch(l.file.src(&l.region), byte - l.region.start, python)
    })
}

/// Whether the handler hands its stream to other code (`go s.pump(stream)`,
/// `worker{stream: stream}`, `self._serve(request_iterator)`), which then reads it for as long
/// as the client sends: a stream the handler itself only reads a fixed number of times is a
/// handshake, one it hands over is not.
pub(crate) fn stream_escapes(text: &str, stream: &str) -> bool {
    text.match_indices(stream).any(|(i, _)| {
        let after = text[i + stream.len()..].chars().next();
        let before = text[..i].trim_end().chars().next_back();
        let whole = !text[..i]
            .chars()
            .next_back()
            .is_some_and(crate::syntax::is_ident_char)
            && !after.is_some_and(crate::syntax::is_ident_char);
        // `next(request_iterator)` reads one message; it does not hand the stream over.
        let reader: String = text[..i]
            .trim_end()
            .trim_end_matches('(')
            .chars()
            .rev()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let reads_one = before == Some('(')
            && [
                "next",
                "anext",
                "iter",
                "len",
                "print",
                "str",
                "repr",
                "id",
                "type",
                "isinstance",
            ]
            .contains(&reader.as_str());
        whole
            && !reads_one
            && !matches!(after, Some('.'))
            && matches!(before, Some('(' | ',' | ':' | '='))
    })
}

/// Whether a message loop re-checks the token for every message: it mentions expiry or
/// revocation, or calls a token check (other than the one at open, `verify`) or a helper that
/// re-checks — outside a branch taken for the first message only.
pub(crate) fn rechecks_per_message(
    ctx: &HandlerCtx<'_>,
    l: &MessageLoop<'_>,
    verify: Option<&Call>,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
) -> bool {
    let text = l.file.src(&l.region);
    let python = l.file.language.family() == LanguageFamily::Python;
    let every = |at: usize| !in_once_branch(text, at.saturating_sub(l.region.start), python);
    let mentioned = crate::rules::expiry_or_revocation_at(text)
        .into_iter()
        .any(|i| every(l.region.start + i));
    mentioned
        || l.file.calls_in(&l.region).iter().any(|c| {
            verify.is_none_or(|v| !std::ptr::eq(c, v))
                && every(c.span.start)
                && (is_auth(l.file, c)
                    || ctx.helpers_of(l.fi, c).iter().any(|(hf, hs)| {
                        crate::rules::mentions_expiry_or_revocation(ctx.project.files[*hf].src(hs))
                    }))
        })
}

/// Whether `byte` of `file` is inside one of `loops`.
pub(crate) fn in_message_loop(loops: &[MessageLoop<'_>], file: &ParsedFile, byte: usize) -> bool {
    loops
        .iter()
        .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&byte))
}

/// F1: how a loop of the handler re-checks the token (mentions expiry/revocation, or calls a
/// token check other than the one at open, `verify`): for every message when it is a message
/// loop (prompt), else as often as the loop's timer fires (`timers`: the family's sleep/ticker
/// calls, whose first argument is the period; a bare number counts `plain_unit` seconds).
pub(crate) fn loop_recheck(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    verify: Option<&Call>,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
    timers: &[&str],
    plain_unit: f64,
) -> Recheck {
    let mut found = Recheck::Never;
    for p in &ctx.pieces {
        let f = ctx.file_of(p);
        for l in f.loops_in(&p.span) {
            let rechecks = crate::rules::mentions_expiry_or_revocation(
                &ctx.text_with_helpers(p.file, &l.span),
            ) || f
                .calls_in(&l.span)
                .iter()
                .any(|c| verify.is_none_or(|v| !std::ptr::eq(c, v)) && is_auth(f, c));
            if !rechecks {
                continue;
            }
            if let Some(ml) = facts
                .loops
                .iter()
                .find(|m| std::ptr::eq(m.file, f) && m.region.contains(&l.span.start))
            {
                if rechecks_per_message(ctx, ml, verify, &is_auth) {
                    return Recheck::Promptly;
                }
                continue;
            }
            let timer = f
                .calls_in(&l.span)
                .iter()
                .chain(f.calls_in(&p.span))
                .find_map(|c| {
                    timers
                        .contains(&c.name.as_str())
                        .then(|| {
                            resolved_duration(f, first_arg(f.src(&c.args)), plain_unit)
                                .map(|s| (s, c))
                        })
                        .flatten()
                });
            // A re-check gated by the time since the last one (`if now - last >= EVERY:`) runs as
            // often as the gate opens, whatever the loop's own pace.
            let gate = elapsed_gate(f, f.src(&l.span), plain_unit);
            found = match (gate, timer) {
                (Some((secs, what)), _) => Recheck::Every { secs, what },
                (None, Some((secs, c))) => Recheck::Every {
                    secs,
                    what: format!("{}({})", c.callee, first_arg(f.src(&c.args))),
                },
                (None, None) => Recheck::Promptly,
            };
            if found == Recheck::Promptly {
                return found;
            }
        }
    }
    found
}

/// The period of an elapsed-time gate in a loop: `if time.monotonic() - last >= REVALIDATE_EVERY`
/// (`Date.now() - last > RECHECK_MS`) followed by the re-check, with the named constant
/// resolved. A bound on the session itself (`if now - started > MAX_S: abort`) is not one.
fn elapsed_gate(file: &ParsedFile, text: &str, plain_unit: f64) -> Option<(f64, String)> {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().find_map(|(k, line)| {
        let next = lines[k + 1..]
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let guards_recheck = !crate::rules::expiry_or_revocation_at(&next).is_empty()
            || mentions(&next, &["valid", "verify", "check_token", "introspect"]);
        if !guards_recheck {
            return None;
        }
        let t = line.trim_start();
        let test = t.starts_with("if ") || t.starts_with("if(") || t.starts_with("elif ");
        let elapsed = ["now", "monotonic", "time()", "since", "elapsed", "last"]
            .iter()
            .any(|w| t.to_ascii_lowercase().contains(w));
        if !test || !elapsed {
            return None;
        }
        let (_, rhs) = t.split_once(">=").or_else(|| t.split_once('>'))?;
        let operand: String = rhs
            .trim()
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c) || c == '.' || c == '_')
            .collect();
        resolved_duration(file, &operand, plain_unit).map(|s| (s, operand))
    })
}

/// The first top-level argument of `(a, b)`.
pub(crate) fn first_arg(args: &str) -> &str {
    nth_arg(args, 0)
}

/// The `n`th top-level argument of `(a, b, …)`.
pub(crate) fn nth_arg(args: &str, n: usize) -> &str {
    let inner = args.trim().strip_prefix('(').unwrap_or(args);
    let mut depth = 0i32;
    let mut start = 0;
    let mut k = 0;
    for (i, ch) in inner.char_indices() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ',' | ')' if depth == 0 => {
                if k == n {
                    return inner[start..i].trim();
                }
                k += 1;
                start = i + 1;
                if ch == ')' {
                    return "";
                }
            }
            _ => {}
        }
    }
    if k == n { inner[start..].trim() } else { "" }
}

/// What re-checks the token while the stream lives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Recheck {
    /// Nothing: the check at open is the only one.
    Never,
    /// At `exp`, on revocation, or for every message.
    Promptly,
    /// A periodic check every `secs` seconds (`what` names the timer).
    Every { secs: f64, what: String },
}

/// A periodic re-check this slow still leaves a drift window worth reporting.
pub(crate) const SLOW_RECHECK_SECS: f64 = 30.0;

/// What to do about F1, in the handler's stack.
pub(crate) fn f1_fix(family: LanguageFamily) -> &'static str {
    match family {
        LanguageFamily::Js => {
            "end the stream at `exp` (`setTimeout(() => call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' }), claims.exp * 1000 - Date.now())`) and on revocation (a listener keyed by `jti`/`sub`)"
        }
        LanguageFamily::Go => {
            "end the stream at `exp` (`ctx, cancel := context.WithDeadline(stream.Context(), claims.ExpiresAt.Time)`, return `codes.Unauthenticated` when it is done) and on revocation (a watch keyed by `jti`/`sub`)"
        }
        LanguageFamily::Python => {
            "end the stream at `exp` (a `threading.Timer(exp - time.time(), context.cancel)`, or check `exp` and a revocation set for every message) and on revocation"
        }
        LanguageFamily::Rust => {
            "race the stream against `tokio::time::sleep_until(exp)` and a revocation watch in `tokio::select!`, or serve it through `streamguard::StreamGuardLayer`"
        }
    }
}

/// What to do about F6, in the handler's stack; `at` is where the server is built. (A
/// connection idle limit is no answer: it only fires once no stream is open.)
pub(crate) fn f6_fix(family: LanguageFamily, at: Option<&str>) -> String {
    let at = at.map(|a| format!(" (built at {a})")).unwrap_or_default();
    match family {
        LanguageFamily::Js => format!(
            "set `'grpc.max_connection_age_ms'` in the `new grpc.Server({{…}})` options{at}, or end each stream with a lifetime and an idle timer"
        ),
        LanguageFamily::Go => format!(
            "pass `grpc.KeepaliveParams(keepalive.ServerParameters{{MaxConnectionAge: 30 * time.Minute, MaxConnectionAgeGrace: 10 * time.Second}})` to `grpc.NewServer`{at}, or end each stream with a lifetime and an idle timer"
        ),
        LanguageFamily::Python => format!(
            "pass `options=[(\"grpc.max_connection_age_ms\", 1_800_000), (\"grpc.max_connection_age_grace_ms\", 10_000)]` to `grpc.server(…)`{at}, or end each stream with a lifetime and an idle timer"
        ),
        LanguageFamily::Rust => format!(
            "call `.max_connection_age(Duration::from_secs(1800))` on `Server::builder()`{at}, or serve through `streamguard::StreamGuardLayer`"
        ),
    }
}

/// F1: the token was checked once at stream open (`verify`, in `file`) and `recheck` is all
/// that follows.
pub(crate) fn auth_drift_finding(
    ctx: &HandlerCtx<'_>,
    file: &ParsedFile,
    verify: &Call,
    role: Role,
    recheck: &Recheck,
) -> RawFinding {
    let fix = f1_fix(ctx.file.language.family());
    let message = match recheck {
        Recheck::Every { secs, what } => format!(
            "token checked at stream open (`{}`) and re-checked only every {} (`{what}`): an expired or revoked token keeps the stream for up to that long; {fix}",
            snippet(verify),
            human_secs(*secs)
        ),
        _ => format!(
            "token checked once at stream open (`{}`); nothing re-checks its expiry or revocation while the stream stays open: {fix}",
            snippet(verify)
        ),
    };
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

/// `90 s`, `5 min`.
pub(crate) fn human_secs(secs: f64) -> String {
    if secs >= 120.0 && (secs / 60.0).fract() == 0.0 {
        format!("{} min", secs / 60.0)
    } else {
        format!("{secs} s")
    }
}

/// Whether a re-check leaves the stream unchecked too long.
pub(crate) fn too_slow(r: &Recheck) -> bool {
    match r {
        Recheck::Never => true,
        Recheck::Promptly => false,
        Recheck::Every { secs, .. } => *secs >= SLOW_RECHECK_SECS,
    }
}

/// F1 for every family: on a long-lived stream, reports the token check at open (or the
/// program's auth interceptor, when the handler has none) unless `recheck(check at open)` finds
/// a prompt expiry/revocation check.
pub(crate) fn check_auth_drift(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    recheck: impl Fn(Option<&Call>) -> Recheck,
    out: &mut Vec<RawFinding>,
) {
    if !facts.long_lived {
        return;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        if let Some(interceptor) = &ctx.program.facts.auth_interceptor {
            // The interceptor may end the stream itself (a deadline at `exp`, a revocation
            // watch, a re-check on a ticker); the handler may re-check too. The better wins.
            let by_handler = recheck(None);
            let by_interceptor = interceptor_recheck(ctx, interceptor.file, &interceptor.span);
            let (r, who) = match (&by_handler, &by_interceptor) {
                (Recheck::Promptly, _) | (_, Recheck::Promptly) => return,
                (Recheck::Every { secs: a, .. }, Recheck::Every { secs: b, .. }) if a <= b => {
                    (by_handler, "the handler")
                }
                (_, Recheck::Every { .. }) => (by_interceptor, "the interceptor"),
                _ => (by_handler, "the handler"),
            };
            if too_slow(&r) {
                let fix = f1_fix(ctx.file.language.family());
                let how = match &r {
                    Recheck::Every { secs, what } => format!(
                        "{who} re-checks it only every {} (`{what}`)",
                        human_secs(*secs)
                    ),
                    _ => "nothing re-checks its expiry or revocation while the stream stays open"
                        .to_string(),
                };
                let message = format!(
                    "token checked once per stream by the {}; {how}: {fix}",
                    interceptor.what
                );
                out.push(ctx.at_handler(FindingId::F1, Confidence::Medium, message));
            }
        }
        return;
    };
    let r = recheck(Some(verify));
    if too_slow(&r) {
        out.push(auth_drift_finding(ctx, file, verify, role, &r));
    }
}

/// How an auth interceptor re-checks the token of the streams it admits: a deadline or timer at
/// `exp`, a revocation watch, or a wrapped stream that fails once the session ends (prompt); a
/// loop on a ticker (as often as it ticks); or not at all.
fn interceptor_recheck(ctx: &HandlerCtx<'_>, fi: usize, span: &Span) -> Recheck {
    let file = &ctx.project.files[fi];
    let text = ctx.text_with_helpers(fi, span);
    let calls = file.calls_in(span);
    let at_expiry = calls.iter().any(|c| {
        let n = c.name.as_str();
        (n.starts_with("WithDeadline")
            || [
                "AfterFunc",
                "NewTimer",
                "setTimeout",
                "sleep_until",
                "timeout_at",
                "Timer",
                "call_later",
                "call_at",
            ]
            .contains(&n))
            && crate::rules::mentions_expiry_or_revocation(file.src(&c.args))
    });
    let revocation_watch = calls.iter().any(|c| {
        ["watch", "subscribe", "on", "changed"]
            .iter()
            .any(|w| c.name.to_ascii_lowercase().starts_with(w))
            && mentions(
                &format!("{} {}", c.callee, file.src(&c.args)),
                &["revok", "revoc", "rev."],
            )
    });
    // grpc-js: a listener on each received message that re-checks expiry.
    let per_message = (text.contains("ReceiveMessage") || text.contains("RecvMsg"))
        && crate::rules::mentions_expiry_or_revocation(&text);
    if at_expiry || revocation_watch || per_message {
        return Recheck::Promptly;
    }
    for l in file.loops_in(span) {
        let body = ctx.text_with_helpers(fi, &l.span);
        if !crate::rules::mentions_expiry_or_revocation(&body) {
            continue;
        }
        const TIMERS: &[&str] = &[
            "NewTicker",
            "Tick",
            "After",
            "Sleep",
            "interval",
            "sleep",
            "setInterval",
            "wait",
        ];
        let timer = file.calls_in(span).iter().find_map(|c| {
            if !TIMERS.contains(&c.name.as_str()) {
                return None;
            }
            let arg = if c.name == "setInterval" {
                nth_arg(file.src(&c.args), 1)
            } else {
                first_arg(file.src(&c.args))
            };
            let unit = match (file.language.family(), c.name.as_str()) {
                (LanguageFamily::Js, _) => 0.001,
                _ => 1.0,
            };
            resolved_duration(file, arg, unit).map(|s| (s, c, arg))
        });
        return match timer {
            Some((secs, c, arg)) => Recheck::Every {
                secs,
                what: format!("{}({arg})", c.callee),
            },
            None => Recheck::Promptly,
        };
    }
    Recheck::Never
}

/// The seconds of a duration expression, through one named constant of the file
/// (`time.NewTicker(recheckEvery)` with `const recheckEvery = time.Minute`).
pub(crate) fn resolved_duration(file: &ParsedFile, expr: &str, plain_unit: f64) -> Option<f64> {
    if let Some(s) = duration_secs(expr, plain_unit) {
        return Some(s);
    }
    let name = expr.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| crate::syntax::is_ident_char(c) || c == '.')
    {
        return None;
    }
    let name = name.rsplit('.').next().unwrap_or(name);
    file.text.lines().find_map(|line| {
        let t = line.trim_start();
        let t = [
            "const ",
            "let ",
            "var ",
            "static ",
            "pub const ",
            "pub(crate) const ",
        ]
        .iter()
        .find_map(|k| t.strip_prefix(k))
        .unwrap_or(t);
        let rest = t.strip_prefix(name)?;
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix(':') {
            Some(r) if !r.starts_with('=') => r.split_once('=')?.1,
            _ => rest.strip_prefix(":=").or_else(|| rest.strip_prefix('='))?,
        };
        if rest.starts_with('=') {
            return None;
        }
        let value = rest.split([';', '#']).next()?.trim();
        duration_secs(value.split("//").next()?.trim(), plain_unit)
    })
}

/// F2: reports each message loop that acts on what a message names (a tool, resource, room,
/// account, device: `acts` holds for one of the loop's calls and the loop reads such a field)
/// when only the first message is authorized (a `hello`/`join` message, or behind an
/// `authorized` flag set once), or when the stream was authorized once before the loop and the
/// loop authorizes nothing. Authenticating the caller is not authorizing what a message
/// names: a stream whose token is only verified is not reported here (F1 covers the token).
/// `each` names what is received ("each incoming message").
pub(crate) fn check_per_message_authz(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    each: &str,
    acts: impl Fn(&Call) -> bool,
    out: &mut Vec<RawFinding>,
) {
    let identity = identity_names(ctx, facts);
    for l in &facts.loops {
        if !acts_on_a_target(l, &acts, &identity) {
            continue;
        }
        let message = match loop_authorization(ctx, l, &identity) {
            LoopAuthz::PerMessage => continue,
            LoopAuthz::FirstOnly(line) => format!(
                "{each} is acted on, but only the first message (or the one before a flag is set, line {line}) is authorized: later messages can name tools or resources the token does not cover; check every message"
            ),
            LoopAuthz::None => match authorized_once(ctx, facts) {
                Some(how) => format!(
                    "{each} is acted on without an authorization check; the stream was only authorized once ({how}): check every message against the token's scopes"
                ),
                None => continue,
            },
        };
        out.push(ctx.finding(FindingId::F2, l.file, l.anchor, Confidence::High, message));
    }
}

/// Whether a message loop acts on what a message names: one of its calls (that `acts`) takes a
/// target field of the message (`exec.Call(ctx, call.GetName(), …)`) or a variable the loop set
/// from one (`room := p.Post.GetRoom()` … `hub.broadcast(room, …)`). A loop that only buffers
/// chunks (`data.extend(chunk.data)`) acts on nothing a message names.
fn acts_on_a_target(
    l: &MessageLoop<'_>,
    acts: impl Fn(&Call) -> bool,
    identity: &[String],
) -> bool {
    // Handing the whole message to something that runs it (`backend.RunTool(to_backend(call))`,
    // `dispatch(msg)`) acts on whatever it names; storing or buffering it does not.
    const DISPATCH: &[&str] = &[
        "run",
        "call",
        "invoke",
        "exec",
        "dispatch",
        "handle",
        "publish",
        "submit",
        "apply",
        "perform",
        "process",
        "forward",
        "route",
        "transfer",
        "broadcast",
    ];
    let text = l.file.src(&l.region);
    // What the caller's own identity names (`who.tenant`) is not named by a message.
    let from_message = |t: &str| {
        let mut t = t.to_string();
        for n in identity {
            t = t
                .replace(&format!("{n}."), " ")
                .replace(&format!("{n}["), " ");
        }
        names_a_target(&t)
    };
    // Variables built from a message (`req := toBackend(call)`) carry it; variables set from a
    // target field (`room := p.Post.GetRoom()`) carry the target.
    let mut messages = message_vars(text);
    let mut targets: Vec<&str> = Vec::new();
    for (var, rhs) in assignments(text) {
        if messages.iter().any(|m| crate::syntax::has_word(rhs, m)) {
            messages.push(var.to_string());
        }
        if from_message(rhs) {
            targets.push(var);
        }
    }
    l.file.calls_in(&l.region).iter().any(|c| {
        let args = l.file.src(&c.args);
        let dispatches = mentions(&c.name, DISPATCH)
            && messages.iter().any(|m| crate::syntax::has_word(args, m));
        acts(c)
            && (dispatches
                || from_message(args)
                || targets.iter().any(|t| crate::syntax::has_word(args, t)))
    })
}

/// `var = rhs` / `var := rhs` / `let var = rhs` lines of a text (comparisons excluded).
fn assignments(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| {
        let (lhs, rhs) = line.split_once('=')?;
        if rhs.starts_with('=') || lhs.ends_with(['!', '<', '>', '=']) {
            return None;
        }
        let var = lhs
            .trim()
            .trim_end_matches([':', '?', '|', '&'])
            .rsplit(' ')
            .next()?
            .trim();
        (!var.is_empty() && var.chars().all(crate::syntax::is_ident_char)).then_some((var, rhs))
    })
}

/// The names a message loop gives each message: `for call in …`, `for await (const msg of …)`,
/// `('data', (msg) =>`, `call, err := stream.Recv()`, `while let Some(Ok(call)) = …`.
fn message_vars(text: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect()
    };
    let mut out = Vec::new();
    let head = text.lines().next().unwrap_or("");
    for marker in [
        "async for ",
        "for await (const ",
        "for await (let ",
        "for (const ",
        "for ",
        "Some(Ok(",
        "Some(",
        "async (",
        "(",
        "function (",
    ] {
        if let Some(i) = head.find(marker) {
            let name = ident(&head[i + marker.len()..]);
            if !name.is_empty() && name != "let" && name != "const" && name != "_" {
                out.push(name);
                break;
            }
        }
    }
    for line in text.lines() {
        if let Some((lhs, rhs)) = line.split_once(":=").or_else(|| line.split_once(" = "))
            && rhs.contains(".Recv()")
        {
            let name = ident(lhs.split(',').next().unwrap_or(""));
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Whether code reads a field that names what to act on (status codes such as
/// `RESOURCE_EXHAUSTED` do not).
fn names_a_target(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let mut kept = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    loop {
        let next = ["statuscode.", "codes.", "status."]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min();
        let Some((at, len)) = next else { break };
        kept.push_str(&rest[..at]);
        let after = &rest[at + len..];
        let end = after
            .find(|c: char| !crate::syntax::is_ident_char(c))
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    kept.push_str(rest);
    const TARGETS: &[&str] = &[
        "name", "tool", "resource", "uri", "room", "account", "device", "topic", "channel",
        "target", "path", "method", "action", "command", "tenant", "project", "bucket", "table",
        "symbol", "queue", "user",
    ];
    let t = kept;
    TARGETS.iter().any(|w| {
        [
            format!(".{w}"),
            format!("get_{w}"),
            format!("get{w}"),
            format!("[\"{w}"),
            format!("['{w}"),
        ]
        .iter()
        .any(|p| t.contains(p.as_str()))
    })
}

/// How a message loop authorizes the messages it handles.
enum LoopAuthz {
    /// Every message is checked.
    PerMessage,
    /// Only in a branch taken once per stream (line of the check).
    FirstOnly(u32),
    /// Not at all.
    None,
}

fn loop_authorization(ctx: &HandlerCtx<'_>, l: &MessageLoop<'_>, identity: &[String]) -> LoopAuthz {
    let text = l.file.src(&l.region);
    let python = l.file.language.family() == LanguageFamily::Python;
    let mut first_only = None;
    let mut judge = |i: usize| {
        if in_once_branch(text, i, python) {
            first_only.get_or_insert(l.region.start + i);
            false
        } else {
            true
        }
    };
    for i in authorization_points(text, identity, false) {
        if judge(i) {
            return LoopAuthz::PerMessage;
        }
    }
    // Helpers called from the loop count where they are called.
    for c in l.file.calls_in(&l.region) {
        let helper_authorizes = ctx.helpers_in(l.fi, &c.span).iter().any(|(hf, hspan)| {
            !authorization_points(ctx.project.files[*hf].src(hspan), &[], false).is_empty()
        });
        if helper_authorizes && judge(c.span.start - l.region.start) {
            return LoopAuthz::PerMessage;
        }
    }
    match first_only {
        Some(byte) => LoopAuthz::FirstOnly(l.file.position(byte).0),
        None => LoopAuthz::None,
    }
}

/// Where `text` authorizes something: a call or word of authorization (`checkScope`,
/// `has_permission`, `MemberOf`), or a condition comparing against the caller's identity
/// (`if req.tenant != claims["tenant"]`, `if topic not in may_publish`).
///
/// With `strict`, a condition on the identity counts only when it also involves a target a
/// request names (`if req.tenant != claims["tenant"]`), not a bare `if claims is None`.
pub(crate) fn authorization_points(text: &str, identity: &[String], strict: bool) -> Vec<usize> {
    const IDENTITY: &[&str] = &[
        "claims",
        "principal",
        "identity",
        "scope",
        "roles",
        "permission",
        "perms",
        "grants",
        "acl",
        "allowed",
        "may_",
        "tenant",
        "owner",
        "member",
        ".sub",
        "[\"sub\"]",
        "['sub']",
        "subject",
        "entitle",
    ];
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for w in crate::rules::AUTHZ_WORDS {
        // A status (`PERMISSION_DENIED`, `Unauthorized`, `insufficient_scope`) names the
        // outcome of a check, not a check.
        let status = |i: usize| {
            let after = &lower[i + w.len()..];
            after.starts_with("denied")
                || after.starts_with("_denied")
                || lower[..i].ends_with("un")
                || lower[..i].ends_with("insufficient_")
                // the `authorization` header carries the credential; reading it authenticates
                || lower[..i].ends_with(['\'', '"', '`'])
        };
        // The once-flag's own test (`if !authorized {`) is not a check either.
        let flag_test = |i: usize| {
            let start = lower[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let line = lower[start..].split('\n').next().unwrap_or("").trim();
            is_once_condition(line.trim_start_matches('}').trim())
        };
        out.extend(
            lower
                .match_indices(w)
                .map(|(i, _)| i)
                .filter(|&i| !status(i) && !flag_test(i)),
        );
    }
    let mut offset = 0;
    for line in lower.split_inclusive('\n') {
        let t = line.trim_start();
        let is_test = ["if ", "if(", "elif ", "unless ", "} else if", "guard "]
            .iter()
            .any(|k| t.starts_with(k));
        let on_identity = IDENTITY.iter().any(|w| t.contains(w))
            || identity
                .iter()
                .any(|n| crate::syntax::has_word(t, &n.to_ascii_lowercase()));
        if is_test && on_identity && (!strict || names_a_target(t)) {
            out.push(offset + line.len() - t.len());
        }
        offset += line.len();
    }
    out.sort_unstable();
    out
}

/// Where the stream was authorized once before its message loop, if it was: an authorization
/// call or a comparison with the caller's identity in the handler or its helpers, outside the
/// message loops.
fn authorized_once(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Option<String> {
    // Admitting the stream on its token is the one decision such a stream gets: later messages
    // run whatever they name (the live F2 probe fails such a server).
    if let Some((f, c, _)) = facts.auth_open {
        return Some(format!(
            "token checked at stream open, {}",
            ctx.place(f, c.span.start)
        ));
    }
    if let Some(i) = &ctx.program.facts.auth_interceptor {
        return Some(format!("token checked by the {}", i.what));
    }
    let identity = identity_names(ctx, facts);
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        let text = f.src(&p.span);
        authorization_points(text, &identity, true)
            .into_iter()
            .map(|i| p.span.start + i)
            .find(|&b| !in_message_loop(&facts.loops, f, b))
            .map(|b| format!("authorized at {}", ctx.place(f, b)))
    })
}

/// A limiter type by its name: `RateLimiter`, `OrderThrottle`, `TokenBucket`.
pub(crate) fn is_limiter_type(name: &str) -> bool {
    ["Limiter", "Throttle", "Bucket", "RateLimit"]
        .iter()
        .any(|s| name.ends_with(s))
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

/// F5: a limiter the handler gets per connection: a helper it calls picks the bucket by the
/// peer's address (`peer.FromContext(ctx).Addr`, `context.peer()`, `call.getPeer()`), so a
/// new connection gets a new bucket.
pub(crate) fn check_connection_keyed_limit(
    ctx: &HandlerCtx<'_>,
    out: &mut Vec<RawFinding>,
) -> bool {
    const PEER: &[&str] = &[
        "peer.fromcontext",
        "getpeer()",
        "context.peer()",
        "remote_addr",
        "remoteaddr",
        "peer_addr",
    ];
    const LIMIT: &[&str] = &["limiter", "bucket", "throttle", "ratelimit", "rate_limit"];
    for c in ctx.own_calls() {
        // The call asks for a limiter (`s.limits.For(ctx)`, `limiter_for(peer)`) …
        if !mentions(&c.callee, &["limit", "bucket", "throttl", "quota"]) {
            continue;
        }
        // … and picks it by the peer's address.
        let keyed = ctx.helpers_of(ctx.handler.file, c).iter().any(|(hf, hs)| {
            let t = ctx.project.files[*hf].src(hs);
            mentions(t, PEER) && mentions(t, LIMIT)
        });
        if keyed {
            let message = format!(
                "rate limiter from `{}` is keyed by the peer's address: a new connection gets a fresh bucket; key it by the token's identity",
                c.callee
            );
            out.push(ctx.finding(
                FindingId::F5,
                ctx.file,
                c.span.start,
                Confidence::Medium,
                message,
            ));
            return true;
        }
    }
    false
}

/// F5: when the handler mentions one of `rate_words`, reports a message counter local to it
/// (see [`local_counter`]).
pub(crate) fn check_local_counter(
    ctx: &HandlerCtx<'_>,
    rate_words: &[&str],
    out: &mut Vec<RawFinding>,
) {
    if check_connection_keyed_limit(ctx, out) {
        return;
    }
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

/// F6: a long-lived stream of a program whose server is built in the scanned files with no
/// lifetime limit in its options, nor a lifetime/idle word in the handler's code.
pub(crate) fn check_stream_lifetime(
    ctx: &HandlerCtx<'_>,
    long_lived: bool,
    out: &mut Vec<RawFinding>,
) {
    if ctx.program.facts.lifetime_limit.is_some()
        || ctx.program.facts.streamguard
        || !ctx.program.server_known()
        || !long_lived
        || ctx.any_text(|t| mentions(t, crate::rules::LIFETIME_WORDS))
    {
        return;
    }
    out.push(stream_lifetime_finding(ctx));
}

/// F6: the stream has no maximum lifetime or idle timeout.
pub(crate) fn stream_lifetime_finding(ctx: &HandlerCtx<'_>) -> RawFinding {
    let fix = f6_fix(
        ctx.file.language.family(),
        ctx.program.facts.server_at.as_deref(),
    );
    let message = format!(
        "{} can stay open indefinitely: nothing ends it and the server sets no maximum connection age; {fix}",
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

/// Whether a call checks the *caller's* credential (failure class 4 of issue 12): it reads the
/// credential from the call's metadata (`authorization`, `x-api-key`, a `token` header), or
/// verifies / decodes a token. A check of something else — a protocol version, a trust
/// domain, a checksum, a request's shape — is not a token check, and neither is logging in
/// *to* a downstream service (`client.authenticate(…)`).
pub(crate) fn is_token_check(file: &ParsedFile, c: &Call) -> bool {
    let n = c.name.to_ascii_lowercase();
    let recv = c.receiver().to_ascii_lowercase();
    let args = file.src(&c.args).to_ascii_lowercase();
    if reads_credential_metadata(&n, &c.callee, &args) {
        return true;
    }
    const NOT_A_CREDENTIAL: &[&str] = &[
        "version",
        "protocol",
        "domain",
        "checksum",
        "hash",
        "schema",
        "format",
        "payload",
        "message",
        "input",
        "size",
        "length",
        "signaturealgorithm",
        "config",
        "cert",
    ];
    const CREDENTIAL: &[&str] = &[
        "token",
        "jwt",
        "bearer",
        "credential",
        "claims",
        "apikey",
        "api_key",
        "auth",
        "session",
        "principal",
        "identity",
        "caller",
        "user",
        "jws",
        "oauth",
        "access",
    ];
    // A string being built (`format!("Bearer {}", token).parse()`) is a credential the server
    // sends, not one it checks.
    if recv.contains('"') || recv.contains("format!") || recv.contains('`') {
        return false;
    }
    let last_recv = recv.rsplit(['.', ':']).next().unwrap_or(&recv);
    let downstream = [
        "client",
        "stub",
        "conn",
        "connection",
        "db",
        "backend",
        "upstream",
    ]
    .iter()
    .any(|d| last_recv.ends_with(d));
    // `Status::unauthenticated(…)`, `codes.Unauthenticated`: the outcome of a check.
    if n.contains("authenticat") {
        return !downstream && !n.starts_with("un") && !n.contains("unauthenticated");
    }
    let verb = [
        "verify",
        "validate",
        "check",
        "introspect",
        "decode",
        "parse",
        "require",
    ]
    .iter()
    .any(|v| n.contains(v));
    if !verb || NOT_A_CREDENTIAL.iter().any(|w| n.contains(w)) || downstream {
        return false;
    }
    CREDENTIAL.iter().any(|w| n.contains(w))
        || ["jwt", "jose", "jsonwebtoken", "token", "auth"]
            .iter()
            .any(|w| last_recv.contains(w))
        || (["verify", "introspect"].iter().any(|v| n.contains(v))
            && ["token", "jwt", "bearer", "authorization"]
                .iter()
                .any(|w| args.contains(w)))
}

/// `metadata.get('authorization')`, `md.Get("x-api-key")`, `request.metadata().get("x-token")`.
fn reads_credential_metadata(name: &str, callee: &str, args: &str) -> bool {
    let reads = ["get", "get_all", "getall", "values", "getmap"].contains(&name)
        || name.contains("frommd")
        || name.contains("fromheader")
        || name.contains("frommetadata");
    let quoted_credential = ["\"", "'", "`"].iter().any(|q| {
        [
            "authorization",
            "token",
            "api-key",
            "apikey",
            "api_key",
            "bearer",
        ]
        .iter()
        .any(|w| args.contains(&format!("{q}{w}")) || args.contains(&format!("{q}x-{w}")))
    });
    reads && quoted_credential && !callee.to_ascii_lowercase().contains("env")
}

/// Seconds in a duration expression of any stack: `60_000` (with `plain_unit` seconds per bare
/// number: 0.001 for JS milliseconds, 1 for Python seconds), `5 * time.Minute`,
/// `Duration::from_secs(60)`, `Duration::from_millis(30_000)`, `timedelta(minutes=1)`.
pub(crate) fn duration_secs(expr: &str, plain_unit: f64) -> Option<f64> {
    let e: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    let e = e.trim_end_matches([';', ')']).trim_start_matches('(');
    for (ctor, unit) in [
        ("from_secs_f64(", 1.0),
        ("from_secs(", 1.0),
        ("from_millis(", 0.001),
        ("from_mins(", 60.0),
        ("minutes=", 60.0),
        ("seconds=", 1.0),
        ("milliseconds=", 0.001),
        ("hours=", 3600.0),
        ("total=", 1.0),
        ("Timeout(", 1.0),
    ] {
        if let Some(i) = e.find(ctor) {
            let inner = &e[i + ctor.len()..];
            let end = inner.find([')', ',']).unwrap_or(inner.len());
            return product(&inner[..end], 1.0).map(|v| v * unit);
        }
    }
    let mut unit = plain_unit;
    let mut rest = e.to_string();
    for (name, u) in [
        ("time.Millisecond", 0.001),
        ("time.Second", 1.0),
        ("time.Minute", 60.0),
        ("time.Hour", 3600.0),
    ] {
        if rest.contains(name) {
            unit = u;
            rest = rest.replace(name, "1");
            break;
        }
    }
    let rest = rest.replace("time.Duration(", "(");
    product(rest.trim_matches(['(', ')']), 1.0).map(|v| v * unit)
}

/// `5*60*1_000` → 300000.0; `None` unless every factor is a number.
fn product(s: &str, acc: f64) -> Option<f64> {
    let mut v = acc;
    for factor in s.split('*') {
        let f = factor.trim().trim_matches(['(', ')']).replace('_', "");
        let digits = f
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(f.len());
        let (num, suffix) = f.split_at(digits);
        if !["", "u64", "u32", "usize", "i64", "i32", "f64", "f32", "L"].contains(&suffix) {
            return None;
        }
        v *= num.parse::<f64>().ok()?;
    }
    Some(v)
}

/// Whether `byte` of `text` (a message loop's source) sits in a branch taken once per stream:
/// one of the blocks enclosing it is headed by a first-message or not-yet-authorized test
/// (`if (!authorized) {`, `if first:`, `case Case.HELLO:`, `Frame::Hello(h) => {`,
/// `if seq == 0`). An `else` of such a test runs for every later message and is not one.
pub(crate) fn in_once_branch(text: &str, byte: usize, python: bool) -> bool {
    let headers = if python {
        indented_headers(text, byte)
    } else {
        braced_headers(text, byte)
    };
    headers.iter().any(|h| {
        let h = h.trim_start_matches('}').trim().to_ascii_lowercase();
        !h.starts_with("else") && is_once_condition(&h)
    })
}

/// The headers of the `{…}` blocks enclosing `byte`, innermost first, and the `case …:` label
/// it falls under (Go and JS cases have no braces of their own).
fn braced_headers(text: &str, byte: usize) -> Vec<String> {
    let before = text.get(..byte.min(text.len())).unwrap_or("");
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut case_seen = false;
    let mut line_end = before.len();
    for (i, ch) in before.char_indices().rev() {
        match ch {
            '}' => depth += 1,
            '{' if depth > 0 => depth -= 1,
            '{' => {
                let start = before[..i]
                    .rfind(['\n', ';', '{', '}'])
                    .map(|p| p + 1)
                    .unwrap_or(0);
                out.push(before[start..i].to_string());
                case_seen = false;
            }
            '\n' => {
                let line = before[i + 1..line_end].trim();
                if depth == 0
                    && !case_seen
                    && (line.starts_with("case ") || line.starts_with("default"))
                {
                    out.push(line.to_string());
                    case_seen = true;
                }
                line_end = i;
            }
            _ => {}
        }
    }
    out
}

/// The headers (`if …:`, `elif …:`, `case …:`) of the Python blocks enclosing `byte`.
fn indented_headers(text: &str, byte: usize) -> Vec<String> {
    let before = text.get(..byte.min(text.len())).unwrap_or("");
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut lines = before.lines().rev();
    let mut level = lines.next().map(indent).unwrap_or(0);
    let mut out = Vec::new();
    for l in lines {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent(l) < level {
            level = indent(l);
            if t.ends_with(':') {
                out.push(t.to_string());
            }
        }
    }
    out
}

/// A condition true only for the first message of a stream, or until a flag is set.
pub(crate) fn is_once_condition(cond: &str) -> bool {
    const FLAGS: &[&str] = &[
        "authorized",
        "authorised",
        "authed",
        "authenticated",
        "verified",
        "checked",
        "joined",
        "handshake",
        "helloed",
        "initialized",
        "initialised",
        "registered",
        "bound",
    ];
    const FIRST: &[&str] = &[
        "first",
        "hello",
        "join",
        "handshake",
        "init",
        "open",
        "subscribe",
    ];
    let negated = |w: &str| {
        cond.contains(&format!("!{w}"))
            || cond.contains(&format!("not {w}"))
            || cond.contains(&format!("not self.{w}"))
            || cond.contains(&format!("!this.{w}"))
            || cond.contains(&format!("!self.{w}"))
            || cond.contains(&format!("{w} == false"))
            || cond.contains(&format!("{w} === false"))
            || cond.contains(&format!("{w} is none"))
            || cond.contains(&format!("{w} == nil"))
            || cond.contains(&format!("{w} === null"))
            || cond.contains(&format!("{w} == null"))
    };
    FLAGS
        .iter()
        .any(|w| negated(w) || negated(&format!("is_{w}")) || negated(&format!("is{w}")))
        || FIRST.iter().any(|w| cond.contains(w))
        || ["== 0", "=== 0", "== 1", "=== 1"]
            .iter()
            .any(|z| cond.contains(z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_of_every_stack_are_read_in_seconds() {
        assert_eq!(duration_secs("60_000", 0.001), Some(60.0));
        assert_eq!(duration_secs("5 * 60 * 1000", 0.001), Some(300.0));
        assert_eq!(duration_secs("30 * time.Second", 1.0), Some(30.0));
        assert_eq!(duration_secs("time.Minute", 1.0), Some(60.0));
        assert_eq!(duration_secs("Duration::from_secs(60)", 1.0), Some(60.0));
        assert_eq!(duration_secs("Duration::from_millis(500)", 1.0), Some(0.5));
        assert_eq!(duration_secs("timedelta(minutes=2)", 1.0), Some(120.0));
        assert_eq!(duration_secs("45", 1.0), Some(45.0));
        assert_eq!(duration_secs("interval", 1.0), None);
    }

    #[test]
    fn once_branches_are_first_message_or_flag_guards() {
        let js = "for await (const m of call) {\n  if (!authorized) {\n    checkScope(m.tool);\n    authorized = true;\n  }\n  run(m);\n}";
        assert!(in_once_branch(js, js.find("checkScope").unwrap(), false));
        assert!(!in_once_branch(js, js.find("run(m)").unwrap(), false));
        let nested = "for {\n  if !authorized {\n    need := scopes[m.Name]\n    if !claims.Has(need) {\n      return deny(\"insufficient_scope\")\n    }\n    authorized = true\n  }\n  run(m)\n}";
        assert!(in_once_branch(
            nested,
            nested.find("insufficient_scope").unwrap(),
            false
        ));
        let case = "switch ev.kind {\ncase HELLO: {\n  verify(ev.token)\n}\ncase SAY:\n  publish(ev.room)\n}";
        assert!(in_once_branch(case, case.find("verify").unwrap(), false));
        assert!(!in_once_branch(case, case.find("publish").unwrap(), false));
        let py = "for req in request_iterator:\n    if req.type == 'hello':\n        self.authorize(claims, req.resource)\n    self.run(req)\n";
        assert!(in_once_branch(py, py.find("authorize").unwrap(), true));
        assert!(!in_once_branch(py, py.find("self.run").unwrap(), true));
        let per_message = "for {\n  m, err := stream.Recv()\n  if !claims.HasScope(m.Tool) {\n    continue\n  }\n}";
        assert!(!in_once_branch(
            per_message,
            per_message.find("continue").unwrap(),
            false
        ));
    }
}
