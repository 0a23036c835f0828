//! Rules for tonic handlers.

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

pub(crate) use super::common::first_arg;
use super::common::{Facts, auth_at_open, family_rules, message_loops, per_message};
use super::lifetime::FEED_WORDS;
use crate::analysis::{HandlerCtx, mentions};
use crate::syntax::{Call, ParsedFile};

family_rules!(facts);

/// The message loops are loops over the incoming messages
/// (`while let Some(m) = stream.message().await?`).
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let loops = if ctx.handler.kind.reads() {
        message_loops(ctx, |file, _, l| {
            let h = file.src(&l.header);
            [".message()", ".next()", ".try_next()"]
                .iter()
                .any(|m| h.contains(m))
        })
    } else {
        Vec::new()
    };
    let auth_open = auth_at_open(ctx, |f, b| per_message(&loops, f, b), is_auth);
    let own = ctx.own_text();
    // Client-driven streams last as long as the client sends; a server stream lasts as long as
    // an unbounded loop (also inside `stream!{…}` macros), a feed, or a relayed downstream
    // stream keeps it going. A `for` over a collection is finite.
    let feed = [
        "interval(",
        "IntervalStream",
        ".subscribe()",
        "BroadcastStream",
        "WatchStream",
        "repeat(",
        "broadcast::",
        ".changed()",
    ]
    .iter()
    .any(|w| own.contains(w));
    let infinite = own.contains("loop {")
        || ctx
            .file
            .loops_in(&ctx.func.span)
            .any(|l| ctx.file.src(&l.span).trim_start().starts_with("loop"));
    let relays = own.contains("while ");
    // A client-driven stream lasts while something keeps reading it: a loop, a combinator, or
    // a task it is moved into; one read of a handshake message is not that.
    let keeps_reading = !loops.is_empty()
        || relays
        || infinite
        || [
            ".map(",
            "for_each",
            "filter_map",
            "spawn(",
            "stream!",
            "try_stream!",
            "Box::pin(",
        ]
        .iter()
        .any(|w| own.contains(w));
    let long_lived = (ctx.handler.kind.reads() && keeps_reading) || feed || infinite || relays;
    // The server pushes on its own without end: a feed or an infinite loop; a `while let` relay
    // of a downstream stream is endless only when that stream is a feed.
    let relay_feed = relays
        && own
            .split("while ")
            .skip(1)
            .any(|w| mentions(w.split('{').next().unwrap_or(""), FEED_WORDS));
    let endless = feed || infinite || relay_feed;
    Facts {
        loops,
        auth_open,
        long_lived,
        endless,
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
        return super::common::is_token_check(file, c)
            || (c.callee.contains("extensions()")
                && ["Claims", "Identity", "Principal", "Auth"]
                    .iter()
                    .any(|w| c.callee.contains(w)));
    }
    super::common::is_token_check(file, c)
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
