//! Code shared by the rules of every language family: the per-family dispatch, the facts the
//! rules gather about a handler (its message loops, where it checks the token), argument
//! helpers and what counts as a token check. Findings whose logic is the same in every family
//! live beside it: `recheck` (F1), `message_authz` (F2), `rate_limits` (F5), `lifetime` (F6).

use crate::analysis::{Confidence, HandlerCtx, Role};
use crate::lang::LanguageFamily;
use crate::syntax::{Call, ParsedFile, Span};

use super::message_authz::in_once_branch;

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
    /// The handler ends the stream itself after a fixed time (`async with
    /// asyncio.timeout(MAX_WATCH_S)`, `timeout_at(opened + max_session, …)`).
    pub bound: Option<Bound>,
}

/// A lifetime the handler gives its own stream.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bound {
    /// Its length, when it is a constant.
    pub secs: Option<f64>,
}

impl Facts<'_> {
    /// Whether the stream lives long enough for its token to matter: long-lived, and not
    /// bounded by the handler to less than a slow re-check's period.
    pub fn outlives_a_recheck(&self) -> bool {
        self.long_lived
            && !self.bound.as_ref().is_some_and(|b| {
                b.secs
                    .is_some_and(|s| s < crate::rules::recheck::SLOW_RECHECK_SECS)
            })
    }
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
/// `principal`), at open or when it makes the check again: a condition on them authorizes.
pub(crate) fn identity_names(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Vec<String> {
    let Some((file, call, _)) = facts.auth_open else {
        return Vec::new();
    };
    // The same check made again (`const current = await resolveApiKey(call.metadata)` in the
    // message loop) binds the identity too.
    let again = format!("{}(", call.callee);
    let mut names: Vec<String> = file
        .bindings
        .iter()
        .filter(|b| {
            b.value.start <= call.span.start && call.span.end <= b.value.end
                || std::ptr::eq(file, ctx.file)
                    && ctx.func.span.contains(&b.value.start)
                    && file.src(&b.value).contains(&again)
        })
        .map(|b| b.name.clone())
        .filter(|n| n.len() > 1 || ctx.file.language.family() == LanguageFamily::Go)
        .collect();
    // What the handler derives from the identity before it reads messages
    // (`meters = set(claims.get("meters", []))`, `allowed := claims.Depots`) is the identity's
    // grant: a message tested against it is tested against the caller.
    let first_read = facts
        .loops
        .iter()
        .filter(|l| std::ptr::eq(l.file, ctx.file))
        .map(|l| l.region.start)
        .min()
        .unwrap_or(ctx.func.body.end);
    let derived: Vec<String> = ctx
        .file
        .bindings
        .iter()
        .filter(|b| {
            ctx.func.body.contains(&b.value.start)
                && b.value.start < first_read
                && ctx
                    .file
                    .loops_in(&ctx.func.body)
                    .all(|l| !l.span.contains(&b.value.start))
                && !names.contains(&b.name)
                && b.name.len() > 1
                && names
                    .iter()
                    .any(|n| crate::syntax::has_word(ctx.file.src(&b.value), n))
        })
        .map(|b| b.name.clone())
        .collect();
    names.extend(derived);
    names
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

/// Whether `byte` of `file` is inside one of `loops`.
pub(crate) fn in_message_loop(loops: &[MessageLoop<'_>], file: &ParsedFile, byte: usize) -> bool {
    loops
        .iter()
        .any(|l| std::ptr::eq(l.file, file) && l.region.contains(&byte))
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
        "macaroon",
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
    // A header named for a key, secret or ticket the caller presents (`x-terminal-key`,
    // `x-device-secret`, `x-session-ticket`): a credential too.
    let named_key = ['"', '\'', '`'].iter().any(|&q| {
        args.split(q).skip(1).step_by(2).any(|lit| {
            [
                "-key",
                "_key",
                "-secret",
                "_secret",
                "-token",
                "_token",
                "-ticket",
                "_ticket",
                "-jwt",
                "-credential",
                "-credentials",
                "-macaroon",
            ]
            .iter()
            .any(|suffix| lit.ends_with(suffix))
        })
    });
    reads && (quoted_credential || named_key) && !callee.to_ascii_lowercase().contains("env")
}

/// A bounded upload: a client-streaming handler (one response, no writes) whose message loop
/// ends the stream once the total it accumulates passes a fixed cap (`if len(buf) >
/// MAX_LANE_BYTES: context.abort(…)`, `if (++lots > MAX_CATALOG_LOTS) { session.end(…) }`).
/// Like a long unary call, it is one bounded operation, not a session an agent keeps open: its
/// token is not left to drift (F1), and its cap is a size, not a rate (F5). A counter reset in
/// the loop (`inWindow = 0`) is a rate window, not a total.
pub(crate) fn bounded_upload(ctx: &HandlerCtx<'_>, loops: &[MessageLoop<'_>]) -> bool {
    ctx.handler.kind == crate::lang::StreamKind::Client && upload_cap(loops).is_some()
}

/// An upload's cap on its total, for F5: a counter `name` that is the total capped (never
/// reset) is a size, not a rate window.
pub(crate) fn counts_upload_total(
    ctx: &HandlerCtx<'_>,
    loops: &[MessageLoop<'_>],
    name: &str,
) -> bool {
    bounded_upload(ctx, loops) && !loops.iter().any(|l| resets(l.file.src(&l.region), name))
}

/// Where a message loop ends the stream once its accumulated total passes a fixed cap.
fn upload_cap(loops: &[MessageLoop<'_>]) -> Option<usize> {
    loops.iter().find_map(|l| {
        let text = l.file.src(&l.region);
        let lines: Vec<&str> = text.lines().collect();
        lines
            .iter()
            .enumerate()
            .any(|(k, line)| {
                let Some((lhs, rhs)) = cap_comparison(line) else {
                    return false;
                };
                let ends = lines[k..]
                    .iter()
                    .take(3)
                    .any(|l| ENDS_THE_STREAM.iter().any(|w| l.contains(w)));
                let reset = crate::lang::identifiers(lhs).any(|v| v.len() > 1 && resets(text, v));
                // A budget named for the stream (`MAX_LINES_PER_STREAM`, "line budget for this
                // stream exhausted") is a limit kept per stream, not the size of one upload.
                let budget = lines[k..].iter().take(3).any(|l| {
                    crate::analysis::mentions(
                        l,
                        &[
                            "per_stream",
                            "perstream",
                            "per stream",
                            "this stream",
                            "quota",
                        ],
                    )
                });
                ends && is_cap(rhs) && !reset && !budget
            })
            .then_some(l.region.start)
    })
}

/// Whether `text` sets `v` back to zero: `v = 0`, `v := 0`, `start, v = now, 0`.
pub(crate) fn resets(text: &str, v: &str) -> bool {
    text.lines().any(|line| {
        let Some(eq) = line.find('=') else {
            return false;
        };
        let (lhs, rhs) = line.split_at(eq);
        if rhs.starts_with("==") || lhs.ends_with(['!', '<', '>', '=']) {
            return false;
        }
        let rhs = rhs.trim_start_matches('=');
        let lhs = lhs.trim_end_matches(':');
        let names: Vec<&str> = crate::lang::identifiers(lhs).collect();
        let Some(k) = names.iter().position(|n| *n == v) else {
            return false;
        };
        let values: Vec<&str> = rhs
            .split(',')
            .map(|x| x.trim().trim_end_matches(';'))
            .collect();
        values.get(k).or(values.first()).is_some_and(|x| *x == "0")
    })
}

/// What ends a stream with an error status in each stack.
const ENDS_THE_STREAM: &[&str] = &[
    "abort(",
    "destroy(",
    ".end(",
    "Err(",
    "Status::",
    "status.Error",
    "status.Errorf",
    "StatusCode.",
    "raise ",
    "RESOURCE_EXHAUSTED",
    "ResourceExhausted",
    "code: grpc.status",
    "callback({",
];

/// `a > b` / `a >= b` in a condition: its two sides (not `=>` or `->`).
fn cap_comparison(line: &str) -> Option<(&str, &str)> {
    let cond = line.trim_start();
    let cond = ["if ", "if(", "if (", "} else if "]
        .iter()
        .find_map(|p| cond.strip_prefix(p))?;
    let i = cond.find(" > ").or_else(|| cond.find(" >= "))?;
    let (lhs, rhs) = cond.split_at(i);
    let rhs = rhs.trim_start_matches([' ', '>', '=']);
    Some((lhs, rhs))
}

/// A fixed cap: a constant named for a maximum or limit (`MAX_SCAN_BYTES`, `maxChunks`,
/// `self.max_bytes`), or a literal size (`32 * 1024 * 1024`).
fn is_cap(rhs: &str) -> bool {
    let first: String = rhs
        .trim_start_matches(['(', ' '])
        .chars()
        .take_while(|c| crate::syntax::is_ident_char(*c) || ['.', '*', ' '].contains(c))
        .collect();
    let name = first.trim().rsplit('.').next().unwrap_or("").trim();
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("max") || lower.contains("limit") || lower.ends_with("cap"))
        || first.contains("1024")
        || name.len() > 2
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
            && name.chars().any(|c| c.is_ascii_uppercase())
}
