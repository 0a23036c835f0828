//! Rules for grpc-go handlers.

mod f1_auth_drift;
mod f2_per_message_authz;
pub(crate) mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{
    Bound, Facts, auth_at_open, family_rules, first_arg, message_loops, per_message, stream_escapes,
};
use super::lifetime::{ends_with_the_work, names_a_feed};
use super::recheck::resolved_duration;
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, Loop, ParsedFile, Span};

family_rules!(facts);

/// The message loops are the innermost `for { msg, err := stream.Recv() … }` loops.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let recv = format!("{}.Recv", ctx.handler.stream);
    // In a helper the stream has another name; a receiver named like a stream still says so.
    let helper_recv = |c: &Call| {
        let r = c
            .receiver()
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        c.name == "Recv" && (r.contains("stream") || r == ctx.handler.stream.to_ascii_lowercase())
    };
    let mut loops = message_loops(ctx, |file, role, l| {
        file.calls_in(&l.body)
            .iter()
            .any(|c| c.callee == recv || (role != Role::Own && helper_recv(c)))
    });
    // Only the innermost loop that receives is the message loop.
    let spans: Vec<Span> = loops.iter().map(|l| l.region.clone()).collect();
    loops.retain(|l| {
        !spans
            .iter()
            .any(|s| s != &l.region && l.region.start <= s.start && s.end <= l.region.end)
    });
    let auth_open = auth_at_open(ctx, |f, b| per_message(&loops, f, b), is_auth);
    let stream = ctx.handler.stream.as_str();
    let reads_long = !loops.is_empty() || stream_escapes(ctx.file.src(&ctx.func.body), stream);
    let own_loops: Vec<&Loop> = ctx
        .file
        .loops_in(&ctx.func.span)
        .filter(|l| unbounded(ctx.file, l))
        .collect();
    let fed = ctx
        .own_calls()
        .iter()
        .any(|c| ["NewTicker", "Tick", "Subscribe", "Watch"].contains(&c.name.as_str()));
    // A relay of one downstream job's progress ends with the job: finite, as in every stack.
    let unending = own_loops
        .iter()
        .any(|l| !relays_a_job(ctx.file, l, ctx.func.span.start));
    let long_lived = (ctx.handler.kind.reads() && reads_long) || unending || fed;
    let send = format!("{stream}.Send(");
    let recv = format!("{stream}.Recv(");
    // Writes the server makes on its own: a loop that sends without receiving, fed by a
    // channel, a ticker or an upstream feed (not the relay of a job's finite progress).
    let pushes = own_loops.iter().any(|l| {
        let body = ctx.file.src(&l.body);
        body.contains(&send)
            && !body.contains(&recv)
            && !relays_a_job(ctx.file, l, ctx.func.span.start)
            && !ends_with_the_work(body)
            && !leaves_after_sending(body, &send)
    });
    // A ticker or subscription that drives a loop which returns when the work is done (a log
    // tail of a finished build) is as long as the work.
    let work_done = !own_loops.is_empty()
        && own_loops
            .iter()
            .all(|l| ends_with_the_work(ctx.file.src(&l.body)));
    let fed = fed && !work_done;
    let endless = fed || pushes;
    let long_lived = long_lived && !super::common::bounded_upload(ctx, &loops);
    Facts {
        loops,
        auth_open,
        long_lived,
        endless,
        bound: bound(ctx),
    }
}

/// The lifetime the handler gives its own stream: a timer or a context deadline made when the
/// stream opens, outside its loops, that the handler then waits on (`lifetime :=
/// time.NewTimer(maxStreamAge)` … `case <-lifetime.C:`, `ctx, cancel :=
/// context.WithTimeout(stream.Context(), maxSession)` … `case <-ctx.Done():`). One at the
/// token's expiry bounds it by the token's lifetime (no constant length); one derived from a
/// fresh root context is F3's.
fn bound(ctx: &HandlerCtx<'_>) -> Option<Bound> {
    let file = ctx.file;
    let own = ctx.own_text();
    let loops: Vec<&Loop> = file.loops_in(&ctx.func.span).collect();
    file.bindings.iter().find_map(|b| {
        if !ctx.func.span.contains(&b.value.start)
            || loops.iter().any(|l| l.span.contains(&b.value.start))
        {
            return None;
        }
        let v = file.src(&b.value);
        let (maker, args) = v.split_once('(')?;
        let maker = maker.trim();
        let duration = match maker {
            "time.NewTimer" | "time.After" => first_arg(args),
            "context.WithTimeout"
            | "context.WithDeadline"
            | "context.WithTimeoutCause"
            | "context.WithDeadlineCause" => {
                let args = format!("({args}");
                if is_root_context(first_arg(&args)) {
                    return None;
                }
                // A deadline at the token's expiry ends the stream too: a lifetime whose length
                // the token's issuer sets (not a constant, so F1's slow re-checks still count).
                let at_expiry = crate::rules::mentions_expiry_or_revocation(v);
                return waits_on(own, &b.name, true).then(|| Bound {
                    secs: (!at_expiry)
                        .then(|| {
                            resolved_duration(file, crate::rules::common::nth_arg(&args, 1), 1.0)
                        })
                        .flatten(),
                });
            }
            _ => return None,
        };
        (!crate::rules::mentions_expiry_or_revocation(v) && waits_on(own, &b.name, false)).then(
            || Bound {
                secs: resolved_duration(file, duration.trim_end_matches(')'), 1.0),
            },
        )
    })
}

/// Whether the handler waits on a timer (`<-t.C`, `<-t`) or a context (`<-ctx.Done()`) named `name`.
fn waits_on(text: &str, name: &str, context: bool) -> bool {
    if context {
        text.contains(&format!("<-{name}.Done()"))
    } else {
        text.contains(&format!("<-{name}.C"))
            || text.contains(&format!("<-{name}\n"))
            || text.contains(&format!("<-{name}:"))
    }
}

/// Whether the `select` case that sends also leaves the loop for good (`break out`,
/// `return nil`) on a branch that is not an error or a shutdown: the last update of a job
/// (`if _, ok := u.(*ChanOpen); ok { break out }`). A plain `break` only leaves the `select`.
fn leaves_after_sending(body: &str, send: &str) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let lines: Vec<&str> = body.lines().collect();
    let Some(at) = lines.iter().position(|l| l.contains(send)) else {
        return false;
    };
    let send_indent = indent(lines[at]);
    // The `case` that holds the send, and where it ends.
    let Some(case_line) = lines[..at].iter().rposition(|l| {
        let t = l.trim_start();
        (t.starts_with("case ") || t.starts_with("default:")) && indent(l) < send_indent
    }) else {
        return false;
    };
    let case_indent = indent(lines[case_line]);
    let end = lines[at..]
        .iter()
        .position(|l| !l.trim().is_empty() && indent(l) <= case_indent)
        .map_or(lines.len(), |k| at + k);
    (at + 1..end).any(|k| {
        let t = lines[k].trim();
        let leaves = t == "return nil"
            || t.strip_prefix("break ").is_some_and(|label| {
                !label.is_empty() && label.chars().all(crate::syntax::is_ident_char)
            });
        if !leaves {
            return false;
        }
        // The branch that leaves: the nearest `if`/`case` above it, less indented.
        let guard = lines[case_line..k]
            .iter()
            .rev()
            .find(|l| {
                let g = l.trim_start();
                indent(l) < indent(lines[k]) && (g.starts_with("if ") || g.starts_with("case "))
            })
            .map_or("", |l| l.trim());
        !mentions(guard, &["err", "done()", "quit", "stop", "closed", "!ok"])
    })
}

/// A loop relaying a downstream stream whose call does not name a feed
/// (`progress := s.exec.RunWithProgress(ctx, req); for { p, err := progress.Recv() … }`).
fn relays_a_job(file: &ParsedFile, l: &Loop, before: usize) -> bool {
    let Some(c) = file.calls_in(&l.body).iter().find(|c| c.name == "Recv") else {
        return false;
    };
    let source = c.receiver();
    let origin = file
        .local_binding(source, before.max(l.span.start))
        .map(|b| file.src(&b.value))
        .unwrap_or(source);
    !names_a_feed(origin)
}

/// A loop that runs until something stops it: `for {`, `for !done {`, `for range ticker.C`,
/// `for u := range updates` over a channel. `for i := 0; i < n; i++` and a range over a slice
/// or map are finite.
pub(crate) fn unbounded(file: &ParsedFile, l: &Loop) -> bool {
    let header = file.src(&l.header).trim();
    let h = header.strip_prefix("for").unwrap_or(header).trim();
    if h.is_empty() {
        // `for { n, err := r.Read(buf); if err == io.EOF { break } … }` drains a finite source;
        // a loop receiving from a stream (the caller's, or a downstream one it relays) does not.
        let body = file.src(&l.body);
        // … unless it waits at the end for more (`if err == io.EOF { <-time.After(…); continue }`):
        // that follows the source like `tail -f`.
        let follows = body.contains("io.EOF")
            && body.contains("continue")
            && (body.contains("time.After(")
                || body.contains("time.Sleep(")
                || body.contains(".C:"));
        return !body.contains("io.EOF") || body.contains(".Recv(") || follows;
    }
    if let Some(i) = h.find("range") {
        let operand = h[i + "range".len()..].trim();
        return channel_like(file, operand, l.span.start);
    }
    if h.contains(';') {
        // `for init; cond; post`: finite unless the condition is empty.
        return h.split(';').nth(1).is_some_and(|c| c.trim().is_empty());
    }
    // `for sc.Scan()` reads lines until its source ends: as long as a feed when it reads one
    // (`bufio.NewScanner(events)` with `cmd, events, err := startLiveLadder(…)`).
    if let Some(scanner) = h.strip_suffix(".Scan()") {
        return scans_a_feed(file, scanner, l.span.start);
    }
    // `for sent < total` counts towards an end, `for rows.Next()` walks a cursor; `for !done`,
    // `for ctx.Err() == nil` wait.
    !(h.contains('<')
        || h.contains('>')
        || h.ends_with(".Next()")
        || super::lifetime::pages_through(h))
}

/// Whether the scanner `scanner` reads a source named like a feed: what it was made from, or
/// where that reader came from, mentions a watch, a follow, a live source…
fn scans_a_feed(file: &ParsedFile, scanner: &str, before: usize) -> bool {
    let Some(b) = file.local_binding(scanner, before) else {
        return false;
    };
    let made = file.src(&b.value);
    let source = first_arg(
        made.split_once('(')
            .map_or("", |(_, a)| a)
            .trim_end_matches(')'),
    );
    let origin = assigned_in(file, source, before).unwrap_or("");
    names_a_feed(made) || names_a_feed(origin)
}

/// The right side of the last assignment to `name` before `before`, also as one of several
/// names (`cmd, events, err := start(…)`).
fn assigned_in<'a>(file: &'a ParsedFile, name: &str, before: usize) -> Option<&'a str> {
    if name.is_empty() || !name.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    file.text.get(..before)?.lines().rev().find_map(|l| {
        let (lhs, rhs) = l.split_once(":=").or_else(|| l.split_once(" = "))?;
        lhs.split(',')
            .any(|v| v.trim() == name)
            .then_some(rhs.trim())
    })
}

/// A range operand that is a channel: a ticker's `.C`, a receive, a subscription, or a
/// variable made with `make(chan …)` / returned by a subscribe/watch call.
fn channel_like(file: &ParsedFile, operand: &str, before: usize) -> bool {
    const FEEDS: &[&str] = &[
        "subscribe",
        "watch",
        "updates",
        "events",
        "notify",
        "feed",
        "listen",
        "chan",
    ];
    if operand.ends_with(".C") || operand.starts_with("<-") || mentions(operand, FEEDS) {
        return true;
    }
    // A field named like a channel: `range c.out`, `range sub.ch`.
    if let Some((_, field)) = operand.rsplit_once('.')
        && !operand.contains('(')
    {
        let f = field.to_ascii_lowercase();
        const CHANNELS: &[&str] = &[
            "out", "in", "ch", "c", "msgs", "messages", "send", "queue", "inbox", "outbox", "sub",
            "events",
        ];
        if CHANNELS.contains(&f.as_str()) || f.ends_with("ch") || f.ends_with("chan") {
            return true;
        }
    }
    operand.chars().all(crate::syntax::is_ident_char)
        && file.local_binding(operand, before).is_some_and(|b| {
            mentions(
                file.src(&b.value),
                &["make(chan", "subscribe(", "watch(", "listen("],
            )
        })
}

/// A check of the caller's token: `jwt.Parse(…)`, `verifyToken(…)`, `md.Get("authorization")`,
/// or the `authorization` value handed to a function.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    // Metadata made for an outgoing call (`metadata.AppendToOutgoingContext(ctx,
    // "authorization", "Bearer "+r.token)`) sends a credential; it checks none.
    let outgoing =
        ["AppendToOutgoingContext", "NewOutgoingContext", "Pairs"].contains(&c.name.as_str());
    super::common::is_token_check(file, c)
        || !outgoing && mentions(file.src(&c.args), &["\"authorization\""])
}

/// `context.Background()` / `context.TODO()`: a context without the caller's deadline.
pub(crate) fn is_root_context(arg: &str) -> bool {
    matches!(arg.trim(), "context.Background()" | "context.TODO()")
}
