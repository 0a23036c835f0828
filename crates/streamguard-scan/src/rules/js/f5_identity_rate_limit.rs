use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::common::in_message_loop;
use crate::rules::rate_limits::{
    check_peer_keyed_limit, is_limiter_type, is_window_limiter, limiter_per_stream,
};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-js rate limits kept per stream: a map keyed by the call object, a message
    /// counter local to the handler, or a limiter created inside the handler.
    ///
    /// ## Why is this bad?
    /// Reconnecting gives a fresh stream and so a fresh budget: an agent that hits the limit
    /// just opens a new stream. Limits must follow the identity across streams and servers.
    ///
    /// ## Example
    /// ```js
    /// const streamMessageCount = new Map(); // keyed by the stream object
    /// call.on('data', () => {
    ///   const n = (streamMessageCount.get(call) || 0) + 1;
    ///   streamMessageCount.set(call, n);
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// const identityMessageCount = new Map(); // keyed by the token's subject
    /// call.on('data', () => {
    ///   const key = claims.sub + ':' + Math.floor(Date.now() / 60000);
    ///   identityMessageCount.set(key, (identityMessageCount.get(key) || 0) + 1);
    /// });
    /// ```
    pub(crate) struct IdentityRateLimit;
}

const RATE_WORDS: &[&str] = &[
    "count",
    "rate",
    "limit",
    "quota",
    "bucket",
    "budget",
    "throttle",
    "msg",
    "message",
    "tokens",
    "allowance",
];
const LIMITERS: &[&str] = &[
    "RateLimiter",
    "RateLimiterMemory",
    "TokenBucket",
    "Bottleneck",
    "LeakyBucket",
    "Limiter",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let stream = ctx.handler.stream.as_str();
    for (file, c) in ctx.calls() {
        let args = file.src(&c.args).trim_start_matches('(').trim_start();
        let keyed_by_stream = args
            .strip_prefix(stream)
            .is_some_and(|rest| rest.trim_start().starts_with([',', ')']));
        if keyed_by_stream
            && ["get", "set", "has", "consume", "increment"].contains(&c.name.as_str())
            && mentions(c.receiver(), RATE_WORDS)
        {
            let message = format!(
                "rate-limit state `{}` is keyed by the stream object `{stream}`: reconnecting starts a fresh budget; key it by the token's identity",
                c.receiver()
            );
            out.push(ctx.finding(FindingId::F5, file, c.span.start, Confidence::High, message));
            return true;
        }
    }
    if check_peer_keyed_limit(ctx, out) {
        return true;
    }
    let own = ctx.own_text();
    if let Some(c) = ctx
        .own_calls()
        .iter()
        .find(|c| is_limiter(&c.name) || is_window_limiter(&c.name, own))
    {
        out.push(limiter_per_stream(ctx, c, "share one keyed by identity"));
        return true;
    }
    if let Some(f) = local_limit_state(ctx, facts) {
        out.push(f);
        return true;
    }
    // `const window = { started: Date.now(), count: 0 }` in the handler, `window.count += 1`
    // and `window.count > N` in the message loop: the same counter, in an object.
    if let Some((byte, name)) = local_object_counter(ctx, facts, own)
        && limited_text(own)
    {
        let message = format!(
            "message counter `{name}` lives in the stream handler: the limit resets on every reconnect; count per identity instead"
        );
        out.push(ctx.finding(FindingId::F5, ctx.file, byte, Confidence::Medium, message));
        return true;
    }
    // `let count = 0` in the handler, `count++` and `count > N` in the message loop.
    let limited = limited_text(own);
    for (i, _) in own.match_indices("let ") {
        let rest = &own[i + 4..];
        let name: String = rest
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect();
        if name.is_empty() || !rest[name.len()..].trim_start().starts_with("= 0") {
            continue;
        }
        let byte = ctx.func.span.start + i;
        if in_message_loop(&facts.loops, ctx.file, byte) {
            continue;
        }
        let counted = facts.loops.iter().any(|l| {
            let t = l.file.src(&l.region);
            (t.contains(&format!("{name}++"))
                || t.contains(&format!("{name} += 1"))
                || t.contains(&format!("++{name}")))
                && (t.contains(&format!("{name} >")) || t.contains(&format!("{name} >=")))
        });
        // A counter the loop also resets (`if (m !== minute) { minute = m; inMinute = 0 }`) is
        // a rate window, whatever the limit is called.
        let window = facts
            .loops
            .iter()
            .any(|l| crate::rules::common::resets(l.file.src(&l.region), &name));
        if counted
            && (limited || window)
            && !crate::rules::common::counts_upload_total(ctx, &facts.loops, &name)
        {
            let message = format!(
                "message counter `{name}` lives in the stream handler: the limit resets on every reconnect; count per identity instead"
            );
            out.push(ctx.finding(FindingId::F5, ctx.file, byte, Confidence::Medium, message));
            return true;
        }
    }
    true
}

/// A limiter type by its name: `RateLimiter`, `OrderThrottle`, `TokenBucket`.
fn is_limiter(name: &str) -> bool {
    LIMITERS.contains(&name) || is_limiter_type(name)
}

/// Limit state kept in an object local to the handler (`const bucket = { tokens: 5, ts: … }`)
/// and handed to a limiting call in the message loop (`takeToken(bucket, 2, 5)`).
fn local_limit_state(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Option<RawFinding> {
    let own = ctx.own_text();
    for kw in ["const ", "let ", "var "] {
        for (i, _) in own.match_indices(kw) {
            let rest = &own[i + kw.len()..];
            let name: String = rest
                .chars()
                .take_while(|&c| crate::syntax::is_ident_char(c))
                .collect();
            let value = rest[name.len()..].trim_start();
            let Some(obj) = value.strip_prefix('=').map(str::trim_start) else {
                continue;
            };
            let literal = obj.split('}').next().unwrap_or("");
            if name.is_empty() || !obj.starts_with('{') || !mentions(literal, RATE_WORDS) {
                continue;
            }
            let used = facts.loops.iter().any(|l| {
                l.file.calls_in(&l.region).iter().any(|c| {
                    crate::syntax::has_word(l.file.src(&c.args), &name)
                        && mentions(
                            &c.name,
                            &["take", "consume", "allow", "limit", "acquire", "spend"],
                        )
                })
            });
            if used {
                let message = format!(
                    "rate-limit state `{name}` is an object local to the stream handler: every new stream starts a fresh budget; keep it per identity"
                );
                return Some(ctx.finding(
                    FindingId::F5,
                    ctx.file,
                    ctx.func.span.start + i,
                    Confidence::Medium,
                    message,
                ));
            }
        }
    }
    None
}

/// Words of a handler that limits a rate.
const RATE_LIMIT_WORDS: &[&str] = &[
    "resource_exhausted",
    "rate",
    "limit",
    "quota",
    "budget",
    "throttl",
    "per_",
    "max_",
];

/// [`RATE_LIMIT_WORDS`], or a rate named in camel case (`config.messagesPerSecond`).
fn limited_text(own: &str) -> bool {
    mentions(own, RATE_LIMIT_WORDS)
        || mentions(own, &["persecond", "perminute", "perhour", "perwindow"])
}

/// A counter field of an object made in the handler (`const window = { started: …, count: 0 }`)
/// incremented and compared in a message loop (`window.count += 1`, `window.count > N`).
fn local_object_counter(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    own: &str,
) -> Option<(usize, String)> {
    for (i, _) in own.match_indices(" = {") {
        let head = &own[..i];
        let name: String = head
            .chars()
            .rev()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let declared = head[..head.len() - name.len()].trim_end();
        if name.is_empty() || !(declared.ends_with("const") || declared.ends_with("let")) {
            continue;
        }
        let byte = ctx.func.span.start + i;
        if in_message_loop(&facts.loops, ctx.file, byte) {
            continue;
        }
        let body = &own[i + 4..];
        let body = &body[..body.find('}').unwrap_or(body.len())];
        for field in body.split(',') {
            let Some((key, value)) = field.split_once(':') else {
                continue;
            };
            let key = key.trim();
            if value.trim() != "0"
                || key.is_empty()
                || !key.chars().all(crate::syntax::is_ident_char)
            {
                continue;
            }
            let counter = format!("{name}.{key}");
            let counted = facts.loops.iter().any(|l| {
                let t = l.file.src(&l.region);
                (t.contains(&format!("{counter} += 1"))
                    || t.contains(&format!("{counter}++"))
                    || t.contains(&format!("++{counter}")))
                    && t.contains(&format!("{counter} >"))
            });
            if counted {
                return Some((byte, counter));
            }
        }
    }
    None
}
