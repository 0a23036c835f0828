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
                    anchor: l.span.start,
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
        whole && !matches!(after, Some('.')) && matches!(before, Some('(' | ',' | ':' | '='))
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
            if in_message_loop(&facts.loops, f, l.span.start) {
                return Recheck::Promptly;
            }
            let timer = f
                .calls_in(&l.span)
                .iter()
                .chain(f.calls_in(&p.span))
                .find_map(|c| {
                    timers
                        .contains(&c.name.as_str())
                        .then(|| {
                            duration_secs(first_arg(f.src(&c.args)), plain_unit).map(|s| (s, c))
                        })
                        .flatten()
                });
            found = match timer {
                Some((secs, c)) => Recheck::Every {
                    secs,
                    what: format!("{}({})", c.callee, first_arg(f.src(&c.args))),
                },
                None => Recheck::Promptly,
            };
            if found == Recheck::Promptly {
                return found;
            }
        }
    }
    found
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
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' if depth > 0 => depth -= 1,
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

/// What to do about F6, in the handler's stack; `at` is where the server is built.
pub(crate) fn f6_fix(family: LanguageFamily, at: Option<&str>) -> String {
    let at = at.map(|a| format!(" (built at {a})")).unwrap_or_default();
    match family {
        LanguageFamily::Js => format!(
            "set `'grpc.max_connection_age_ms'` and `'grpc.max_connection_idle_ms'` in the `new grpc.Server({{…}})` options{at}, or end each stream with a timer"
        ),
        LanguageFamily::Go => format!(
            "pass `grpc.KeepaliveParams(keepalive.ServerParameters{{MaxConnectionAge: 30 * time.Minute, MaxConnectionIdle: 5 * time.Minute}})` to `grpc.NewServer`{at}"
        ),
        LanguageFamily::Python => format!(
            "pass `options=[(\"grpc.max_connection_age_ms\", 1_800_000), (\"grpc.max_connection_idle_ms\", 300_000)]` to `grpc.server(…)`{at}"
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
            let r = recheck(None);
            if too_slow(&r) {
                let fix = f1_fix(ctx.file.language.family());
                let how = match &r {
                    Recheck::Every { secs, what } => format!(
                        "the handler re-checks it only every {} (`{what}`)",
                        human_secs(*secs)
                    ),
                    _ => "nothing in the handler re-checks its expiry or revocation while the stream stays open".to_string(),
                };
                let message =
                    format!("token checked once per stream by the {interceptor}; {how}: {fix}");
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

/// F2: reports each message loop that acts on the message (`acts` holds for one of its calls)
/// when the stream was authorized once — at open, by an interceptor, or before the loop — and
/// the loop authorizes no message, or only the first one (a `hello`/`join` message, or behind
/// an `authorized` flag set once). `each` names what is received ("each incoming message").
pub(crate) fn check_per_message_authz(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    each: &str,
    acts: impl Fn(&Call) -> bool,
    out: &mut Vec<RawFinding>,
) {
    let once = authorized_once(ctx, facts);
    for l in &facts.loops {
        if !l.file.calls_in(&l.region).iter().any(&acts) {
            continue;
        }
        let message = match loop_authorization(ctx, l) {
            LoopAuthz::PerMessage => continue,
            LoopAuthz::FirstOnly(line) => format!(
                "{each} is acted on, but only the first message (or the one before a flag is set, line {line}) is authorized: later messages can name tools or resources the token does not cover; check every message"
            ),
            LoopAuthz::None => match &once {
                Some(how) => format!(
                    "{each} is acted on without an authorization check; the stream was only authorized once ({how}): check every message against the token's scopes"
                ),
                None => continue,
            },
        };
        out.push(ctx.finding(FindingId::F2, l.file, l.anchor, Confidence::High, message));
    }
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

fn loop_authorization(ctx: &HandlerCtx<'_>, l: &MessageLoop<'_>) -> LoopAuthz {
    let text = l.file.src(&l.region);
    let lower = text.to_ascii_lowercase();
    let mut first_only = None;
    for w in crate::rules::AUTHZ_WORDS {
        for (i, _) in lower.match_indices(w) {
            if in_once_branch(text, i) {
                first_only.get_or_insert(l.region.start + i);
            } else {
                return LoopAuthz::PerMessage;
            }
        }
    }
    // Helpers called from the loop count where they are called.
    for c in l.file.calls_in(&l.region) {
        let helper_authorizes = ctx.helpers_in(l.fi, &c.span).iter().any(|(hf, hspan)| {
            mentions(ctx.project.files[*hf].src(hspan), crate::rules::AUTHZ_WORDS)
        });
        if helper_authorizes {
            if in_once_branch(text, c.span.start - l.region.start) {
                first_only.get_or_insert(c.span.start);
            } else {
                return LoopAuthz::PerMessage;
            }
        }
    }
    match first_only {
        Some(byte) => LoopAuthz::FirstOnly(l.file.position(byte).0),
        None => LoopAuthz::None,
    }
}

/// How the stream was authorized once, if it was: the token check at open, the program's auth
/// interceptor, or an authorization call before the message loop.
fn authorized_once(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Option<String> {
    if let Some((file, verify, _)) = facts.auth_open {
        return Some(format!(
            "token checked at stream open, {}",
            ctx.place(file, verify.span.start)
        ));
    }
    if let Some(i) = &ctx.program.facts.auth_interceptor {
        return Some(format!("token checked by the {i}"));
    }
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.calls_in(&p.span)
            .iter()
            .find(|c| {
                !in_message_loop(&facts.loops, f, c.span.start)
                    && mentions(&c.name, crate::rules::AUTHZ_WORDS)
            })
            .map(|c| {
                format!(
                    "`{}` before the message loop, {}",
                    snippet(c),
                    ctx.place(f, c.span.start)
                )
            })
    })
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
        "{} can stay open indefinitely: nothing ends it and the server sets no connection age or idle limit; {fix}",
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
    if n.contains("authenticat") {
        return !downstream;
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

/// Whether `byte` of `text` sits in a branch taken once per stream: its nearest enclosing
/// `if` (on that line or up to three lines above) tests a first-message or already-authorized
/// flag (`if (!authorized)`, `if first:`, `if msg.type == 'hello'`, `if seq == 0`).
pub(crate) fn in_once_branch(text: &str, byte: usize) -> bool {
    let before = &text[..byte.min(text.len())];
    let start = before
        .rmatch_indices('\n')
        .nth(3)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let window = &before[start..];
    let Some(at) = window.rfind("if ").or_else(|| window.rfind("if(")) else {
        return false;
    };
    let cond = &window[at..];
    let cond = cond
        .split(['{', ':', '\n'])
        .next()
        .unwrap_or(cond)
        .to_ascii_lowercase();
    is_once_condition(&cond)
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
        assert!(in_once_branch(js, js.find("checkScope").unwrap()));
        let py = "for req in request_iterator:\n    if req.type == 'hello':\n        self.authorize(claims, req.resource)\n";
        assert!(in_once_branch(py, py.find("authorize").unwrap()));
        let per_message = "for {\n  m, err := stream.Recv()\n  if !claims.HasScope(m.Tool) {\n    continue\n  }\n}";
        assert!(!in_once_branch(
            per_message,
            per_message.find("HasScope").unwrap()
        ));
    }
}
