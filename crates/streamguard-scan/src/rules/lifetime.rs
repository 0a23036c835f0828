//! F6, shared by every family: streams that never end on their own, and what bounds them.

use streamguard_report::FindingId;

use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::lang::LanguageFamily;
use crate::rules::common::Facts;

/// Whether a loop ends when the work it reports on ends: it leaves (`return`/`break`, or ends
/// the call) when a job, run or process reaches a final state (`if run.status == FINISHED:
/// break`, `if proc.poll() is not None: return`, `if (p.done) call.end()`). Such a stream lasts as long as the job: long, not
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
        // `if closed: … return` (a sale, an auction, a session that closes).
        "closed",
        "ended",
    ];
    let lines: Vec<&str> = loop_text.lines().collect();
    lines.iter().enumerate().any(|(k, l)| {
        let t = l.trim_start().to_ascii_lowercase();
        let test = t.starts_with("if ") || t.starts_with("if(") || t.starts_with("elif ");
        let done = t.match_indices(".done").any(|(i, _)| {
            !t[i + ".done".len()..]
                .starts_with(|c: char| c == '(' || crate::syntax::is_ident_char(c))
        }) || ["'done'", "\"done\"", "'failed'", "\"failed\""]
            .iter()
            .any(|w| t.contains(w));
        test && (done
            || FINAL.iter().any(|w| t.contains(w))
            || tests_a_sentinel(&t)
            || tests_a_final_state(&t))
            && lines[k..(k + 6).min(lines.len())]
                .iter()
                .any(|n| n.contains("return") || n.contains("break") || n.contains(".end("))
    })
}

/// Whether code ends the stream once it has been open for some time: a test of the time elapsed
/// since it opened that leaves (`if time.Since(opened) > maxAge { return … }`,
/// `if time.monotonic() - started > MAX_S: return`, `if (Date.now() - openedAt > MAX_MS)
/// call.end()`, `if opened.elapsed() > MAX { break }`). A rate window that resets, or a periodic
/// token re-check, is not one.
/// A test of the work's status against a named value (`if ev.Status == "DELIVERED" ||
/// ev.Status == "RETURNED" {`, `if state in ("COMPLETE", "FAILED"):`, `if job.phase ===
/// Phase.Done`) followed by leaving: the stream follows the work to that state.
fn tests_a_final_state(test: &str) -> bool {
    const STATE: &[&str] = &["status", "state", "phase", "stage", "outcome"];
    let compares = test.contains("==") || test.contains(" in (") || test.contains(" in [");
    // `if (err.code === grpc.status.CANCELLED) return;` tests an error, not the work.
    let about_an_error = mentions(test, &["err", "code", "grpc.status", "statuscode"]);
    compares
        && !about_an_error
        && !test.contains("!=")
        && !test.contains(" not in ")
        && crate::lang::identifiers(test).any(|id| STATE.iter().any(|w| id.eq_ignore_ascii_case(w)))
}

/// A test of a completion flag or an end marker, not negated: `if done {` (from
/// `lines, done := s.Queue.Logs(…)`), `if item is _DONE:`.
fn tests_a_sentinel(test: &str) -> bool {
    const MARKERS: &[&str] = &["done", "finished", "complete", "completed", "sentinel"];
    let negated = test.contains('!') || test.contains(" not ");
    !negated
        && crate::lang::identifiers(test).any(|id| {
            let bare = id.trim_matches('_');
            MARKERS.iter().any(|m| bare.eq_ignore_ascii_case(m))
        })
}

pub(crate) fn ends_after_a_while(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().any(|(k, l)| {
        let t = l.trim_start().to_ascii_lowercase();
        let test = t.starts_with("if ") || t.starts_with("if(") || t.starts_with("elif ");
        let elapsed = t.contains("since(")
            || t.contains("elapsed()")
            || ((t.contains("now") || t.contains("monotonic") || t.contains("time()"))
                && t.contains(" - "));
        if !test || !elapsed || !t.contains('>') {
            return false;
        }
        let next = lines[k + 1..(k + 4).min(lines.len())].join("\n");
        let rechecks = !crate::rules::expiry_or_revocation_at(&next).is_empty()
            || mentions(&next, &["valid", "verify", "check_token", "introspect"]);
        let after = &t[t.find('>').unwrap_or(0)..];
        let leaves = [&t, next.as_str()].iter().any(|x| {
            let x = x.to_ascii_lowercase();
            ["return", "break", ".end(", "abort", ".destroy(", "cancel"]
                .iter()
                .any(|w| x.contains(w))
        });
        leaves && !rechecks && crate::rules::expiry_or_revocation_at(after).is_empty()
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

/// Whether a loop's condition walks the pages of a finite result (`while (cursor)`,
/// `for pageToken != ""`, `while resp.has_more:`): it ends on the last page.
pub(crate) fn pages_through(condition: &str) -> bool {
    crate::analysis::mentions(
        condition,
        &[
            "cursor",
            "pagetoken",
            "page_token",
            "hasmore",
            "has_more",
            "nextpage",
            "next_page",
            "continuation",
        ],
    )
}

/// Whether code names a feed: one of its identifiers is made of a [`FEED_WORDS`] word
/// (`watch_orders`, `liveTicks`, `events`, `subscriber`), outside string literals. A word inside
/// another (`retailer_id`, `detailed`) or in a query's text (`"select … from events_archive"`
/// is a finite result) does not count.
pub(crate) fn names_a_feed(text: &str) -> bool {
    const SUFFIXES: &[&str] = &["", "s", "es", "ed", "er", "ers", "ing"];
    let mut code = String::with_capacity(text.len());
    let mut quote: Option<char> = None;
    for ch in text.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None if ch == '"' || ch == '\'' || ch == '`' => quote = Some(ch),
            None => code.push(ch),
        }
    }
    // Identifier parts: split at non-identifier characters, underscores and camelCase humps.
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in code.chars() {
        if !ch.is_ascii_alphanumeric() {
            parts.push(std::mem::take(&mut cur));
            prev_lower = false;
            continue;
        }
        if ch.is_ascii_uppercase() && prev_lower {
            parts.push(std::mem::take(&mut cur));
        }
        prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        cur.push(ch.to_ascii_lowercase());
    }
    parts.push(cur);
    parts.iter().any(|part| {
        FEED_WORDS.iter().any(|w| {
            part.strip_prefix(w)
                .is_some_and(|rest| SUFFIXES.contains(&rest))
        })
    })
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

/// F6: an endless stream of a program whose server is built in the scanned files with no
/// lifetime limit in its options, no bound of the handler's own, nor a lifetime/idle word in
/// the handler's code.
pub(crate) fn check_stream_lifetime(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    out: &mut Vec<RawFinding>,
) {
    // A client-streaming RPC is driven by the client: the server pushes nothing that could go
    // on without end (its length is the client's, and F1 covers the token it carries).
    if ctx.handler.kind == crate::lang::StreamKind::Client
        || ctx.program.facts.lifetime_limit.is_some()
        || ctx.program.facts.streamguard
        || !ctx.program.server_known()
        || !facts.endless
        || facts.bound.is_some()
        || ctx.any_text(|t| mentions(t, crate::rules::LIFETIME_WORDS) || ends_after_a_while(t))
        || ends_at_token_expiry(ctx)
        || interceptor_bounds_streams(ctx)
    {
        return;
    }
    out.push(stream_lifetime_finding(ctx));
}

/// Timers and waits that end a stream at a time they are given.
const TIMERS: &[&str] = &[
    "sleep_until",
    "timeout_at",
    "sleep",
    "WithDeadline",
    "WithDeadlineCause",
    "setTimeout",
    "Timer",
    "call_later",
    "call_at",
    "AfterFunc",
    "NewTimer",
];

/// The handler (or a helper or wrapper of it) races the stream against the token's expiry
/// (`tokio::time::sleep_until(expires)` with `expires` computed from `staff.exp`): the server
/// ends the stream at `exp`, a bound on its life.
fn ends_at_token_expiry(ctx: &HandlerCtx<'_>) -> bool {
    ctx.calls()
        .any(|(f, c)| TIMERS.contains(&c.name.as_str()) && crate::rules::waits_until_expiry(f, c))
}

/// The program's auth interceptor gives every stream it admits a lifetime or a deadline at the
/// token's expiry (`context.WithTimeoutCause(ctx, gd.MaxLifetime, …)`,
/// `context.WithDeadlineCause(ss.Context(), claims.ExpiresAt.Time, …)`).
fn interceptor_bounds_streams(ctx: &HandlerCtx<'_>) -> bool {
    let Some(i) = ctx.auth_interceptor() else {
        return false;
    };
    let file = &ctx.project.files[i.file];
    mentions(
        &ctx.text_with_helpers(i.file, &i.span),
        crate::rules::LIFETIME_WORDS,
    ) || file
        .calls_in(&i.span)
        .iter()
        .any(|c| TIMERS.contains(&c.name.as_str()) && crate::rules::waits_until_expiry(file, c))
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
