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
    let identity = identity_names(ctx, facts);
    for l in &facts.loops {
        if !acts_on_a_target(l, &acts, &identity) {
            continue;
        }
        let message = match loop_authorization(ctx, l, &identity) {
            LoopAuthz::PerMessage => continue,
            LoopAuthz::FirstOnly(line) => format!(
                "{each} is acted on, but only the first message (or the one before a flag is set, line {line}) is authorized: later messages can name tools or resources the token does not cover; check every message"
            ),
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

/// Whether a message loop acts on what a message names: one of its calls (that `acts`) takes a
/// target field of the message (`exec.Call(ctx, call.GetName(), …)`) or a variable the loop set
/// from one (`room := p.Post.GetRoom()` … `hub.broadcast(room, …)`). A loop that only buffers
/// chunks (`data.extend(chunk.data)`) acts on nothing a message names.
fn acts_on_a_target(
    l: &MessageLoop<'_>,
    acts: impl Fn(&Call) -> bool,
    identity: &[String],
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
    // What the caller's own identity names (`who.tenant`) is not named by a message.
    let from_message = |t: &str| {
        let mut t = t.to_string();
        for n in identity {
            t = t
                .replace(&format!("{n}."), " ")
                .replace(&format!("{n}["), " ");
        }
        names_a_target(&t)
    };
    // Variables built from a message (`req := toBackend(call)`) carry it; variables set from a
    // target field (`room := p.Post.GetRoom()`) carry the target.
    let mut messages = message_vars(text);
    let mut targets: Vec<&str> = Vec::new();
    for (var, rhs) in assignments(text) {
        if messages.iter().any(|m| crate::syntax::has_word(rhs, m)) {
            messages.push(var.to_string());
        }
        if from_message(rhs) {
            targets.push(var);
        }
    }
    l.file.calls_in(&l.region).iter().any(|c| {
        let args = l.file.src(&c.args);
        let dispatches = mentions(&c.name, DISPATCH)
            && messages.iter().any(|m| crate::syntax::has_word(args, m));
        acts(c)
            && (dispatches
                || from_message(args)
                || targets.iter().any(|t| crate::syntax::has_word(args, t)))
    })
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
        if let Some((lhs, rhs)) = line.split_once(":=").or_else(|| line.split_once(" = "))
            && rhs.contains(".Recv()")
        {
            let name = ident(lhs.split(',').next().unwrap_or(""));
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Whether code reads a field that names what to act on (status codes such as
/// `RESOURCE_EXHAUSTED` do not).
fn names_a_target(text: &str) -> bool {
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
    TARGETS.iter().any(|w| {
        [
            format!(".{w}"),
            format!("get_{w}"),
            format!("get{w}"),
            format!("[\"{w}"),
            format!("['{w}"),
        ]
        .iter()
        .any(|p| t.contains(p.as_str()))
    })
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

fn loop_authorization(ctx: &HandlerCtx<'_>, l: &MessageLoop<'_>, identity: &[String]) -> LoopAuthz {
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
    for i in authorization_points(text, identity, false) {
        if judge(i) {
            return LoopAuthz::PerMessage;
        }
    }
    // Helpers called from the loop count where they are called.
    for c in l.file.calls_in(&l.region) {
        let helper_authorizes = ctx.helpers_in(l.fi, &c.span).iter().any(|(hf, hspan)| {
            !authorization_points(ctx.project.files[*hf].src(hspan), &[], false).is_empty()
        });
        if helper_authorizes && judge(c.span.start - l.region.start) {
            return LoopAuthz::PerMessage;
        }
    }
    match first_only {
        Some(byte) => LoopAuthz::FirstOnly(l.file.position(byte).0),
        None => LoopAuthz::None,
    }
}

/// Where `text` authorizes something: a call or word of authorization (`checkScope`,
/// `has_permission`, `MemberOf`), or a condition comparing against the caller's identity
/// (`if req.tenant != claims["tenant"]`, `if topic not in may_publish`).
///
/// With `strict`, a condition on the identity counts only when it also involves a target a
/// request names (`if req.tenant != claims["tenant"]`), not a bare `if claims is None`.
pub(crate) fn authorization_points(text: &str, identity: &[String], strict: bool) -> Vec<usize> {
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
        // The once-flag's own test (`if !authorized {`) is not a check either.
        let flag_test = |i: usize| {
            let start = lower[..i].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let line = lower[start..].split('\n').next().unwrap_or("").trim();
            is_once_condition(line.trim_start_matches('}').trim())
        };
        out.extend(
            lower
                .match_indices(w)
                .map(|(i, _)| i)
                .filter(|&i| !status(i) && !flag_test(i)),
        );
    }
    let mut offset = 0;
    for line in lower.split_inclusive('\n') {
        let t = line.trim_start();
        let is_test = ["if ", "if(", "elif ", "unless ", "} else if", "guard "]
            .iter()
            .any(|k| t.starts_with(k));
        let on_identity = IDENTITY.iter().any(|w| t.contains(w))
            || identity
                .iter()
                .any(|n| crate::syntax::has_word(t, &n.to_ascii_lowercase()));
        if is_test && on_identity && (!strict || names_a_target(t)) {
            out.push(offset + line.len() - t.len());
        }
        offset += line.len();
    }
    out.sort_unstable();
    out
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
    if let Some(i) = &ctx.program.facts.auth_interceptor {
        return Some(format!("token checked by the {}", i.what));
    }
    let identity = identity_names(ctx, facts);
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        let text = f.src(&p.span);
        authorization_points(text, &identity, true)
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
        !h.starts_with("else") && is_once_condition(&h)
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
