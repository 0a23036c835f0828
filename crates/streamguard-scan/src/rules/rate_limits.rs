//! F5, shared by every family: rate-limit state that lives per stream or per connection
//! instead of per identity.

use streamguard_report::FindingId;

use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::local_counter;
use crate::syntax::Call;

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

/// A limiter type by its name: `RateLimiter`, `OrderThrottle`, `TokenBucket`.
pub(crate) fn is_limiter_type(name: &str) -> bool {
    ["Limiter", "Throttle", "Bucket", "RateLimit"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// Refusals of a rate limit: a handler that sends one of these limits something.
const RATE_REFUSALS: &[&str] = &[
    "resource_exhausted",
    "resourceexhausted",
    "rate_limit",
    "ratelimit",
    "rate limit",
    "rate-limit",
    "rate_limited",
];

/// A limiter the handler constructs by a window's name (`new SlidingWindow(max, 60_000)`,
/// `RateWindow(…)`) in a handler that refuses with a rate-limit error: a window object made
/// per stream is a budget that resets with the stream.
pub(crate) fn is_window_limiter(name: &str, handler_text: &str) -> bool {
    name.ends_with("Window") && mentions(handler_text, RATE_REFUSALS)
}

/// A sliding window of timestamps local to the handler: a collection made in it
/// (`recent = collections.deque()`, `let hits = []`), appended to and measured against a cap
/// in a message loop (`len(recent) >= limit` / `hits.length >= max`), in a handler that refuses
/// with a rate-limit error. Returns its byte offset in `text` and its name.
pub(crate) fn local_window(text: &str, loop_texts: &[&str]) -> Option<(usize, String)> {
    if !mentions(text, RATE_REFUSALS) {
        return None;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let Some((left, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        if !(value.starts_with("collections.deque(")
            || value.starts_with("deque(")
            || value.starts_with("[]")
            || value.starts_with("new Array("))
        {
            continue;
        }
        let left = left.split(':').next().unwrap_or(left);
        let name = left
            .trim()
            .rsplit(|c: char| !crate::syntax::is_ident_char(c))
            .next()
            .unwrap_or("");
        if name.is_empty() {
            continue;
        }
        let windowed = loop_texts.iter().any(|l| {
            let grows = [format!("{name}.append("), format!("{name}.push(")]
                .iter()
                .any(|p| l.contains(p.as_str()));
            let capped = [format!("len({name}) >"), format!("{name}.length >")]
                .iter()
                .any(|p| l.contains(p.as_str()));
            grows && capped
        });
        if windowed {
            return Some((at + line.len() - line.trim_start().len(), name.to_string()));
        }
    }
    None
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
        let keyed = ctx.helpers_of(ctx.body_file(), c).iter().any(|(hf, hs)| {
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

/// Expressions that read the connection's address: the peer's `ip:port`, which changes on
/// every reconnect.
const PEER_ADDRESS: &[&str] = &[
    "getpeer()",
    "remote_addr()",
    "remoteaddr",
    "peer_addr()",
    "context.peer()",
    ".addr.string()",
    "peer.fromcontext",
];

/// F5: rate-limit state the handler itself keys by the connection's address: a name bound to
/// the peer's address (`const peer = call.getPeer()`, `let peer = request.remote_addr()`,
/// `addr = p.Addr.String()`) handed to a limiter (`limiter.tryAcquire(peer)`,
/// `self.quota.for_addr(peer)`) or to a counter of a capped handler
/// (`countByPeer.get(peer)` … `count > MAX_…`). A reconnect gets a new address and so a fresh
/// budget.
pub(crate) fn check_peer_keyed_limit(ctx: &HandlerCtx<'_>, out: &mut Vec<RawFinding>) -> bool {
    let own = ctx.own_text();
    let lower = own.to_ascii_lowercase();
    if !PEER_ADDRESS.iter().any(|p| lower.contains(p)) {
        return false;
    }
    // Names bound to the peer's address: `name = <expr reading it>` on one line.
    let peers: Vec<&str> = own
        .lines()
        .filter(|l| mentions(l, PEER_ADDRESS))
        .filter_map(assigned_name)
        .collect();
    // The cap may sit in a helper the handler calls (`spend(&mut b, n)?`).
    let with_helpers = ctx.text_with_helpers(ctx.body_file(), &ctx.func.span);
    let capped = mentions(
        &with_helpers,
        &["max_", "resource_exhausted", "resourceexhausted", "limit"],
    ) && mentions(
        &with_helpers,
        &[
            "count",
            "quota",
            "budget",
            "window",
            "per_minute",
            "per_second",
        ],
    );
    for c in ctx.own_calls() {
        let args = ctx.file.src(&c.args);
        // A call handed a callback (`call.on('data', (r) => { … overBudget(peer) … })`) is
        // judged by the calls inside it.
        if ["=>", "function", "async move", "move |", "lambda"]
            .iter()
            .any(|w| args.contains(w))
        {
            continue;
        }
        let keyed =
            peers.iter().any(|p| crate::syntax::has_word(args, p)) || mentions(args, PEER_ADDRESS);
        if !keyed {
            continue;
        }
        // `s.allow(addr)` whose code keeps a window or a count per key is a limiter too.
        // A refusal for volume right after it (`if !self.admit(addr) { return
        // Err(Status::resource_exhausted(…)) }`) says what the call decides.
        let at = c.span.start - ctx.func.span.start.min(c.span.start);
        let refuses_volume = own
            .get(at.min(own.len())..)
            .map(|rest| rest.lines().take(3).collect::<Vec<_>>().join("\n"))
            .is_some_and(|next| {
                mentions(
                    &next,
                    &[
                        "resource_exhausted",
                        "resourceexhausted",
                        "too many",
                        "flood",
                        "rate limit",
                    ],
                )
            });
        let limiter = mentions(
            &c.callee,
            &["limit", "bucket", "throttl", "quota", "acquire", "budget"],
        ) || refuses_volume
            || (["allow", "Allow", "take", "Take", "admit"].contains(&c.name.as_str())
                && ctx.helpers_of(ctx.body_file(), c).iter().any(|(hf, span)| {
                    mentions(
                        ctx.project.files[*hf].src(span),
                        &[
                            "window",
                            "per_second",
                            "per_minute",
                            "persecond",
                            "perminute",
                            "limit",
                            "burst",
                            "bucket",
                            "tokens",
                        ],
                    )
                })
                || receiver_made_as_limiter(ctx, c));
        let counter = capped
            && [
                "get",
                "set",
                "incr",
                "increment",
                "inc",
                "setdefault",
                "entry",
            ]
            .contains(&c.name.as_str())
            && mentions(
                c.receiver(),
                &[
                    "count", "peer", "addr", "conn", "by", "window", "hits", "budget", "quota",
                ],
            );
        if limiter || counter {
            let message = format!(
                "rate-limit state `{}` is keyed by the connection's address: a reconnect gets a new address and a fresh budget; key it by the token's identity",
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
    // Rate state indexed by the address (`self._limits[peer]`, `windows[addr]`).
    let mut line_start = 0;
    for raw_line in own.split_inclusive('\n') {
        let start = line_start;
        line_start += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let indexed = peers.iter().find_map(|p| {
            let key = format!("[{p}]");
            let at = line.find(&key)?;
            let obj = line[..at]
                .rsplit(|c: char| !(crate::syntax::is_ident_char(c) || c == '.'))
                .next()
                .unwrap_or("");
            mentions(
                obj,
                &[
                    "limit", "window", "bucket", "count", "budget", "quota", "rate", "hits",
                ],
            )
            .then_some(obj)
        });
        if let Some(obj) = indexed {
            let byte = ctx.func.span.start + start + (line.len() - line.trim_start().len());
            let message = format!(
                "rate-limit state `{obj}` is keyed by the connection's address: a reconnect gets a new address and a fresh budget; key it by the token's identity"
            );
            out.push(ctx.finding(
                FindingId::F5,
                ctx.file,
                byte.min(ctx.func.span.end),
                Confidence::Medium,
                message,
            ));
            return true;
        }
    }
    false
}

/// Whether a call's receiver was made as a limiter (`_per_peer = SlidingWindow(…)`,
/// `let limiter = RateLimiter::new(…)`): its type names one.
fn receiver_made_as_limiter(ctx: &HandlerCtx<'_>, c: &crate::syntax::Call) -> bool {
    let recv = c.receiver();
    let base = recv.rsplit('.').next().unwrap_or(recv);
    if base.is_empty() {
        return false;
    }
    let file = &ctx.project.files[ctx.body_file()];
    file.binding(base, c.span.start).is_some_and(|b| {
        let made = file.src(&b.value);
        let ctor = made.split('(').next().unwrap_or("");
        mentions(
            ctor,
            &["window", "limiter", "bucket", "throttle", "ratelimit"],
        )
    })
}

/// The name a line assigns: `const peer = …`, `let peer = …`, `addr := …`, `addr = …`.
fn assigned_name(line: &str) -> Option<&str> {
    let (left, _) = line.split_once('=')?;
    let left = left.trim_end().trim_end_matches(':');
    // A typed binding (`let peer: SocketAddr = …`, `peer: str = …`) names what precedes its type.
    let left = left.split_once(':').map_or(left, |(name, _)| name);
    let name = left
        .trim_end()
        .rsplit(|c: char| !crate::syntax::is_ident_char(c))
        .next()?;
    (!name.is_empty()).then_some(name)
}

/// F5: when the handler mentions one of `rate_words`, reports a message counter local to it
/// (see [`local_counter`]).
pub(crate) fn check_local_counter(
    ctx: &HandlerCtx<'_>,
    facts: &crate::rules::common::Facts<'_>,
    rate_words: &[&str],
    out: &mut Vec<RawFinding>,
) {
    if check_connection_keyed_limit(ctx, out) || check_peer_keyed_limit(ctx, out) {
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
    if let Some((at, name)) = local_window(own, &loops) {
        let message = format!(
            "rate window `{name}` lives in the stream handler: the limit resets on every reconnect; keep the window per identity instead"
        );
        out.push(ctx.finding(
            FindingId::F5,
            ctx.file,
            ctx.func.span.start + at,
            Confidence::Medium,
            message,
        ));
        return;
    }
    // An upload's cap on its total is a size, not a rate.
    if let Some((at, name)) = local_counter(own, &loops)
        .filter(|(_, name)| !crate::rules::common::counts_upload_total(ctx, &facts.loops, name))
    {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assigned_names_are_read_in_every_family() {
        assert_eq!(
            assigned_name("  const peer = call.getPeer();"),
            Some("peer")
        );
        assert_eq!(
            assigned_name("\tlet peer = request.remote_addr();"),
            Some("peer")
        );
        assert_eq!(assigned_name("\taddr := p.Addr.String()"), Some("addr"));
        assert_eq!(assigned_name("\t\taddr = p.Addr.String()"), Some("addr"));
        assert_eq!(assigned_name("    peer = context.peer()"), Some("peer"));
        assert_eq!(assigned_name("limiter.allow(call.getPeer())"), None);
        assert_eq!(
            assigned_name("        let peer: SocketAddr = request.remote_addr().unwrap();"),
            Some("peer")
        );
    }
}
