//! Rules for tonic handlers.

mod f1_auth_drift;
mod f2_per_message_authz;
pub(crate) mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

pub(crate) use super::common::first_arg;
use super::common::{Bound, Facts, auth_at_open, family_rules, message_loops, per_message};
use super::lifetime::{ends_with_the_work, names_a_feed};
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, ParsedFile, Span};

family_rules!(facts);

/// The message loops are loops over the incoming messages
/// (`while let Some(m) = stream.message().await?`, or a `loop` that awaits `inbound.message()`
/// in a `select!`).
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let inbound = inbound_names(ctx);
    let reads_inbound = |text: &str| {
        inbound.iter().any(|v| {
            [".message()", ".next()", ".try_next()"]
                .iter()
                .any(|m| text.contains(&format!("{v}{m}")))
        })
    };
    let loops = if ctx.handler.kind.reads() {
        message_loops(ctx, |file, role, l| {
            let h = file.src(&l.header);
            [".message()", ".next()", ".try_next()"]
                .iter()
                .any(|m| h.contains(m))
                || (role == Role::Own && reads_inbound(file.src(&l.body)))
        })
    } else {
        Vec::new()
    };
    let auth_open = auth_at_open(ctx, |f, b| per_message(&loops, f, b), is_auth);
    let own = ctx.own_text();
    // What the handler runs: its own body (with the macro bodies it builds its stream from)
    // and the helpers it spawns as tasks (`tokio::spawn(forward_job_lines(lines, job_id, tx))`).
    let mut runs: Vec<(&ParsedFile, Span)> = vec![(ctx.file, ctx.func.span.clone())];
    for c in ctx.own_calls().iter().filter(|c| c.name == "spawn") {
        if let Some(inner) = ctx.file.calls_in(&c.args).first() {
            runs.extend(
                ctx.helpers_of(ctx.body_file(), inner)
                    .into_iter()
                    .map(|(hf, span)| (&ctx.project.files[hf], span)),
            );
        }
    }
    // A feed: a timer, a subscription or a watch (`interval(…)`, `subscribe_logs()`,
    // `BroadcastStream`, `rx.changed()`).
    let feed = runs.iter().any(|(f, span)| {
        f.calls_in(span).iter().any(|c| {
            // A subscription to revocations or shutdown ends the stream; it does not feed it.
            if mentions(&c.callee, &["revok", "revoc", "shutdown", "cancel"]) {
                return false;
            }
            let n = c.name.to_ascii_lowercase();
            ["interval", "interval_at", "repeat", "changed"].contains(&n.as_str())
                || n.starts_with("subscribe")
                || n.starts_with("watch")
                || ["IntervalStream", "BroadcastStream", "WatchStream"]
                    .iter()
                    .any(|w| c.callee.contains(w))
        })
    }) || own.contains("broadcast::");
    // A loop that runs until something stops it: `loop {…}` that is not the message loop, does
    // not drain a finite source and does not end with the work it reports on.
    let infinite = runs.iter().any(|(f, span)| {
        f.loops_in(span).any(|l| {
            let text = f.src(&l.span);
            text.trim_start().starts_with("loop")
                && !reads_inbound(f.src(&l.body))
                && !drains(f.src(&l.body))
                && !ends_with_the_work(text)
        })
    });
    // `while let Some(x) = upstream.next().await`: a relay of a downstream stream, endless when
    // that stream is a feed.
    let relays: Vec<&str> = runs
        .iter()
        .flat_map(|(f, span)| f.loops_in(span).map(move |l| (f, l)))
        .filter(|(f, l)| {
            f.src(&l.span).trim_start().starts_with("while") && !reads_inbound(f.src(&l.header))
        })
        .map(|(f, l)| f.src(&l.header))
        .collect();
    // A client-driven stream lasts while something keeps reading it: a loop, a combinator, or
    // a task it is moved into; one read of a handshake message is not that.
    let keeps_reading = !loops.is_empty()
        || !relays.is_empty()
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
    // A relay of a downstream stream that is not a feed ends with it: finite, like a list.
    let relay_feed = relays.iter().any(|h| names_a_feed(h));
    let long_lived = (ctx.handler.kind.reads() && keeps_reading) || feed || infinite || relay_feed;
    let endless = feed || infinite || relay_feed;
    let long_lived = long_lived && !super::common::bounded_upload(ctx, &loops);
    Facts {
        loops,
        auth_open,
        long_lived,
        endless,
        bound: bound(ctx),
    }
}

/// The names the handler gives its incoming stream: the parameter, and what
/// `request.into_inner()` is bound to.
fn inbound_names(ctx: &HandlerCtx<'_>) -> Vec<String> {
    let stream = ctx.handler.stream.as_str();
    let mut names: Vec<String> = ctx
        .file
        .bindings
        .iter()
        .filter(|b| ctx.func.span.contains(&b.value.start))
        .filter(|b| {
            let v = ctx.file.src(&b.value);
            v.contains("into_inner()") && crate::syntax::has_word(v, stream)
        })
        .map(|b| b.name.clone())
        .collect();
    names.push(stream.to_string());
    names
}

/// A loop body that reads a finite source to its end: `let n = stdout.read(&mut buf).await?;
/// if n == 0 { break }`, `Ok(0) => break`.
fn drains(body: &str) -> bool {
    (body.contains(".read(") || body.contains(".read_buf(") || body.contains(".read_line("))
        && (body.contains("== 0") || body.contains("Ok(0)"))
        && body.contains("break")
}

/// The lifetime the handler gives its own stream: a deadline fixed when the stream opens that
/// every wait races (`let ends_at = Instant::now() + self.max_session;` …
/// `timeout_at(ends_at, …)`), or a timeout around the work that reads or feeds the stream
/// (`tokio::time::timeout(UPLOAD_WINDOW, collect)` with `let collect = async {…}`). A deadline
/// at the token's expiry is an expiry check (F1), not a lifetime.
fn bound(ctx: &HandlerCtx<'_>) -> Option<Bound> {
    let file = ctx.file;
    ctx.own_calls().iter().find_map(|c| {
        let args = file.src(&c.args);
        match c.name.as_str() {
            "timeout_at" | "sleep_until" => {
                let at = first_arg(args);
                let value = file.local_binding(at, c.span.start)?;
                let value = file.src(&value.value);
                let (_, added) = value.split_once("now()")?;
                let added = added.trim_start().strip_prefix('+')?.trim();
                (!crate::rules::mentions_expiry_or_revocation(added)).then(|| Bound {
                    secs: fixed_duration(file, ctx.own_text(), added)
                        .and_then(|d| crate::rules::recheck::duration_secs(&d, 1.0)),
                })
            }
            "timeout" if c.callee.ends_with("time::timeout") || c.callee == "timeout" => {
                let work = crate::rules::common::nth_arg(args, 1);
                let own_work = work.starts_with("async")
                    || file
                        .local_binding(work, c.span.start)
                        .is_some_and(|b| file.src(&b.value).trim_start().starts_with("async"));
                own_work.then(|| Bound {
                    secs: fixed_duration(file, ctx.own_text(), first_arg(args))
                        .and_then(|d| crate::rules::recheck::duration_secs(&d, 1.0)),
                })
            }
            // `stream.take_until(tokio::time::sleep(MAX_WATCH))`: the outgoing stream ends
            // after a fixed time.
            "take_until" => {
                let at = first_arg(args);
                let (_, after) = at.split_once("sleep(")?;
                let d = crate::rules::common::first_arg(&format!("({after}")).to_string();
                (!crate::rules::mentions_expiry_or_revocation(&d)).then(|| Bound {
                    secs: fixed_duration(file, ctx.own_text(), &d)
                        .and_then(|d| crate::rules::recheck::duration_secs(&d, 1.0)),
                })
            }
            _ => None,
        }
    })
}

/// A call that goes to another service: a tonic client's method, an HTTP request's `send()`,
/// or a program function that makes one (`venue.submit(…)` calling `self.inner.submit_order`).
pub(crate) fn downstream_call(ctx: &HandlerCtx<'_>, fi: usize, c: &Call) -> bool {
    use f3_deadline_propagation::{is_http_send, is_tonic_client};
    is_tonic_client(ctx, fi, c)
        || is_http_send(c)
        || ctx.helpers_of(fi, c).iter().any(|(hf, span)| {
            ctx.project.files[*hf]
                .calls_in(span)
                .iter()
                .any(|k| is_tonic_client(ctx, *hf, k) || is_http_send(k))
        })
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
                && [
                    "Claims",
                    "Identity",
                    "Principal",
                    "Auth",
                    "Key",
                    "Token",
                    "Caller",
                ]
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
        && !callers_timeout_or(expr)
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

/// A fixed duration only as the fallback of a timeout read from the request
/// (`incoming_timeout(&request).unwrap_or(Duration::from_secs(10))`): the caller's deadline
/// whenever it sent one, so not a fixed timeout.
fn callers_timeout_or(expr: &str) -> bool {
    let Some((read, _)) = expr
        .split_once(".unwrap_or(")
        .or_else(|| expr.split_once(".unwrap_or_else("))
    else {
        return false;
    };
    read.contains('(') && mentions(read, &["timeout"]) && mentions(read, &["req"])
}
