use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role};
use crate::rules::common::nth_arg;
use crate::rules::recheck::resolved_duration;
use crate::rules::rule;
use crate::syntax::{Call, ParsedFile, has_word};

rule! {
    /// ## What it does
    /// Finds downstream calls made inside a grpc-js streaming handler with a fixed deadline or
    /// timeout (`{ deadline: Date.now() + 5000 }`, `timeout: 5000`, `AbortSignal.timeout(5000)`),
    /// and downstream gRPC client calls with no deadline at all.
    ///
    /// ## Why is this bad?
    /// The caller's deadline is an absolute time for the whole RPC. A fixed timeout lets
    /// downstream work run past it, consuming resources for a call that has already failed.
    ///
    /// ## Example
    /// ```js
    /// call.on('data', async (req) => {
    ///   const result = await backend.getData(req.id, { deadline: Date.now() + 5000 });
    ///   call.write(result);
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// call.on('data', async (req) => {
    ///   const deadline = call.getDeadline();
    ///   const result = await backend.getData(req.id, { deadline });
    ///   call.write(result);
    /// });
    /// ```
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let stream = ctx.handler.stream.as_str();
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let scope = file.src(&piece.span);
        let confidence = if piece.role == Role::Own {
            Confidence::High
        } else {
            Confidence::Medium
        };
        // A helper handed the call takes it under its own parameter name
        // (`list(req, parentCall)` → `{ parent: parentCall }`): only a server call can be a
        // `parent`, so a helper's parameter used as one is the handler's call.
        let params: &[crate::syntax::Param] = if piece.role == Role::Own {
            &[]
        } else {
            file.funcs
                .iter()
                .find(|f| f.span == piece.span)
                .map_or(&[], |f| f.params.as_slice())
        };
        // A helper that takes its call options from its caller (`instrument(symbol, options)`
        // → `refData.getInstrument(…, options, …)`) hands on what every call of it in the
        // handler passes there (`instrument(alert.symbol, { parent: call })`).
        let helper_name = (piece.role != Role::Own)
            .then(|| file.funcs.iter().find(|f| f.span == piece.span))
            .flatten()
            .map(|f| f.name.as_str());
        // What every call of the helper from outside it passes as its parameter `param`
        // (`None` when the helper has no such parameter or no such call).
        let given_by_callers = |param: &str| -> Option<Vec<String>> {
            let name = helper_name?;
            let k = params.iter().position(|p| p.name == param)?;
            let given: Vec<String> = ctx
                .calls()
                .filter(|(f, c)| {
                    c.name == name
                        && !(std::ptr::eq(*f, file) && piece.span.contains(&c.span.start))
                })
                .map(|(f, c)| {
                    let arg = nth_arg(f.src(&c.args), k);
                    // A variable handed on (`opts`) is what it was set to.
                    match f.binding(arg, c.span.start) {
                        Some(b) if arg.chars().all(crate::syntax::is_ident_char) => {
                            f.src(&b.value).to_string()
                        }
                        _ => arg.to_string(),
                    }
                })
                .collect();
            (!given.is_empty()).then_some(given)
        };
        let options_from_caller = |param: &str| {
            let Some(name) = helper_name else {
                return false;
            };
            let Some(k) = params.iter().position(|p| p.name == param) else {
                return false;
            };
            // Calls of the helper from outside it (its own `caseStore.page(…)` is not one).
            let mut sites = ctx
                .calls()
                .filter(|(f, c)| {
                    c.name == name
                        && !(std::ptr::eq(*f, file) && piece.span.contains(&c.span.start))
                })
                .peekable();
            sites.peek().is_some()
                && sites.all(|(f, c)| {
                    let given = nth_arg(f.src(&c.args), k);
                    // The options object alone, as a call's arguments (`({ parent: call })`).
                    propagation(&format!("({given})"), stream).is_some_and(|p| p.deadline)
                        || given.contains("deadline")
                })
        };
        for c in file.calls_in(&piece.span) {
            let args = file.src(&c.args);
            // `{ parent: call }` hands the caller's deadline on (grpc-js propagates it by
            // default); an explicit deadline next to it is capped by the parent's.
            let handed_on = std::iter::once(stream)
                .chain(params.iter().map(|p| p.name.as_str()))
                .any(|s| propagation(args, s).is_some_and(|p| p.deadline))
                || params.iter().any(|p| {
                    crate::syntax::has_word(args, &p.name) && options_from_caller(&p.name)
                });
            if handed_on {
                continue;
            }
            // Options the callers pass through a parameter (`http.get(url, opts)`) that set a
            // timeout or a signal of their own override the client's fixed one.
            let overridden_by_callers = params.iter().any(|p| {
                crate::syntax::has_word(args, &p.name)
                    && given_by_callers(&p.name).is_some_and(|given| {
                        given.iter().all(|g| {
                            ["timeout", "deadline", "signal"]
                                .iter()
                                .any(|w| g.contains(w))
                        })
                    })
            });
            if let Some((message, certain)) =
                fixed_deadline(file, c, args, scope).filter(|_| !overridden_by_callers)
            {
                let confidence = if certain {
                    confidence
                } else {
                    Confidence::Medium
                };
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
            } else if is_client_call(file, c, stream)
                && !args.contains("deadline")
                && !args.contains("timeout")
            {
                let message = format!(
                    "downstream gRPC call `{}` carries no deadline; pass the caller's (`{{ deadline: call.getDeadline() }}` or `{{ parent: call }}`)",
                    c.callee
                );
                out.push(ctx.finding(
                    FindingId::F3,
                    file,
                    c.span.start,
                    Confidence::Medium,
                    message,
                ));
            }
        }
    }
    true
}

/// What a `{ parent: call, propagate_flags: … }` option hands on to a downstream call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Propagation {
    pub deadline: bool,
    pub cancellation: bool,
}

/// The propagation of a downstream call's options, when its parent is the handler's call. With
/// no `propagate_flags`, grpc-js propagates everything (`grpc.propagate.DEFAULTS`); flag names
/// are read without regard to case.
pub(crate) fn propagation(args: &str, stream: &str) -> Option<Propagation> {
    let parent = option_value(args, "parent")?;
    if parent.trim() != stream && !(parent == "parent" && stream == "parent") {
        return None;
    }
    let Some(flags) = option_value(args, "propagate_flags") else {
        return Some(Propagation {
            deadline: true,
            cancellation: true,
        });
    };
    let f = flags.to_ascii_lowercase();
    let defaults = f.contains("defaults");
    Some(Propagation {
        deadline: defaults || f.contains("deadline"),
        cancellation: defaults || f.contains("cancel"),
    })
}

/// Why a call does not carry the caller's deadline, and whether that is certain.
fn fixed_deadline(file: &ParsedFile, c: &Call, args: &str, scope: &str) -> Option<(String, bool)> {
    if ["setTimeout", "setInterval"].contains(&c.name.as_str()) {
        return None;
    }
    // `timeoutMs: SNAPSHOT_TIMEOUT_MS` handed to a helper that bounds its request with it: a
    // module constant is as fixed as a literal.
    for key in [
        "deadline",
        "timeout",
        "timeoutMs",
        "timeout_ms",
        "deadlineMs",
    ] {
        let Some(value) = option_value(args, key) else {
            continue;
        };
        if let Some(fixed) = fixed_expr(scope, value).or_else(|| {
            (key.ends_with("Ms") || key.ends_with("_ms"))
                .then(|| fixed_expr(&file.text, value))
                .flatten()
        }) {
            let message = format!(
                "downstream call `{}` uses a fixed {key} (`{fixed}`) instead of the caller's remaining deadline (`call.getDeadline()`)",
                c.callee
            );
            return Some((message, true));
        }
    }
    // A request through an HTTP client instance made with a fixed timeout
    // (`const http = axios.create({ baseURL, timeout: 5000 })` … `http.post('/telemetry', r)`).
    const HTTP_VERBS: &[&str] = &["get", "post", "put", "patch", "delete", "head", "request"];
    let r = c.receiver();
    if HTTP_VERBS.contains(&c.name.as_str())
        && !r.is_empty()
        && r.chars().all(crate::syntax::is_ident_char)
        && let Some(b) = file.binding(r, c.span.start)
    {
        let made = file.src(&b.value);
        let instance = ["axios.create(", "got.extend(", "ky.create(", "ky.extend("]
            .iter()
            .any(|k| made.contains(k));
        if instance
            && let Some((_, made_args)) = made.split_once('(')
            && let Some(value) = option_value(&format!("({made_args}"), "timeout")
            && let Some(fixed) = fixed_expr(&file.text, value)
        {
            let message = format!(
                "HTTP request `{}` goes through a client made with a fixed timeout (`timeout: {fixed}`, line {}) instead of the caller's remaining deadline (`call.getDeadline()`)",
                c.callee,
                file.position(b.value.start).0
            );
            return Some((message, true));
        }
    }
    let delay = args.trim_matches(['(', ')', ' ']);
    if c.callee == "AbortSignal.timeout"
        && (is_number(delay) || resolved_duration(file, delay, 0.001).is_some())
    {
        let message = "`AbortSignal.timeout` with a fixed delay bounds a downstream call instead of the caller's remaining deadline";
        return Some((message.to_string(), true));
    }
    None
}

/// A call on a gRPC client stub: the receiver is bound to a client constructed with channel
/// credentials (`new pkg.Backend(addr, grpc.credentials.createInsecure())`, `new BackendClient(…)`).
pub(crate) fn is_client_call(file: &ParsedFile, c: &Call, stream: &str) -> bool {
    let r = c.receiver();
    if r.is_empty() || r == stream {
        return false;
    }
    let base = r.rsplit('.').next().unwrap_or(r);
    let skip = [
        "close",
        "on",
        "once",
        "getChannel",
        "waitForReady",
        "end",
        "destroy",
        "emit",
        "then",
        "catch",
        "bind",
        "call",
        "apply",
    ];
    if skip.contains(&c.name.as_str()) || !c.name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return false;
    }
    let constructed = file.bindings.iter().filter(|b| b.name == base).any(|b| {
        let v = file.src(&b.value).to_ascii_lowercase();
        v.starts_with("new ") && (v.contains("credentials") || v.contains("creds"))
    });
    let named = {
        let l = base.to_ascii_lowercase();
        l.ends_with("client") || l.ends_with("stub")
    };
    constructed
        || (named
            && file
                .text
                .to_ascii_lowercase()
                .contains("credentials.create"))
}

/// The value of `key: value` (or shorthand `{ key }`) in an object literal that is itself a
/// direct argument of the call (not one nested in a callback).
fn option_value<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    let mut stack: Vec<char> = Vec::new();
    let bytes = args.as_bytes();
    let mut i = 0;
    while i < args.len() {
        let ch = bytes[i] as char;
        match ch {
            '(' | '[' | '{' => stack.push(ch),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ if stack == ['(', '{'] && args[i..].starts_with(key) => {
                let before = args[..i].trim_end();
                let boundary = before.ends_with('{') || before.ends_with(',');
                let rest = args[i + key.len()..].trim_start();
                if boundary {
                    if let Some(v) = rest.strip_prefix(':') {
                        return Some(until_top_level_end(v.trim_start()));
                    }
                    if rest.starts_with(',') || rest.starts_with('}') {
                        return Some(&args[i..i + key.len()]);
                    }
                }
            }
            _ => {}
        }
        i += ch.len_utf8().max(1);
        while i < args.len() && !args.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

fn until_top_level_end(s: &str) -> &str {
    let mut depth = 0i32;
    for (i, ch) in s.char_indices() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return s[..i].trim(),
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return s[..i].trim(),
            _ => {}
        }
    }
    s.trim()
}

fn is_number(s: &str) -> bool {
    let s = s.trim().replace('_', "");
    !s.is_empty() && s.parse::<f64>().is_ok()
}

/// The fixed expression behind `value` (directly, or through one `const x = …` in the handler).
fn fixed_expr(scope: &str, value: &str) -> Option<String> {
    if is_fixed(value) {
        return Some(value.to_string());
    }
    if value.chars().all(crate::syntax::is_ident_char) {
        let init = assigned_value(scope, value)?;
        if is_fixed(init) {
            return Some(init.to_string());
        }
    }
    None
}

fn is_fixed(expr: &str) -> bool {
    let e = expr.trim();
    if e.contains("getDeadline") || has_word(e, "deadline") && !e.contains("Date.now") {
        return false;
    }
    is_number(e) || (e.contains("Date.now()") || e.contains("new Date(")) && e.contains('+')
}

/// The initializer of `const|let|var name = …;` in `scope`.
fn assigned_value<'a>(scope: &'a str, name: &str) -> Option<&'a str> {
    for kw in ["const ", "let ", "var "] {
        let pat = format!("{kw}{name}");
        if let Some(i) = scope.find(&pat) {
            let rest = scope[i + pat.len()..].trim_start();
            let rest = rest.split_once('=').map(|(ty, v)| {
                if ty.trim().is_empty() || ty.trim_start().starts_with(':') {
                    v
                } else {
                    ""
                }
            })?;
            let end = rest.find([';', '\n']).unwrap_or(rest.len());
            return Some(rest[..end].trim());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_value_reads_object_literal_keys() {
        assert_eq!(
            option_value("(id, { deadline: Date.now() + 5000 })", "deadline"),
            Some("Date.now() + 5000")
        );
        assert_eq!(
            option_value("(id, { deadline })", "deadline"),
            Some("deadline")
        );
        assert_eq!(
            option_value("(id, { timeout: 5_000, x: 1 })", "timeout"),
            Some("5_000")
        );
        assert_eq!(option_value("(deadlineMs)", "deadline"), None);
        assert_eq!(
            option_value(
                "('data', async (r) => { f(r, { deadline: 1 }) })",
                "deadline"
            ),
            None
        );
    }

    #[test]
    fn fixed_expressions_are_literals_or_now_plus_constant() {
        assert!(is_fixed("Date.now() + 5000"));
        assert!(is_fixed("5000"));
        assert!(!is_fixed("call.getDeadline()"));
        assert!(!is_fixed("deadline === Infinity ? undefined : deadline"));
    }
}
