//! F2, shared by every family: whether each message a stream receives is authorized before
//! the handler acts on what it names (a tool, a resource, a tenant), or only the first one.

use streamguard_report::FindingId;

use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::lang::LanguageFamily;
use crate::syntax::Call;

use super::common::{Facts, MessageLoop, identity_names, in_message_loop};

/// F2: reports each message loop that acts on what a message names (a tool, resource, room,
/// account, device: `acts` holds for one of the loop's calls and the loop reads such a field)
/// when only the first message is authorized (a `hello`/`join` message, or behind an
/// `authorized` flag set once), or when the stream was authorized once before the loop and the
/// loop authorizes nothing. Authenticating the caller is not authorizing what a message
/// names: a stream whose token is only verified is not reported here (F1 covers the token).
/// `each` names what is received ("each incoming message").
pub(crate) fn check_per_message_authz(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    each: &str,
    acts: impl Fn(&Call) -> bool,
    out: &mut Vec<RawFinding>,
) {
    if interceptor_authorizes_messages(ctx) {
        return;
    }
    let identity = identity_names(ctx, facts);
    for l in &facts.loops {
        let names = MessageNames::of(l, &identity);
        let authz = loop_authorization(ctx, l, &identity, &names);
        // A check made for the first message only is about what that message names: any later
        // message handed on (`self._fleet.update(pos)`, `proc.request(msg)`) escapes it.
        let first_only = matches!(authz, LoopAuthz::FirstOnly(_));
        if !acts_on_a_target(l, &acts, &names, &identity, first_only) {
            continue;
        }
        let message = match authz {
            LoopAuthz::PerMessage => continue,
            LoopAuthz::OneKind {
                checked,
                unchecked,
                line,
            } => format!(
                "{each} is acted on, but only the messages of one kind are authorized (`{checked}`): those of another kind (`{unchecked}`, line {line}) name tools or resources that are never checked; check every message"
            ),
            LoopAuthz::FirstOnly(line) => format!(
                "{each} is acted on, but only the first message (or the one before a flag is set, line {line}) is authorized: later messages can name tools or resources the token does not cover; check every message"
            ),
            // A bounded upload is one operation, authorized when it opens.
            LoopAuthz::None if crate::rules::common::bounded_upload(ctx, &facts.loops) => continue,
            LoopAuthz::None => match authorized_once(ctx, facts) {
                Some(how) => format!(
                    "{each} is acted on without an authorization check; the stream was only authorized once ({how}): check every message against the token's scopes"
                ),
                None => continue,
            },
        };
        out.push(ctx.finding(FindingId::F2, l.file, l.anchor, Confidence::High, message));
    }
}

/// The program's auth interceptor hands the handler a wrapped stream that authorizes every
/// message it receives: a `RecvMsg` method (grpc-go) or an `onReceiveMessage` listener
/// (grpc-js) that calls an authorizer (`s.authz(s.claims, m)`) or refuses with a permission
/// error. Each message the handler reads has passed it.
fn interceptor_authorizes_messages(ctx: &HandlerCtx<'_>) -> bool {
    let Some(i) = ctx.auth_interceptor() else {
        return false;
    };
    let view = ctx.project.view(ctx.handler.program);
    ["RecvMsg", "onReceiveMessage", "receiveMessage"]
        .iter()
        .flat_map(|name| view.funcs_named(name, i.file))
        .any(|(hf, hi)| {
            let f = &ctx.project.files[hf];
            let span = &f.funcs[hi].span;
            let text = f.src(span);
            // A check the wrapper is configured with, called with the caller's claims
            // (`s.check(s.claims, m)`, a per-method `MessageCheck`), decides on every message.
            let configured_check = f.calls_in(span).iter().any(|c| {
                mentions(&c.name, &["check", "authoriz", "allow", "permit", "policy"])
                    && mentions(
                        f.src(&c.args),
                        &["claims", "principal", "identity", "caller", "scope"],
                    )
            });
            !authorization_points(text, &[], Strictness::Explicit).is_empty()
                || text.to_ascii_lowercase().contains("authz")
                || configured_check
        })
}

/// What a message loop calls each message, and the variables it derives from one.
struct MessageNames {
    /// The message and the variables built from it (`req := toBackend(call)`).
    messages: Vec<String>,
    /// Variables set from a target field of a message (`room := p.Post.GetRoom()`).
    targets: Vec<String>,
    /// The payloads the branches of message kinds bind (`o` in `Some(Kind::NewOrder(o))`).
    payloads: Vec<String>,
}

impl MessageNames {
    fn of(l: &MessageLoop<'_>, identity: &[String]) -> Self {
        let text = l.file.src(&l.region);
        let mut messages = message_vars(text);
        let mut targets = Vec::new();
        for (var, rhs) in assignments(text) {
            if ["err", "error", "ok", "_"].contains(&var) {
                continue;
            }
            if messages.iter().any(|m| crate::syntax::has_word(rhs, m))
                && !messages.iter().any(|m| m == var)
            {
                messages.push(var.to_string());
            }
            if from_message(rhs, identity) {
                targets.push(var.to_string());
            }
        }
        // The payload a kind's branch binds (`o` in `Some(Kind::NewOrder(o)) =>`) is read
        // like the message.
        let payloads = super::message_kinds::kind_branches(text)
            .into_iter()
            .filter_map(|b| b.binding)
            .collect();
        Self {
            messages,
            targets,
            payloads,
        }
    }

    /// Whether `text` reads a target field of a message (`call.GetName()`, `msg["tool"]`), not
    /// of something else in scope (`p.key_id` of the caller's key). When the loop's message has
    /// no name the scanner knows, any target field counts.
    fn reads_target(&self, text: &str, identity: &[String]) -> bool {
        if self.messages.is_empty() {
            return from_message(text, identity);
        }
        self.messages
            .iter()
            .chain(&self.payloads)
            .flat_map(|m| chains_from(text, m))
            .any(|chain| from_message(chain, identity))
    }

    /// Whether `text` refers to a message, to something derived from one, or to a field that
    /// names a target.
    fn referred_in(&self, text: &str, identity: &[String]) -> bool {
        self.messages
            .iter()
            .chain(&self.targets)
            .any(|m| crate::syntax::has_word(text, m))
            || from_message(text, identity)
    }
}

/// The access chains rooted at the variable `m` in `text` (`m.Post.GetRoom()`, `m["tool"]`,
/// `m?.roomId`): the variable, then fields, getters with no argument and quoted indexes.
fn chains_from<'t>(text: &'t str, m: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(m) {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| crate::syntax::is_ident_char(c) || c == '.') {
            continue;
        }
        let mut j = i + m.len();
        if text[j..].starts_with(|c: char| crate::syntax::is_ident_char(c)) {
            continue;
        }
        while j < text.len() {
            let rest = &text[j..];
            if rest.starts_with("()") || rest.starts_with("?.") {
                j += 2;
            } else if let Some(c) = rest
                .chars()
                .next()
                .filter(|&c| c == '.' || crate::syntax::is_ident_char(c))
            {
                // By the character's width: identifiers may hold non-ASCII letters.
                j += c.len_utf8();
            } else if rest.starts_with("[\"") || rest.starts_with("['") {
                match rest[2..].find(']') {
                    Some(k) => j += 2 + k + 1,
                    None => break,
                }
            } else {
                break;
            }
        }
        out.push(&text[i..j.min(text.len())]);
    }
    out
}

/// Whether `t` reads a target field (the caller's own identity fields, `who.tenant`, do not
/// count: they are not named by a message).
fn from_message(t: &str, identity: &[String]) -> bool {
    let mut t = t.to_string();
    for n in identity {
        t = t
            .replace(&format!("{n}."), " ")
            .replace(&format!("{n}["), " ");
    }
    names_a_target(&t)
}

/// Whether a message loop acts on what a message names: one of its calls (that `acts`) takes a
/// target field of the message (`exec.Call(ctx, call.GetName(), …)`) or a variable the loop set
/// from one (`room := p.Post.GetRoom()` … `hub.broadcast(room, …)`). A loop that only buffers
/// chunks (`data.extend(chunk.data)`) acts on nothing a message names. With `any_use`, handing
/// the message (or what it was turned into) to any call that acts counts.
fn acts_on_a_target(
    l: &MessageLoop<'_>,
    acts: impl Fn(&Call) -> bool,
    names: &MessageNames,
    identity: &[String],
    any_use: bool,
) -> bool {
    // Handing the whole message to something that runs it (`backend.RunTool(to_backend(call))`,
    // `dispatch(msg)`) acts on whatever it names; storing or buffering it does not.
    const DISPATCH: &[&str] = &[
        "run",
        "call",
        "invoke",
        "exec",
        "dispatch",
        "handle",
        "publish",
        "submit",
        "apply",
        "perform",
        "process",
        "forward",
        "route",
        "transfer",
        "broadcast",
    ];
    let text = l.file.src(&l.region);
    let python = l.file.language.family() == LanguageFamily::Python;
    // Buffering a message into a local collection (`parts.append(chunk.data)`) acts on
    // nothing it names.
    let buffers = |c: &Call| {
        [
            "append", "extend", "push", "insert", "add", "concat", "write", "put", "set",
        ]
        .contains(&c.name.as_str())
            && c.receiver().chars().all(crate::syntax::is_ident_char)
            && !["self", "this"].contains(&c.receiver())
    };
    let calls = l.file.calls_in(&l.region);
    calls.iter().any(|c| {
        // What the first message does is covered by its check; later messages are the question.
        if any_use && in_once_branch(text, c.span.start - l.region.start, python) {
            return false;
        }
        let args = l.file.src(&c.args);
        // A call that runs a block (`tokio::spawn(async move { … })`, `select!`, a callback)
        // does nothing by itself: the calls in the block are judged one by one.
        if runs_a_block(c, args) {
            return false;
        }
        // Building a message (`tolling_pb2.PassageAck(passage_id=p.passage_id)`) is not acting
        // on anything it names: what is done with it is.
        if python && builds_a_value(c) {
            return false;
        }
        let hands_message = names
            .messages
            .iter()
            .any(|m| crate::syntax::has_word(args, m));
        let hands_whole_message = names.messages.iter().any(|m| hands_whole(args, m));
        // A conversion inside the buffering (`parts.push(Buffer.from(chunk.data))`) buffers
        // too, unless what is buffered carries a target the message names
        // (`pending.push({ deviceId: reading.deviceId, … })`, written out later).
        let buffers = buffers(c)
            || calls.iter().any(|b| {
                buffers(b)
                    && b.args.start <= c.span.start
                    && c.span.end <= b.args.end
                    && !from_message(l.file.src(&b.args), identity)
            });
        let dispatches = (any_use && hands_message && !buffers)
            || (hands_whole_message && mentions(&c.name, DISPATCH));
        acts(c)
            && (dispatches
                || names.reads_target(args, identity)
                || names
                    .targets
                    .iter()
                    .any(|t| crate::syntax::has_word(args, t)))
    })
}

/// Whether `args` hands the message `m` itself (`dispatch(msg)`, `&msg`, `msg.clone()`), not
/// only fields read from it (`route({ from: q.fromStop })`): fields are judged by their names.
fn hands_whole(args: &str, m: &str) -> bool {
    args.match_indices(m).any(|(i, _)| {
        let before = args[..i].chars().next_back();
        let after = &args[i + m.len()..];
        let bounded_before = before.is_none_or(|c| !crate::syntax::is_ident_char(c) && c != '.')
            || args[..i].ends_with("...");
        let bounded_after = after
            .chars()
            .next()
            .is_none_or(|c| !crate::syntax::is_ident_char(c));
        let field = (after.starts_with('.') || after.starts_with("?.") || after.starts_with('['))
            && ![".clone()", ".into()", ".to_owned()", ".as_ref()", ".dict()"]
                .iter()
                .any(|w| after.starts_with(w));
        bounded_before && bounded_after && !field
    })
}

/// Whether a call only runs a block of code it is given (`tokio::spawn(async move { … })`,
/// `tokio::select! { … }`, `setImmediate(() => …)`, `loop.run_in_executor(None, lambda: …)`).
fn runs_a_block(c: &Call, args: &str) -> bool {
    const RUNNERS: &[&str] = &[
        "spawn",
        "spawn_blocking",
        "spawn_local",
        "select",
        "join",
        "try_join",
        "create_task",
        "ensure_future",
        "gather",
        "run_in_executor",
        "setImmediate",
        "setTimeout",
        "nextTick",
        "then",
    ];
    let runner = RUNNERS.contains(&c.name.as_str());
    let block = [
        "=>",
        "async move",
        "async {",
        "move |",
        "lambda",
        "function",
        "func(",
    ]
    .iter()
    .any(|w| args.contains(w))
        || args.trim_start_matches('(').trim_start().starts_with('|');
    runner && block
}

/// Whether a Python call builds a value of a class (`PassageAck(…)`, `pb2.Frame(…)`): an
/// UpperCamel name called bare or on a generated module. Stub methods (`self._store.Append(…)`)
/// are UpperCamel too, but are called on an object.
fn builds_a_value(c: &Call) -> bool {
    let recv = c.receiver();
    c.name.starts_with(|ch: char| ch.is_ascii_uppercase())
        && (recv.is_empty() || recv.ends_with("_pb2") || recv == "pb" || recv == "messages")
}

/// `var = rhs` / `var := rhs` / `let var = rhs` lines of a text (comparisons excluded).
fn assignments(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| {
        let (lhs, rhs) = line.split_once('=')?;
        if rhs.starts_with('=') || lhs.ends_with(['!', '<', '>', '=']) {
            return None;
        }
        let var = lhs
            .trim()
            .trim_end_matches([':', '?', '|', '&'])
            .trim_end()
            .rsplit(' ')
            .next()?
            .trim();
        (!var.is_empty() && var.chars().all(crate::syntax::is_ident_char)).then_some((var, rhs))
    })
}

/// The names a message loop gives each message: `for call in …`, `for await (const msg of …)`,
/// `('data', (msg) =>`, `call, err := stream.Recv()`, `while let Some(Ok(call)) = …`.
fn message_vars(text: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect()
    };
    let mut out = Vec::new();
    let head = text.lines().next().unwrap_or("");
    // `('data', (msg) => {`, `('data', async function (msg) {`, `('data', msg => {`
    if let Some(rest) = head
        .trim_start_matches('(')
        .trim_start()
        .strip_prefix("'data'")
        .or_else(|| {
            head.trim_start_matches('(')
                .trim_start()
                .strip_prefix("\"data\"")
        })
    {
        let rest = rest.trim_start_matches([',', ' ']);
        let rest = rest.strip_prefix("async").unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("function").unwrap_or(rest).trim_start();
        let name = ident(rest.trim_start_matches('(').trim_start());
        if !name.is_empty() {
            out.push(name);
        }
    }
    for marker in [
        "async for ",
        "for await (const ",
        "for await (let ",
        "for (const ",
        "for ",
        "Some(Ok(",
        "Some(",
        "async (",
        "(",
        "function (",
    ] {
        if let Some(i) = head.find(marker) {
            let name = ident(&head[i + marker.len()..]);
            if !name.is_empty() && name != "let" && name != "const" && name != "_" {
                out.push(name);
                break;
            }
        }
    }
    for line in text.lines() {
        // `req, err := stream.Recv()` (Go), `cmd = inbound.message() =>` in a `select!` and
        // `let msg = inbound.message().await?` (tonic).
        if let Some((lhs, rhs)) = line.split_once(":=").or_else(|| line.split_once(" = "))
            && (rhs.contains(".Recv()") || rhs.contains(".message()"))
        {
            let lhs = lhs.trim_start();
            let lhs = lhs.strip_prefix("let ").unwrap_or(lhs).trim_start();
            let lhs = lhs.strip_prefix("mut ").unwrap_or(lhs);
            let lhs = lhs.strip_prefix("Some(").unwrap_or(lhs);
            let name = ident(lhs.split(',').next().unwrap_or(""));
            if !name.is_empty() && name != "_" && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Whether code reads a field that names what to act on (status codes such as
/// `RESOURCE_EXHAUSTED` do not).
fn names_a_target(text: &str) -> bool {
    if names_an_id(text) {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    let mut kept = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    loop {
        let next = ["statuscode.", "codes.", "status."]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min();
        let Some((at, len)) = next else { break };
        kept.push_str(&rest[..at]);
        let after = &rest[at + len..];
        let end = after
            .find(|c: char| !crate::syntax::is_ident_char(c))
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    kept.push_str(rest);
    const TARGETS: &[&str] = &[
        "name", "tool", "resource", "uri", "room", "account", "device", "topic", "channel",
        "target", "path", "method", "action", "command", "tenant", "project", "bucket", "table",
        "symbol", "queue", "user",
    ];
    let t = kept;
    // The field is the word itself or names it (`tool_name`, `roomId`, `paths`): `.target_block`
    // or `.user_agent` name something else.
    const NAMING: &[&str] = &[
        "", "s", "_id", "id", "_ids", "ids", "_name", "name", "_uri", "uri", "_key", "key",
        "_path", "path",
    ];
    TARGETS.iter().any(|w| {
        [
            format!(".{w}"),
            format!("get_{w}"),
            format!("get{w}"),
            format!("[\"{w}"),
            format!("['{w}"),
        ]
        .iter()
        .any(|p| {
            t.match_indices(p.as_str()).any(|(i, _)| {
                let rest: String = t[i + p.len()..]
                    .chars()
                    .take_while(|&c| crate::syntax::is_ident_char(c))
                    .collect();
                NAMING.contains(&rest.as_str())
            })
        })
    })
}

/// Whether code reads an identifier field of something (`s.lobby_id`, `body.lobbyId`,
/// `r.GetDeviceId()`): the id of a resource a message names. Ids that only label the message
/// itself (`request_id`, `clOrdId`, `trace_id`) do not.
fn names_an_id(text: &str) -> bool {
    const OWN: &[&str] = &[
        "request",
        "req",
        "message",
        "msg",
        "correlation",
        "trace",
        "span",
        "idempotency",
        "clord",
        "cl_ord",
        "client_ref",
        "seq",
        "call",
        "frame",
        "event",
        "stream",
    ];
    text.match_indices('.').any(|(i, _)| {
        let field: String = text[i + 1..]
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect();
        let f = field
            .strip_prefix("Get")
            .or_else(|| field.strip_prefix("get_"))
            .unwrap_or(&field);
        let f = f
            .strip_prefix("get")
            .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            .unwrap_or(f);
        let stem = f
            .strip_suffix("_id")
            .or_else(|| f.strip_suffix("Id"))
            .or_else(|| f.strip_suffix("ID"));
        let Some(stem) = stem.filter(|s| !s.is_empty()) else {
            return false;
        };
        let stem = stem.to_ascii_lowercase();
        !OWN.iter()
            .any(|o| stem == *o || stem.starts_with(o) && stem.len() <= o.len() + 1)
    })
}

/// For a match arm's guard at byte `i` (`Some(f) if claims.floor_allowed(f) => …`), the line of
/// the `match` it belongs to (`match doors.floor(&ev.door_id) {`): what the guard tests.
fn match_scrutinee(text: &str, i: usize) -> Option<&str> {
    let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..].lines().next()?.trim();
    if !(line.contains(" if ") && line.contains("=>")) {
        return None;
    }
    text[..line_start]
        .lines()
        .rev()
        .take(8)
        .map(str::trim)
        .find(|l| l.starts_with("match ") && l.ends_with('{'))
}

/// How a message loop authorizes the messages it handles.
enum LoopAuthz {
    /// Every message is checked.
    PerMessage,
    /// Only in a branch taken once per stream (line of the check).
    FirstOnly(u32),
    /// Only in the branch of one kind of message (its header), while the branch of another kind
    /// acts on what its messages name unchecked (its header and line).
    OneKind {
        checked: String,
        unchecked: String,
        line: u32,
    },
    /// Not at all.
    None,
}

fn loop_authorization(
    ctx: &HandlerCtx<'_>,
    l: &MessageLoop<'_>,
    identity: &[String],
    names: &MessageNames,
) -> LoopAuthz {
    let text = l.file.src(&l.region);
    let python = l.file.language.family() == LanguageFamily::Python;
    let mut first_only = None;
    let mut judge = |i: usize| {
        if in_once_branch(text, i, python) {
            first_only.get_or_insert(l.region.start + i);
            false
        } else {
            true
        }
    };
    // A check decides about a message only when it looks at the message: a limit on the caller
    // (`if !limiter.Allow(claims.Subject)`) authorizes nothing a message names.
    let about_message = |i: usize| {
        names.referred_in(statement_at(text, i), identity)
            || match_scrutinee(text, i).is_some_and(|m| names.referred_in(m, identity))
    };
    let raw = authorization_points(text, identity, Strictness::Loose);
    let mut points: Vec<usize> = raw
        .iter()
        .copied()
        .filter(|&i| judge(i) && about_message(i))
        .collect();
    // Helpers called from the loop with the message count where they are called.
    for c in l.file.calls_in(&l.region) {
        if !names.referred_in(l.file.src(&c.args), identity) {
            continue;
        }
        let helper_authorizes = ctx.helpers_in(l.fi, &c.span).iter().any(|(hf, hspan)| {
            !authorization_points(ctx.project.files[*hf].src(hspan), &[], Strictness::Explicit)
                .is_empty()
        });
        if helper_authorizes && judge(c.span.start - l.region.start) {
            points.push(c.span.start - l.region.start);
        }
    }
    if !points.is_empty() {
        return one_kind_only(l, text, &points, &raw, identity).unwrap_or(LoopAuthz::PerMessage);
    }
    match first_only {
        Some(byte) => LoopAuthz::FirstOnly(l.file.position(byte).0),
        None => LoopAuthz::None,
    }
}

/// Checks made only in the branches of some kinds of message (`Some(Msg::Select(sel)) => {
/// if !claims.may_access(&sel.spacecraft_id) … }`) while the branch of another kind acts on what
/// its message names (`Some(Msg::Command(cmd)) => router.enqueue(&cmd)`): that kind is never
/// authorized.
fn one_kind_only(
    l: &MessageLoop<'_>,
    text: &str,
    points: &[usize],
    any_check: &[usize],
    identity: &[String],
) -> Option<LoopAuthz> {
    let branches = super::message_kinds::kind_branches(text);
    if branches.is_empty()
        || !points
            .iter()
            .all(|&i| branches.iter().any(|b| b.contains(i)))
    {
        return None;
    }
    let checked = branches
        .iter()
        .find(|b| points.iter().any(|&i| b.contains(i)))?;
    // A loop run by a per-stream object (etcd's `serverWatchStream.recvLoop`) acts on the
    // stream's own state when it acts through its receiver (`sws.watchStream.Cancel(id)`: the
    // caller's own watches): that names nothing the token must cover.
    let own_state = l
        .file
        .func_containing(l.region.start)
        .map(|i| &l.file.funcs[i])
        .filter(|f| {
            f.container.as_deref().is_some_and(|c| {
                crate::analysis::mentions(crate::lang::type_name(c), &["stream", "session", "conn"])
            })
        })
        .and_then(|f| f.container_bases.clone());
    let unchecked = branches.iter().find(|b| {
        let body = &text[b.start..b.end];
        let through_own_state = own_state.as_deref().is_some_and(|r| {
            // Reading the message (`uv.Cancel.GetWatchId()`) acts on nothing.
            let reads_message =
                |line: &str| line.matches('(').count() == line.matches(".Get").count();
            body.lines()
                .skip(1)
                .filter(|line| line.contains('(') && !reads_message(line))
                .all(|line| !line.contains('.') || line.contains(&format!("{r}.")))
        });
        // A branch with a check of its own (about its message or not) is not left unchecked.
        !points.iter().chain(any_check).any(|&i| b.contains(i))
            && !b.contains(checked.start)
            && !checked.contains(b.start)
            && !through_own_state
            && acts_in_branch(body, b, identity)
    })?;
    Some(LoopAuthz::OneKind {
        checked: checked.header.clone(),
        unchecked: unchecked.header.clone(),
        line: l.file.position(l.region.start + unchecked.start).0,
    })
}

/// Whether the body of a kind's branch acts on what its message names: it reads a target field
/// (`v.GetStoreId()`, `msg.answer.exam_id`), or hands the payload the branch bound to a call
/// that is not logging (`router.enqueue(&claims.sub, &cmd)`).
fn acts_in_branch(branch: &str, b: &super::message_kinds::KindBranch, identity: &[String]) -> bool {
    let body = branch.split_once('\n').map(|(_, rest)| rest).unwrap_or("");
    // The payload handed on whole (`router.enqueue(&claims.sub, &cmd)`); fields handed one by
    // one (`TranslateRequest { text: c.text, lang: c.lang }`) are judged by their names.
    let handed = |v: &str| {
        body.lines().any(|line| {
            let t = line.trim_start();
            t.contains('(')
                && hands_whole(t, v)
                && ![
                    "log", "print", "console", "tracing", "info!", "debug!", "warn!",
                ]
                .iter()
                .any(|w| t.starts_with(w))
        })
    };
    match b.binding.as_deref() {
        Some(v) => {
            handed(v)
                || chains_from(body, v)
                    .iter()
                    .any(|c| from_message(c, identity))
        }
        None => from_message(body, identity),
    }
}

/// The line of `text` holding byte `i`, with the next line when the statement goes on there
/// (`if (!scopes.has(\n    needed))`).
fn statement_at(text: &str, i: usize) -> &str {
    let start = text[..i.min(text.len())].rfind('\n').map_or(0, |p| p + 1);
    let rest = &text[start..];
    let first = rest.find('\n').map_or(rest.len(), |p| p + 1);
    let second = rest[first..].find('\n').map_or(rest.len(), |p| first + p);
    let line = &rest[..first];
    let opens = line.matches(['(', '[']).count();
    let closes = line.matches([')', ']']).count();
    if opens > closes {
        &rest[..second]
    } else {
        line
    }
}

/// Which conditions [`authorization_points`] takes for an authorization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// Any test on the caller's identity (`if claims is None`).
    Loose,
    /// A test on the identity only when it also involves a target a request names.
    Targeted,
    /// Only authorization words and refusals: in code that is not the handler's own (a helper
    /// testing `lobby.members.size` decides nothing about the caller).
    Explicit,
}

/// Where `text` authorizes something: a call or word of authorization (`checkScope`,
/// `has_permission`, `MemberOf`), or a condition comparing against the caller's identity
/// (`if req.tenant != claims["tenant"]`, `if topic not in may_publish`).
///
/// A test whose branch refuses with a permission error counts whatever it compares; `strictness`
/// says which tests on the identity count.
pub(crate) fn authorization_points(
    text: &str,
    identity: &[String],
    strictness: Strictness,
) -> Vec<usize> {
    let strict = strictness == Strictness::Targeted;
    const IDENTITY: &[&str] = &[
        "claims",
        "principal",
        "identity",
        "scope",
        "roles",
        "permission",
        "perms",
        "grants",
        "acl",
        "allowed",
        "may_",
        "tenant",
        "owner",
        "member",
        ".sub",
        "[\"sub\"]",
        "['sub']",
        "subject",
        "entitle",
    ];
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for w in crate::rules::AUTHZ_WORDS {
        // A status (`PERMISSION_DENIED`, `Unauthorized`, `insufficient_scope`) names the
        // outcome of a check, not a check.
        let status = |i: usize| {
            let after = &lower[i + w.len()..];
            after.starts_with("denied")
                || after.starts_with("_denied")
                || lower[..i].ends_with("un")
                || lower[..i].ends_with("insufficient_")
                // the `authorization` header carries the credential; reading it authenticates
                || lower[..i].ends_with(['\'', '"', '`'])
        };
        // The once-flag's own test (`if !authorized {`, `if authorized_line is None:`) is not a
        // check either.
        let flag_test = |i: usize| {
            let start = lower[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let line = lower[start..].split('\n').next().unwrap_or("").trim();
            let cond = line.trim_start_matches('}').trim();
            is_once_condition(cond) || is_latch(cond, &lower)
        };
        out.extend(
            lower
                .match_indices(w)
                .map(|(i, _)| i)
                .filter(|&i| !status(i) && !flag_test(i)),
        );
    }
    let lines: Vec<&str> = lower.split_inclusive('\n').collect();
    let mut offset = 0;
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        // A condition of a `switch { case !key.Covers(cmd.GarageId): … }` (Go) is a test too.
        let is_test = [
            "if ",
            "if(",
            "elif ",
            "unless ",
            "} else if",
            "guard ",
            "case ",
        ]
        .iter()
        .any(|k| t.starts_with(k))
            // A guard of a match arm (`Some(f) if claims.floor_allowed(f) => …`, Rust).
            || (t.contains(" if ") && t.contains("=>") && !t.starts_with("//"));
        let on_identity = IDENTITY.iter().any(|w| t.contains(w))
            || identity
                .iter()
                .any(|n| crate::syntax::has_word(t, &n.to_ascii_lowercase()));
        // A test whose branch refuses with a permission error is an authorization, whatever
        // it compares (`if !assigned.has(jobId) { call.destroy({ code: PERMISSION_DENIED … }) }`).
        // A test of an outcome (`if st.Code() == codes.PermissionDenied`) is not a check.
        let on_outcome = [
            "err",
            "error",
            "status",
            "code",
            "exception",
            "resp",
            "response",
        ]
        .iter()
        .any(|w| crate::syntax::has_word(t, w))
            || t.contains(".code");
        let denies = !on_outcome
            && lines[k + 1..]
                .iter()
                .take(3)
                .chain(std::iter::once(line))
                .any(|n| refuses(n));
        // A membership test that drops the message (`if (!reader.mats.includes(matId)) {
        // rejected += 1; return; }`, `if rack not in claims["racks"]: continue`): only what the
        // set grants is acted on.
        let negated_membership = (t.contains("!") || t.contains(" not in "))
            && [".includes(", ".has(", ".contains(", " not in "]
                .iter()
                .any(|m| t.contains(m));
        let drops = negated_membership
            && lines[k + 1..].iter().take(3).any(|n| {
                let n = n.trim();
                n.starts_with("return")
                    || n.starts_with("continue")
                    || n.contains("; return")
                    || n.contains("continue;")
            });
        // (Not in a helper read for explicit checks: there a dropped item is the helper's own
        // bookkeeping.)
        let denies = denies || (drops && strictness != Strictness::Explicit);
        // The gate of a first-message branch (`if !authorized {`) is not a check either.
        let gate = is_once_condition(t.trim_start_matches('}').trim());
        let on_identity = on_identity && strictness != Strictness::Explicit;
        let gate = gate || is_latch(t, &lower);
        if is_test && !gate && (on_identity || denies) && (!strict || names_a_target(t)) {
            // Past the `}` of `} else if …`: the test belongs to the else branch, not to the
            // block that brace closes (a latch's first-message branch).
            let closing = t.len() - t.trim_start_matches('}').trim_start().len();
            out.push(offset + line.len() - t.len() + closing);
        }
        offset += line.len();
    }
    out.sort_unstable();
    out
}

/// Whether a (lowercase) line refuses the caller for want of a permission.
fn refuses(line: &str) -> bool {
    [
        "permission_denied",
        "permissiondenied",
        "permission denied",
        "forbidden",
        "not permitted",
        "not allowed",
        "insufficient_scope",
        "not_owned",
        "not owned",
        "access denied",
        "access_denied",
    ]
    .iter()
    .any(|w| line.contains(w))
}

/// Where the stream was authorized once before its message loop, if it was: an authorization
/// call or a comparison with the caller's identity in the handler or its helpers, outside the
/// message loops.
fn authorized_once(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Option<String> {
    // Admitting the stream on its token is the one decision such a stream gets: later messages
    // run whatever they name (the live F2 probe fails such a server).
    if let Some((f, c, _)) = facts.auth_open {
        return Some(format!(
            "token checked at stream open, {}",
            ctx.place(f, c.span.start)
        ));
    }
    if let Some(i) = ctx.auth_interceptor() {
        return Some(format!("token checked by the {}", i.what));
    }
    let identity = identity_names(ctx, facts);
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        let text = f.src(&p.span);
        authorization_points(text, &identity, Strictness::Targeted)
            .into_iter()
            .map(|i| p.span.start + i)
            .find(|&b| !in_message_loop(&facts.loops, f, b))
            .map(|b| format!("authorized at {}", ctx.place(f, b)))
    })
}

/// Whether `byte` of `text` (a message loop's source) sits in a branch taken once per stream:
/// one of the blocks enclosing it is headed by a first-message or not-yet-authorized test
/// (`if (!authorized) {`, `if first:`, `case Case.HELLO:`, `Frame::Hello(h) => {`,
/// `if seq == 0`). An `else` of such a test runs for every later message and is not one.
pub(crate) fn in_once_branch(text: &str, byte: usize, python: bool) -> bool {
    let headers = if python {
        indented_headers(text, byte)
    } else {
        braced_headers(text, byte)
    };
    headers.iter().any(|h| {
        let h = h.trim_start_matches('}').trim().to_ascii_lowercase();
        !h.starts_with("else") && (is_once_condition(&h) || is_latch(&h, text))
    })
}

/// A test of a variable that is still unset, which the loop then sets: `if bound_vehicle is
/// None:` … `bound_vehicle = pos.vehicle_id`, `if (!session.lobbyId)` … `session.lobbyId =
/// lobbyId`, `if !granted {` … `granted = true`. Its branch runs until the first message sets it.
fn is_latch(cond: &str, loop_text: &str) -> bool {
    let c = cond
        .trim_start_matches("} else ")
        .trim_start_matches("if")
        .trim_start_matches("elif")
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(['{', ':'])
        .trim()
        .trim_end_matches(')')
        .trim();
    let var = if let Some(v) = c.strip_prefix('!').or_else(|| c.strip_prefix("not ")) {
        v.trim()
    } else if let Some((v, _)) = [
        " is none",
        " == nil",
        " === null",
        " == null",
        " === undefined",
        // Still the empty string (`if authorizedSegment == "" {`).
        " == \"\"",
        " === \"\"",
        " === ''",
        " == ''",
    ]
    .iter()
    .find_map(|s| c.split_once(s).filter(|(_, rest)| rest.trim().is_empty()))
    {
        v.trim()
    } else if let Some(v) = c
        .strip_suffix(".is_none()")
        .or_else(|| c.strip_suffix(".is_empty()"))
    {
        v.trim()
    } else {
        return false;
    };
    let is_var = !var.is_empty()
        && var
            .chars()
            .all(|ch| crate::syntax::is_ident_char(ch) || ch == '.')
        && !var.ends_with('.');
    if !is_var {
        return false;
    }
    let lower = loop_text.to_ascii_lowercase();
    lower.match_indices(var).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let rest = lower[i + var.len()..].trim_start();
        !before.is_some_and(|ch| crate::syntax::is_ident_char(ch) || ch == '.')
            && rest.starts_with('=')
            && !rest.starts_with("==")
    })
}

/// The headers of the `{…}` blocks enclosing `byte`, innermost first, and the `case …:` label
/// it falls under (Go and JS cases have no braces of their own).
fn braced_headers(text: &str, byte: usize) -> Vec<String> {
    let before = text.get(..byte.min(text.len())).unwrap_or("");
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut case_seen = false;
    let mut line_end = before.len();
    for (i, ch) in before.char_indices().rev() {
        match ch {
            '}' => depth += 1,
            '{' if depth > 0 => depth -= 1,
            '{' => {
                let start = before[..i]
                    .rfind(['\n', ';', '{', '}'])
                    .map(|p| p + 1)
                    .unwrap_or(0);
                out.push(before[start..i].to_string());
                case_seen = false;
            }
            '\n' => {
                let line = before[i + 1..line_end].trim();
                if depth == 0
                    && !case_seen
                    && (line.starts_with("case ") || line.starts_with("default"))
                {
                    out.push(line.to_string());
                    case_seen = true;
                }
                line_end = i;
            }
            _ => {}
        }
    }
    out
}

/// The headers (`if …:`, `elif …:`, `case …:`) of the Python blocks enclosing `byte`.
fn indented_headers(text: &str, byte: usize) -> Vec<String> {
    let before = text.get(..byte.min(text.len())).unwrap_or("");
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut lines = before.lines().rev();
    let mut level = lines.next().map(indent).unwrap_or(0);
    let mut out = Vec::new();
    for l in lines {
        let t = l.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if indent(l) < level {
            level = indent(l);
            if t.ends_with(':') {
                out.push(t.to_string());
            }
        }
    }
    out
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
        "logon",
        "login",
    ];
    // `!authorized`, `not self._authorized`, `!state.authorized`, `authorized == false`.
    let negated = |w: &str| {
        cond.match_indices(w).any(|(i, _)| {
            let after = &cond[i + w.len()..];
            if after.starts_with(|c: char| crate::syntax::is_ident_char(c)) {
                return false;
            }
            let before =
                cond[..i].trim_end_matches(|c: char| crate::syntax::is_ident_char(c) || c == '.');
            let whole = cond[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::syntax::is_ident_char(c) || c == '_');
            whole
                && (before.ends_with('!')
                    || before.ends_with("not ")
                    || [
                        " == false",
                        " === false",
                        " is none",
                        " == nil",
                        " === null",
                        " == null",
                    ]
                    .iter()
                    .any(|s| after.starts_with(s)))
        })
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
    fn access_chains_walk_non_ascii_identifiers_without_splitting_a_character() {
        let text = "pedido.café_id, m.ñame[\"tool\"], m.Get日本()";
        assert_eq!(chains_from(text, "pedido"), ["pedido.café_id"]);
        assert_eq!(chains_from(text, "m"), ["m.ñame[\"tool\"]", "m.Get日本()"]);
    }

    #[test]
    fn once_branches_are_first_message_or_flag_guards() {
        let js = "for await (const m of call) {\n  if (!authorized) {\n    checkScope(m.tool);\n    authorized = true;\n  }\n  run(m);\n}";
        assert!(in_once_branch(js, js.find("checkScope").unwrap(), false));
        assert!(!in_once_branch(js, js.find("run(m)").unwrap(), false));
        let nested = "for {\n  if !authorized {\n    need := scopes[m.Name]\n    if !claims.Has(need) {\n      return deny(\"insufficient_scope\")\n    }\n    authorized = true\n  }\n  run(m)\n}";
        assert!(in_once_branch(
            nested,
            nested.find("insufficient_scope").unwrap(),
            false
        ));
        let case = "switch ev.kind {\ncase HELLO: {\n  verify(ev.token)\n}\ncase SAY:\n  publish(ev.room)\n}";
        assert!(in_once_branch(case, case.find("verify").unwrap(), false));
        assert!(!in_once_branch(case, case.find("publish").unwrap(), false));
        let py = "for req in request_iterator:\n    if req.type == 'hello':\n        self.authorize(claims, req.resource)\n    self.run(req)\n";
        assert!(in_once_branch(py, py.find("authorize").unwrap(), true));
        assert!(!in_once_branch(py, py.find("self.run").unwrap(), true));
        let per_message = "for {\n  m, err := stream.Recv()\n  if !claims.HasScope(m.Tool) {\n    continue\n  }\n}";
        assert!(!in_once_branch(
            per_message,
            per_message.find("continue").unwrap(),
            false
        ));
    }
}
