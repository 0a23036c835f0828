//! Rules for `@grpc/grpc-js` handlers in JavaScript, TypeScript and TSX.

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{Bound, Facts, MessageLoop, auth_at_open, per_message};
use super::lifetime::ends_with_the_work;
use super::mentions_expiry_or_revocation;
use super::recheck::resolved_duration;
use crate::analysis::{HandlerCtx, Role};
use crate::lang::StreamKind;
use crate::lang::js::{event_name, is_data_event};
use crate::syntax::{Call, ParsedFile};

super::common::family_rules!(facts);

/// The message loops are the `data` listeners, `for await (… of call)` loops, and pipelines
/// the call is read into (`pipeline(call, …)`, `streamToIt.source(call)`).
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let p = ctx.handler.stream.as_str();
    let on = format!("{p}.on");
    let mut loops = Vec::new();
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        for c in file.calls_in(&piece.span) {
            let ours = c.callee == on || (piece.role != Role::Own && c.name == "on");
            if ours && is_data_event(file.src(&c.args)) {
                loops.push(MessageLoop {
                    file,
                    fi: piece.file,
                    region: c.args.clone(),
                    anchor: c.span.start,
                });
            } else if piece.role == Role::Own
                && ["pipe", "pipeline", "source", "from"].contains(&c.name.as_str())
                && super::common::first_arg(file.src(&c.args)) == p
            {
                loops.push(MessageLoop {
                    file,
                    fi: piece.file,
                    region: c.span.clone(),
                    anchor: c.span.start,
                });
            }
        }
        for l in file.loops_in(&piece.span) {
            if file.src(&l.header).trim() == p {
                loops.push(MessageLoop {
                    file,
                    fi: piece.file,
                    region: l.span.clone(),
                    anchor: l.span.start,
                });
            }
        }
    }
    let auth_open = auth_at_open(ctx, |f, b| per_message(&loops, f, b), is_auth);
    // A feed: a timer, a subscription, or a listener on something other than the call (in the
    // handler or the helper objects it writes through).
    let lifecycle = |e: Option<&str>| {
        matches!(
            e,
            Some("error" | "end" | "close" | "cancelled" | "finish" | "data" | "status")
        )
    };
    let feeds: Vec<(&ParsedFile, &Call)> = ctx
        .calls()
        .filter(|(f, c)| {
            let r = c.receiver();
            let on_call = r == p || r.ends_with(".call") || r == "call";
            ["setInterval", "subscribe", "watch"].contains(&c.name.as_str())
                || (["on", "addListener", "once"].contains(&c.name.as_str())
                    && !on_call
                    && !lifecycle(event_name(f.src(&c.args))))
        })
        .collect();
    let unbounded_loop = ctx.file.loops_in(&ctx.func.span).any(|l| {
        let h = ctx.file.src(&l.header).trim();
        let whole = ctx.file.src(&l.span).trim_start();
        ((whole.starts_with("while") && !h.contains('<'))
            || h.starts_with("for(;;")
            || h.starts_with("for (;;")
            || whole.starts_with("do"))
            && !super::lifetime::pages_through(h)
    });
    // `for await (const x of upstream)`: a relay of a downstream stream, endless when it is a feed.
    let relays: Vec<&str> = ctx
        .file
        .loops_in(&ctx.func.span)
        .filter(|l| ctx.file.src(&l.span).starts_with("for await"))
        .map(|l| ctx.file.src(&l.header).trim())
        .filter(|h| *h != p && !h.is_empty())
        .collect();
    // `upstream.on('data', (p) => call.write(p))`: a relay of a downstream stream.
    let data_relays: Vec<&str> = ctx
        .own_calls()
        .iter()
        .filter(|c| c.name == "on" && c.receiver() != p && is_data_event(ctx.file.src(&c.args)))
        .map(|c| c.receiver())
        .collect();
    let relay_feed = relays.iter().chain(data_relays.iter()).any(|h| {
        let origin = ctx
            .file
            .binding(h, ctx.func.body.end)
            .map(|b| ctx.file.src(&b.value))
            .unwrap_or(h);
        super::lifetime::names_a_feed(origin)
    });
    // A helper object the handler hands the call to that writes to it from a loop of its own
    // (`new LogPump(store, call, …).run()` tailing a log until the work is done): the stream
    // lives as long as that loop, which may be long without being endless.
    let helper_loop = ctx.pieces.iter().any(|piece| {
        piece.role == Role::Helper && {
            let f = ctx.file_of(piece);
            f.loops_in(&piece.span).any(|l| {
                f.src(&l.span).trim_start().starts_with("while")
                    && !f.src(&l.header).contains('<')
                    && f.src(&l.body).contains(".write(")
            })
        }
    });
    // A relay of a downstream stream that is not a feed (a history page, an export, one job's
    // output) ends when the downstream one does: finite, like a list.
    // A loop that leaves when the job it follows is done (`if (job.state === "DONE") break`)
    // lasts as long as that job: one operation, like a relay of its progress.
    let follows_one_job = unbounded_loop && ends_with_the_work(ctx.own_text());
    let long_lived = helper_loop
        || (ctx.handler.kind.reads() && !loops.is_empty())
        || !feeds.is_empty()
        || (unbounded_loop && !follows_one_job)
        || relay_feed;
    // The server writes on its own: a feed whose callback writes, or an endless loop/relay.
    let pushes = feeds.iter().any(|(f, c)| {
        c.name == "setInterval"
            || f.src(&c.args).contains(".write(")
            || listener(ctx, f, c).contains(".write(")
            || ctx.handler.kind == StreamKind::Server
    });
    let endless = (pushes || (unbounded_loop && !ends_with_the_work(ctx.own_text())) || relay_feed)
        && !ends_with_its_job(ctx);
    let long_lived = long_lived && !super::common::bounded_upload(ctx, &loops);
    Facts {
        loops,
        auth_open,
        long_lived,
        endless,
        bound: ending_timer(ctx).or_else(|| ends_at_expiry(ctx)),
    }
}

/// The code a listener runs: `.on('x', (v) => {…})`'s callback, or the function a name it is
/// given is bound to (`const onChat = (chat) => call.write({ chat })`).
pub(crate) fn listener<'f>(ctx: &HandlerCtx<'_>, file: &'f ParsedFile, c: &Call) -> &'f str {
    let cb = super::common::nth_arg(file.src(&c.args), 1);
    if !cb.is_empty() && cb.chars().all(crate::syntax::is_ident_char) {
        if let Some(b) = file.local_binding(cb, c.span.start) {
            return file.src(&b.value);
        }
        if let Some((hf, span)) = ctx.helpers_of(ctx.body_file(), c).into_iter().next()
            && std::ptr::eq(&ctx.project.files[hf], file)
        {
            return file.src(&span);
        }
    }
    cb
}

/// Whether the handler ends its stream when the job it follows ends (not merely when a source
/// it relays ends, as a feed's `end` does): a listener on the job's final event that ends the call (`run.on('done', onDone)` with `onDone` calling
/// `call.end()`), or a relay whose callback ends the call on a final state
/// (`if (p.done) call.end()`). Such a stream is as long as the job, not endless.
fn ends_with_its_job(ctx: &HandlerCtx<'_>) -> bool {
    let p = ctx.handler.stream.as_str();
    let ends = |t: &str| t.contains(&format!("{p}.end(")) || t.contains(&format!("{p}.destroy("));
    let end = format!("{p}.end(");
    ctx.calls().any(|(f, c)| {
        let n = c.name.as_str();
        let listens = ["on", "once", "addListener"].contains(&n)
            || n.starts_with("subscribe")
            || n.starts_with("watch")
            || n.starts_with("listen");
        if !listens || c.receiver() == p {
            return false;
        }
        let cb = listener(ctx, f, c);
        let final_event = matches!(
            event_name(f.src(&c.args)),
            Some("done" | "finish" | "finished" | "complete" | "completed" | "exit")
        );
        (final_event && ends(cb))
            || (ends(cb) && ends_with_the_work(cb))
            || ends_on_a_named_event(cb, &end)
    })
}

/// A feed callback that ends the call, without an error, when the event it receives is a named
/// one (`if (ev.type === 'full_time' || ev.type === 'abandoned') { … call.end(); }`): the
/// stream follows the source to its last event.
fn ends_on_a_named_event(cb: &str, end: &str) -> bool {
    let lines: Vec<&str> = cb.lines().collect();
    lines.iter().enumerate().any(|(k, l)| {
        let t = l.trim_start();
        let test = (t.starts_with("if (") || t.starts_with("if("))
            && t.contains("===")
            && (t.contains("=== '") || t.contains("=== \"") || t.contains("=== `"));
        let about_an_error = crate::analysis::mentions(t, &["err", "code", "status."]);
        test && !about_an_error
            && lines[k..(k + 4).min(lines.len())]
                .iter()
                .any(|n| n.contains(end))
    })
}

/// The methods of a per-stream session class read for its timers and listeners.
const MAX_SESSION_METHODS: usize = 24;

/// The pieces of code followed for one stream's session: a bound on the work a file that hands
/// its call to hundreds of helpers, hop after hop, can cause.
const MAX_SESSION_SPANS: usize = 64;

/// The code that acts for this stream: the handler and its wrapper, and the helpers it hands
/// the call to, three hops deep (`this.openSession(call)` → `StationSession.open(call, feed)` →
/// `new StationSession(call, claims, feed)`, whose methods arm the expiry timer and the
/// revocation listener). The call is followed under the name each helper gives its parameter.
/// A helper module's own subscriptions, made without the call, are not about this stream.
pub(super) fn session_spans(ctx: &HandlerCtx<'_>) -> Vec<(usize, crate::syntax::Span)> {
    let mut spans: Vec<(usize, crate::syntax::Span)> = ctx
        .pieces
        .iter()
        .filter(|p| p.role != Role::Helper)
        .map(|p| (p.file, p.span.clone()))
        .collect();
    let mut next = vec![(
        ctx.body_file(),
        ctx.func.span.clone(),
        ctx.handler.stream.clone(),
    )];
    for _hop in 0..3 {
        let mut found: Vec<(usize, crate::syntax::Span, String)> = Vec::new();
        for (fi, span, stream) in &next {
            let f = &ctx.project.files[*fi];
            for c in f.calls_in(span) {
                let args = f.src(&c.args);
                let Some(k) = arg_index(args, stream) else {
                    continue;
                };
                // `new StationSession(call, claims)`: the methods of the session class are the
                // session's, however many it has.
                let session_class = f.src(&c.span).starts_with("new ").then(|| {
                    let view = ctx.project.view(ctx.handler.program);
                    view.methods_of(&c.name)
                        .into_iter()
                        .take(MAX_SESSION_METHODS)
                        .map(|(hf, hi)| (hf, ctx.project.files[hf].funcs[hi].span.clone()))
                        .collect::<Vec<_>>()
                });
                for (hf, hspan) in ctx
                    .helpers_of(*fi, c)
                    .into_iter()
                    .chain(session_class.into_iter().flatten())
                {
                    if spans.len() + found.len() >= MAX_SESSION_SPANS
                        || spans.iter().any(|(sf, ss)| *sf == hf && *ss == hspan)
                        || found.iter().any(|(sf, ss, _)| *sf == hf && *ss == hspan)
                    {
                        continue;
                    }
                    let h = &ctx.project.files[hf];
                    let name = h
                        .func_at(&hspan)
                        .and_then(|i| h.funcs[i].params.get(k))
                        .map(|p| p.name.clone())
                        .filter(|n| !n.is_empty() && n.chars().all(crate::syntax::is_ident_char))
                        .unwrap_or_else(|| stream.clone());
                    found.push((hf, hspan, name));
                }
            }
        }
        spans.extend(found.iter().map(|(f, s, _)| (*f, s.clone())));
        next = found;
    }
    spans
}

/// The position of the argument that is (or holds) `name` in a call's arguments
/// (`(a, call, b)` → 1, `({ call, claims })` → 0), when one does.
fn arg_index(args: &str, name: &str) -> Option<usize> {
    let inner = args.trim();
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let mut depth = 0i32;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, ch) in inner.char_indices() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .iter()
        .position(|p| p.trim() == name)
        .or_else(|| parts.iter().position(|p| crate::syntax::has_word(p, name)))
}

/// A timer the stream's session arms at the token's expiry (`setTimeout(() => this.end(…),
/// claims.exp * 1000 - Date.now())` in the session class the handler builds): the server ends
/// the stream at `exp`, a bound on its life (its length is the token's).
fn ends_at_expiry(ctx: &HandlerCtx<'_>) -> Option<Bound> {
    session_spans(ctx).iter().find_map(|(fi, span)| {
        let f = &ctx.project.files[*fi];
        f.calls_in(span)
            .iter()
            .any(|c| c.name == "setTimeout" && crate::rules::waits_until_expiry(f, c))
            .then_some(Bound { secs: None })
    })
}

/// A timer the handler arms to end its stream (`setTimeout(() => call.end(), MAX_LIFETIME_MS)`);
/// one armed at the token's expiry is an expiry check (F1), not a lifetime.
fn ending_timer(ctx: &HandlerCtx<'_>) -> Option<Bound> {
    ctx.calls().find_map(|(f, c)| {
        let a = f.src(&c.args);
        (c.name == "setTimeout"
            && (a.contains(".end(") || a.contains(".destroy(") || a.contains(".cancel("))
            && !mentions_expiry_or_revocation(a))
        .then(|| Bound {
            secs: resolved_duration(f, super::common::nth_arg(a, 1), 0.001),
        })
    })
}

/// A check of the caller's token: `jwt.verify(…)`, `verifyToken(…)`,
/// `call.metadata.get('authorization')`.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    super::common::is_token_check(file, c)
}
