//! Rules for grpcio servicers (sync and `grpc.aio`).

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{
    Bound, Facts, auth_at_open, family_rules, first_arg, message_loops, per_message, stream_escapes,
};
use super::lifetime::{ends_with_the_work, names_a_feed};
use super::recheck::resolved_duration;
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, Loop, ParsedFile};

family_rules!(facts);

/// The message loops are `for request in request_iterator:` loops (`async for` too) and, for
/// `grpc.aio`, loops that `await context.read()`.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let p = ctx.handler.stream.as_str();
    let context = ctx
        .func
        .params
        .get(2)
        .map(|p| p.name.as_str())
        .unwrap_or("context");
    let read = format!("{context}.read");
    let loops = message_loops(ctx, |file, role, l| {
        let h = file.src(&l.header).trim();
        h == p
            || (role != Role::Own && h.contains("iterator"))
            || file.calls_in(&l.body).iter().any(|c| c.callee == read)
    });
    let auth_open = auth_at_open(ctx, |f, b| per_message(&loops, f, b), is_auth);
    let reads_long = !loops.is_empty() || stream_escapes(ctx.file.src(&ctx.func.body), p);
    // A relay of a downstream stream that is not a feed (one job's progress, an export) ends
    // with it: finite, like a list.
    let own_loops: Vec<&Loop> = ctx
        .file
        .loops_in(&ctx.func.span)
        .filter(|l| unbounded(ctx.file, l) || relay(ctx.file, l).is_some_and(names_a_feed))
        .collect();
    let fed = ctx
        .own_calls()
        .iter()
        .any(|c| ["subscribe", "listen", "watch"].contains(&c.name.as_str()));
    // A helper the handler hands its context to that writes to it from an endless loop of its
    // own (`MarketPublisher(context, …).run(…)`: `async for change in self._board.changes(…)`
    // … `await self._ctx.write(…)`): the stream lives as long as that loop.
    let helper_pump = ctx.pieces.iter().any(|piece| {
        piece.role == Role::Helper && {
            let f = ctx.file_of(piece);
            f.loops_in(&piece.span)
                .any(|l| unbounded(f, l) && f.src(&l.body).contains(".write("))
        }
    });
    let fed = fed || helper_pump;
    let long_lived = (ctx.handler.kind.reads() && reads_long) || !own_loops.is_empty() || fed;
    // The server writes on its own: an endless loop that does not read the requests, or a relay
    // of a downstream feed (a downstream job's progress ends with the job).
    let endless = fed
        || own_loops.iter().any(|l| match relay(ctx.file, l) {
            Some(origin) => names_a_feed(origin),
            None => {
                let text = ctx.file.src(&l.span);
                (!ctx.handler.kind.reads() || !text.contains(p)) && !ends_with_the_work(text)
            }
        });
    let long_lived = long_lived && !super::common::bounded_upload(ctx, &loops);
    Facts {
        loops,
        auth_open,
        long_lived,
        endless,
        bound: bound(ctx),
    }
}

/// The lifetime the handler gives its own stream: `async with asyncio.timeout(MAX_WATCH_S):`
/// (or `async_timeout.timeout`, anyio's `fail_after`/`move_on_after`) around its work.
fn bound(ctx: &HandlerCtx<'_>) -> Option<Bound> {
    let file = ctx.file;
    ctx.own_calls().iter().find_map(|c| {
        let scope = ["timeout", "fail_after", "move_on_after", "timeout_at"]
            .contains(&c.name.as_str())
            && !c.receiver().is_empty()
            && !mentions(c.receiver(), &["stub", "client", "session"]);
        let line = file.line_text(file.position(c.span.start).0);
        let with =
            line.trim_start().starts_with("with ") || line.trim_start().starts_with("async with ");
        let arg = first_arg(file.src(&c.args));
        (scope && with && !crate::rules::mentions_expiry_or_revocation(arg)).then(|| Bound {
            secs: resolved_duration(file, arg, 1.0),
        })
    })
}

/// A `for x in stub.Method(…)` / `async for x in client.stream(…)` loop over a downstream
/// stream: the call it relays.
fn relay<'a>(file: &'a ParsedFile, l: &Loop) -> Option<&'a str> {
    let header = file.src(&l.header).trim();
    // `for dep in await upstream.departures(…)`: the awaited call returned a whole list.
    if header.starts_with("await ") && !file.src(&l.span).starts_with("async ") {
        return None;
    }
    let call = file.calls_in(&l.header).first()?;
    let r = call.receiver().to_ascii_lowercase();
    let downstream = [
        "stub", "client", "upstream", "backend", "channel", "session",
    ]
    .iter()
    .any(|w| r.contains(w));
    (downstream && header.contains('(')).then_some(header)
}

/// A loop that runs until something stops it: `while True:`, `while context.is_active():`, or a
/// `for` over a subscription, queue or event feed. `for f in self.features:` and
/// `for i in range(10):` are finite.
fn unbounded(file: &ParsedFile, l: &Loop) -> bool {
    let whole = file.src(&l.span);
    let header = file.src(&l.header).trim();
    if whole.trim_start().starts_with("while") {
        // `while i < n`, `while time.monotonic() - started < MAX_S` end, and so does a loop that
        // reads a source until it is drained (`data = f.read(…)` … `break`); anything else waits
        // on the world.
        let body = file.src(&l.body);
        let drains = body.contains(".read(") && body.contains("break");
        return !(header.contains('<')
            || header.contains('>')
            || super::lifetime::pages_through(header)
            || drains
            || works_off(header, body)
            || ends_at_sentinel(body));
    }
    // A query over a range or up to a limit (`catalog.events(min_mag, start, end, limit, …)`)
    // returns a finite result, whatever it is called.
    let bounded_query = mentions(header, &["limit", "page_size", "max_results"])
        || (crate::syntax::has_word(header, "start") && crate::syntax::has_word(header, "end"));
    !bounded_query
        && (names_a_feed(header)
            || mentions(header, &["queue"])
            || (header.contains("iter(") && header.contains(".get")))
}

/// `while queue:` over a work list the body pops from (`queue.popleft()`): it ends when the list
/// is done.
fn works_off(header: &str, body: &str) -> bool {
    let h = header.trim();
    let list = h
        .strip_prefix("len(")
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(h);
    !list.is_empty()
        && list.chars().all(crate::syntax::is_ident_char)
        && [".pop(", ".popleft(", ".popitem("]
            .iter()
            .any(|p| body.contains(&format!("{list}{p}")))
}

/// A loop that leaves once the value it takes is the end marker its producer sends
/// (`segs = await pages.get()` … `if segs is None: return`): a finite source drained to its end.
fn ends_at_sentinel(body: &str) -> bool {
    let lines: Vec<&str> = body.lines().map(str::trim).collect();
    lines.iter().enumerate().any(|(k, l)| {
        let Some(var) = l
            .strip_prefix("if ")
            .and_then(|r| r.strip_suffix(" is None:"))
            .map(str::trim)
        else {
            return false;
        };
        let taken = lines[..k].iter().any(|p| {
            p.strip_prefix(var)
                .and_then(|r| r.trim_start().strip_prefix('='))
                .is_some_and(|v| v.contains(".get(") || v.contains("next("))
        });
        let leaves = lines
            .get(k + 1)
            .is_some_and(|n| n.starts_with("return") || n.starts_with("break"));
        taken && leaves
    })
}

/// A check of the caller's token: `jwt.decode(…)`, `verify_token(…)`,
/// `metadata.get("authorization")`, or the `authorization` value handed to a function.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    let args = file.src(&c.args);
    super::common::is_token_check(file, c)
        || mentions(args, &["\"authorization\"", "'authorization'"]) && !sends_credential(args)
}

/// Whether call arguments send a credential rather than read one: an `("authorization", …)`
/// pair of outgoing metadata, or a `Bearer` value built in place (`f"Bearer {TOKEN}"`). A
/// relay that logs in *to* the service it forwards to checks nothing of its caller.
fn sends_credential(args: &str) -> bool {
    let flat: String = args
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    flat.contains("(\"authorization\",")
        || flat.contains("('authorization',")
        || flat.contains("f\"bearer")
        || flat.contains("f'bearer")
}
