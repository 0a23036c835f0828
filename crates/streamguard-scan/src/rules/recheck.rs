//! F1, shared by every family: how often a handler (or its program's interceptor) re-checks
//! the caller's token while a stream lives, and the finding when that is never or too seldom.

use streamguard_report::FindingId;

use super::message_authz::in_once_branch;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, mentions, snippet};
use crate::lang::LanguageFamily;
use crate::syntax::{Call, ParsedFile, Span};

use super::common::{Facts, MessageLoop, first_arg, nth_arg};

/// Whether a message loop re-checks the token for every message: it mentions expiry or
/// revocation, or calls a token check (other than the one at open, `verify`, though the same
/// check made again counts) or a helper that re-checks — outside a branch taken for the first
/// message only.
pub(crate) fn rechecks_per_message(
    ctx: &HandlerCtx<'_>,
    l: &MessageLoop<'_>,
    verify: Option<&Call>,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
) -> bool {
    let text = l.file.src(&l.region);
    let python = l.file.language.family() == LanguageFamily::Python;
    let every = |at: usize| !in_once_branch(text, at.saturating_sub(l.region.start), python);
    let mentioned = crate::rules::expiry_or_revocation_at(text)
        .into_iter()
        .any(|i| every(l.region.start + i));
    mentioned
        || l.file.calls_in(&l.region).iter().any(|c| {
            // The check made at open, made again for every message (`resolveApiKey(…)` looks
            // the key up anew), sees a disabled key or an expired token.
            let again = verify.is_some_and(|v| !std::ptr::eq(c, v) && v.callee == c.callee);
            verify.is_none_or(|v| !std::ptr::eq(c, v))
                && every(c.span.start)
                && (again
                    || is_auth(l.file, c)
                    || ctx.helpers_of(l.fi, c).iter().any(|(hf, hs)| {
                        crate::rules::mentions_expiry_or_revocation(ctx.project.files[*hf].src(hs))
                    }))
        })
}

/// F1: how a loop of the handler re-checks the token (mentions expiry/revocation, or calls a
/// token check other than the one at open, `verify`): for every message when it is a message
/// loop (prompt), else as often as the loop's timer fires (`timers`: the family's sleep/ticker
/// calls, whose first argument is the period; a bare number counts `plain_unit` seconds).
pub(crate) fn loop_recheck(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    verify: Option<&Call>,
    is_auth: impl Fn(&ParsedFile, &Call) -> bool,
    timers: &[&str],
    plain_unit: f64,
) -> Recheck {
    let mut found = Recheck::Never;
    for p in &ctx.pieces {
        let f = ctx.file_of(p);
        for l in f.loops_in(&p.span) {
            let rechecks = crate::rules::mentions_expiry_or_revocation(
                &ctx.text_with_helpers(p.file, &l.span),
            ) || f
                .calls_in(&l.span)
                .iter()
                .any(|c| verify.is_none_or(|v| !std::ptr::eq(c, v)) && is_auth(f, c));
            if !rechecks {
                continue;
            }
            if let Some(ml) = facts
                .loops
                .iter()
                .find(|m| std::ptr::eq(m.file, f) && m.region.contains(&l.span.start))
            {
                if rechecks_per_message(ctx, ml, verify, &is_auth) {
                    return Recheck::Promptly;
                }
                continue;
            }
            // A guard loop that waits on the events themselves (`select!` over
            // `sleep_until(exp_at)` and a revocation channel's `recv()`) ends the stream as they
            // happen; its other timers (an idle limit) pace nothing.
            let loop_text = f.src(&l.span);
            let piece_text = f.src(&p.span);
            let at_expiry = piece_text.contains("sleep_until(")
                && crate::rules::mentions_expiry_or_revocation(piece_text);
            let revocation_events = mentions(loop_text, &["revok", "revoc"])
                && [".recv()", ".changed()", "<-"]
                    .iter()
                    .any(|w| loop_text.contains(w));
            if at_expiry && revocation_events {
                return Recheck::Promptly;
            }
            let timer = f
                .calls_in(&l.span)
                .iter()
                .chain(f.calls_in(&p.span))
                .find_map(|c| {
                    timers
                        .contains(&c.name.as_str())
                        .then(|| {
                            let arg = first_arg(f.src(&c.args));
                            resolved_duration(f, arg, plain_unit)
                                .or_else(|| configured_duration(ctx, arg, plain_unit))
                                .map(|s| (s, c))
                        })
                        .flatten()
                });
            // A re-check gated by the time since the last one (`if now - last >= EVERY:`) runs as
            // often as the gate opens, whatever the loop's own pace.
            let gate = elapsed_gate(ctx, f, f.src(&l.span), plain_unit);
            found = match (gate, timer) {
                (Some((secs, what)), _) => Recheck::Every { secs, what },
                (None, Some((secs, c))) => Recheck::Every {
                    secs,
                    what: format!("{}({})", c.callee, first_arg(f.src(&c.args))),
                },
                (None, None) => Recheck::Promptly,
            };
            if found == Recheck::Promptly {
                return found;
            }
        }
    }
    found
}

/// The period of an elapsed-time gate in a loop: `if time.monotonic() - last >= REVALIDATE_EVERY`
/// (`Date.now() - last > RECHECK_MS`) followed by the re-check, with the named constant
/// resolved. A bound on the session itself (`if now - started > MAX_S: abort`) is not one.
fn elapsed_gate(
    ctx: &HandlerCtx<'_>,
    file: &ParsedFile,
    text: &str,
    plain_unit: f64,
) -> Option<(f64, String)> {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().find_map(|(k, line)| {
        let next = lines[k + 1..]
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let guards_recheck = !crate::rules::expiry_or_revocation_at(&next).is_empty()
            || mentions(&next, &["valid", "verify", "check_token", "introspect"]);
        if !guards_recheck {
            return None;
        }
        let t = line.trim_start();
        let test = t.starts_with("if ") || t.starts_with("if(") || t.starts_with("elif ");
        let elapsed = ["now", "monotonic", "time()", "since", "elapsed", "last"]
            .iter()
            .any(|w| t.to_ascii_lowercase().contains(w));
        if !test || !elapsed {
            return None;
        }
        let (_, rhs) = t.split_once(">=").or_else(|| t.split_once('>'))?;
        let operand: String = rhs
            .trim()
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c) || c == '.' || c == '_')
            .collect();
        resolved_duration(file, &operand, plain_unit)
            .or_else(|| configured_duration(ctx, &operand, plain_unit))
            .map(|s| (s, operand))
    })
}

/// What re-checks the token while the stream lives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Recheck {
    /// Nothing: the check at open is the only one.
    Never,
    /// At `exp`, on revocation, or for every message.
    Promptly,
    /// A periodic check every `secs` seconds (`what` names the timer).
    Every { secs: f64, what: String },
}

/// A periodic re-check this slow still leaves a drift window worth reporting.
pub(crate) const SLOW_RECHECK_SECS: f64 = 30.0;

/// What to do about F1, in the handler's stack.
pub(crate) fn f1_fix(family: LanguageFamily) -> &'static str {
    match family {
        LanguageFamily::Js => {
            "end the stream at `exp` (`setTimeout(() => call.destroy({ code: grpc.status.UNAUTHENTICATED, details: 'token_expired' }), claims.exp * 1000 - Date.now())`) and on revocation (a listener keyed by `jti`/`sub`)"
        }
        LanguageFamily::Go => {
            "end the stream at `exp` (`ctx, cancel := context.WithDeadline(stream.Context(), claims.ExpiresAt.Time)`, return `codes.Unauthenticated` when it is done) and on revocation (a watch keyed by `jti`/`sub`)"
        }
        LanguageFamily::Python => {
            "end the stream at `exp` (a `threading.Timer(exp - time.time(), context.cancel)`, or check `exp` and a revocation set for every message) and on revocation"
        }
        LanguageFamily::Rust => {
            "race the stream against `tokio::time::sleep_until(exp)` and a revocation watch in `tokio::select!`, or serve it through `streamguard::StreamGuardLayer`"
        }
    }
}

/// F1: the token was checked once at stream open (`verify`, in `file`) and `recheck` is all
/// that follows.
pub(crate) fn auth_drift_finding(
    ctx: &HandlerCtx<'_>,
    file: &ParsedFile,
    verify: &Call,
    role: Role,
    recheck: &Recheck,
) -> RawFinding {
    let fix = f1_fix(ctx.file.language.family());
    let message = match recheck {
        Recheck::Every { secs, what } => format!(
            "token checked at stream open (`{}`) and re-checked only every {} (`{what}`): an expired or revoked token keeps the stream for up to that long; {fix}",
            snippet(verify),
            human_secs(*secs)
        ),
        _ => format!(
            "token checked once at stream open (`{}`); nothing re-checks its expiry or revocation while the stream stays open: {fix}",
            snippet(verify)
        ),
    };
    if role == Role::Own {
        ctx.finding(
            FindingId::F1,
            file,
            verify.span.start,
            Confidence::High,
            message,
        )
    } else {
        let message = format!(
            "{message} (checked at {})",
            ctx.place(file, verify.span.start)
        );
        ctx.at_handler(FindingId::F1, Confidence::Medium, message)
    }
}

/// `90 s`, `5 min`.
pub(crate) fn human_secs(secs: f64) -> String {
    if secs >= 120.0 && (secs / 60.0).fract() == 0.0 {
        format!("{} min", secs / 60.0)
    } else {
        format!("{secs} s")
    }
}

/// Whether a re-check leaves the stream unchecked too long.
pub(crate) fn too_slow(r: &Recheck) -> bool {
    match r {
        Recheck::Never => true,
        Recheck::Promptly => false,
        Recheck::Every { secs, .. } => *secs >= SLOW_RECHECK_SECS,
    }
}

/// F1 for every family: on a long-lived stream, reports the token check at open (or the
/// program's auth interceptor, when the handler has none) unless `recheck(check at open)` finds
/// a prompt expiry/revocation check.
pub(crate) fn check_auth_drift(
    ctx: &HandlerCtx<'_>,
    facts: &Facts<'_>,
    recheck: impl Fn(Option<&Call>) -> Recheck,
    out: &mut Vec<RawFinding>,
) {
    if !facts.outlives_a_recheck() {
        return;
    }
    let Some((file, verify, role)) = facts.auth_open else {
        if let Some(interceptor) = ctx.auth_interceptor() {
            // The interceptor may end the stream itself (a deadline at `exp`, a revocation
            // watch, a re-check on a ticker); the handler may re-check too. The better wins.
            let by_handler = recheck(None);
            let by_interceptor = interceptor_recheck(ctx, interceptor.file, &interceptor.span);
            let (r, who) = match (&by_handler, &by_interceptor) {
                (Recheck::Promptly, _) | (_, Recheck::Promptly) => return,
                (Recheck::Every { secs: a, .. }, Recheck::Every { secs: b, .. }) if a <= b => {
                    (by_handler, "the handler")
                }
                (_, Recheck::Every { .. }) => (by_interceptor, "the interceptor"),
                _ => (by_handler, "the handler"),
            };
            if too_slow(&r) {
                let fix = f1_fix(ctx.file.language.family());
                let how = match &r {
                    Recheck::Every { secs, what } => format!(
                        "{who} re-checks it only every {} (`{what}`)",
                        human_secs(*secs)
                    ),
                    _ => "nothing re-checks its expiry or revocation while the stream stays open"
                        .to_string(),
                };
                let message = format!(
                    "token checked once per stream by the {}; {how}: {fix}",
                    interceptor.what
                );
                out.push(ctx.at_handler(FindingId::F1, Confidence::Medium, message));
            }
        }
        return;
    };
    let r = recheck(Some(verify));
    if too_slow(&r) {
        out.push(auth_drift_finding(ctx, file, verify, role, &r));
    }
}

/// How an auth interceptor re-checks the token of the streams it admits: a deadline or timer at
/// `exp`, a revocation watch, or a wrapped stream that fails once the session ends (prompt); a
/// loop on a ticker (as often as it ticks); or not at all.
fn interceptor_recheck(ctx: &HandlerCtx<'_>, fi: usize, span: &Span) -> Recheck {
    let file = &ctx.project.files[fi];
    let text = ctx.text_with_helpers(fi, span);
    let calls = file.calls_in(span);
    let at_expiry = calls.iter().any(|c| {
        let n = c.name.as_str();
        (n.starts_with("WithDeadline")
            || [
                "AfterFunc",
                "NewTimer",
                "setTimeout",
                "sleep_until",
                "timeout_at",
                "Timer",
                "call_later",
                "call_at",
            ]
            .contains(&n))
            && crate::rules::mentions_expiry_or_revocation(file.src(&c.args))
    });
    let revocation_watch = calls.iter().any(|c| {
        ["watch", "subscribe", "on", "changed"]
            .iter()
            .any(|w| c.name.to_ascii_lowercase().starts_with(w))
            && mentions(
                &format!("{} {}", c.callee, file.src(&c.args)),
                &["revok", "revoc", "rev."],
            )
    });
    // grpc-js: a listener on each received message that re-checks expiry.
    let per_message = (text.contains("ReceiveMessage") || text.contains("RecvMsg"))
        && crate::rules::mentions_expiry_or_revocation(&text);
    if revocation_watch || per_message {
        return Recheck::Promptly;
    }
    // A deadline at `exp` answers expiry; a revocation list polled on a slow ticker beside it
    // still leaves a drift window (reported with its period).
    let polled = polled_recheck(ctx, fi, span);
    match polled {
        Recheck::Every { .. } => polled,
        _ if at_expiry => Recheck::Promptly,
        _ => polled,
    }
}

/// How often a loop of the interceptor (or a goroutine it starts) re-checks the token: as
/// often as its ticker fires; promptly when nothing paces it; never without such a loop.
fn polled_recheck(ctx: &HandlerCtx<'_>, fi: usize, span: &Span) -> Recheck {
    let file = &ctx.project.files[fi];
    for l in file.loops_in(span) {
        let body = ctx.text_with_helpers(fi, &l.span);
        if !crate::rules::mentions_expiry_or_revocation(&body) {
            continue;
        }
        const TIMERS: &[&str] = &[
            "NewTicker",
            "Tick",
            "After",
            "Sleep",
            "interval",
            "sleep",
            "setInterval",
            "wait",
        ];
        let timer = file.calls_in(span).iter().find_map(|c| {
            if !TIMERS.contains(&c.name.as_str()) {
                return None;
            }
            let arg = if c.name == "setInterval" {
                nth_arg(file.src(&c.args), 1)
            } else {
                first_arg(file.src(&c.args))
            };
            let unit = match (file.language.family(), c.name.as_str()) {
                (LanguageFamily::Js, _) => 0.001,
                _ => 1.0,
            };
            resolved_duration(file, arg, unit)
                .or_else(|| configured_duration(ctx, arg, unit))
                .map(|s| (s, c, arg))
        });
        return match timer {
            Some((secs, c, arg)) => Recheck::Every {
                secs,
                what: format!("{}({arg})", c.callee),
            },
            None => Recheck::Promptly,
        };
    }
    Recheck::Never
}

/// The seconds a field of a configured object holds (`time.NewTicker(g.RecheckEach)` with
/// `RecheckEach: 60 * time.Second,` where the program builds the guard, in another file): the
/// one value the program's files give that field.
fn configured_duration(ctx: &HandlerCtx<'_>, expr: &str, plain_unit: f64) -> Option<f64> {
    let (_, field) = expr.trim().rsplit_once('.')?;
    if field.is_empty() || !field.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    // `RecheckEach: 60 * time.Second,` in a struct literal, or a module's constant read through
    // the module (`config.RECHECK_EVERY_S` with `RECHECK_EVERY_S = 60` in `config.py`).
    let mut values = ctx.program.files.iter().flat_map(|&fi| {
        ctx.project.files[fi].text.lines().filter_map(|l| {
            let t = l.trim_start();
            let t = ["const ", "export const ", "pub const ", "var "]
                .iter()
                .find_map(|k| t.strip_prefix(k))
                .unwrap_or(t);
            let rest = t.strip_prefix(field)?.trim_start();
            let v = match rest.strip_prefix(':') {
                Some(r) if !r.starts_with('=') => r,
                _ => rest.strip_prefix('=').filter(|r| !r.starts_with('='))?,
            };
            let v = v.split('#').next().unwrap_or("");
            duration_secs(v.trim().trim_end_matches([',', ';']), plain_unit)
        })
    });
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// The seconds of a duration expression, through one named constant of the file
/// (`time.NewTicker(recheckEvery)` with `const recheckEvery = time.Minute`), or through the
/// field an object was built with (`self._stop.wait(self._period)` with `self._period = period`
/// and `period: float = 60.0`).
pub(crate) fn resolved_duration(file: &ParsedFile, expr: &str, plain_unit: f64) -> Option<f64> {
    if let Some(s) = duration_secs(expr, plain_unit) {
        return Some(s);
    }
    if let Some(v) = field_value(&file.text, expr.trim()) {
        return duration_secs(v, plain_unit).or_else(|| constant_duration(file, v, plain_unit));
    }
    constant_duration(file, expr, plain_unit)
}

/// What a field read as `self.x` / `this.x` was set to in the module (`self.x = value`), through
/// a constructor parameter's default (`def __init__(self, timeout: float = 10.0)`).
pub(crate) fn field_value<'a>(module: &'a str, expr: &str) -> Option<&'a str> {
    let field = expr
        .strip_prefix("self.")
        .or_else(|| expr.strip_prefix("this."))?;
    if field.is_empty() || !field.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    let set = [format!("self.{field} = "), format!("this.{field} = ")];
    let value = module.lines().find_map(|l| {
        let t = l.trim_start();
        set.iter()
            .find_map(|p| t.strip_prefix(p.as_str()))
            .map(|v| {
                v.split('#')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches(';')
            })
    })?;
    if !value.is_empty() && value.chars().all(crate::syntax::is_ident_char) {
        return Some(param_default(module, value).unwrap_or(value));
    }
    Some(value)
}

/// The default of a parameter `name` in a signature of the module: `name: float = 30.0`,
/// `name=30`.
pub(crate) fn param_default<'a>(module: &'a str, name: &str) -> Option<&'a str> {
    module.match_indices(name).find_map(|(i, _)| {
        let before = module[..i].trim_end().chars().next_back();
        if !matches!(before, Some('(' | ',')) {
            return None;
        }
        let rest = &module[i + name.len()..];
        let rest = match rest.trim_start().strip_prefix(':') {
            Some(typed) => typed.split_once('=')?.1,
            None => rest.trim_start().strip_prefix('=')?,
        };
        if rest.starts_with('=') {
            return None;
        }
        let end = rest.find([',', ')', '\n']).unwrap_or(rest.len());
        let v = rest[..end].trim();
        (!v.is_empty()).then_some(v)
    })
}

/// The seconds of a named constant of the file (`const recheckEvery = time.Minute`).
fn constant_duration(file: &ParsedFile, expr: &str, plain_unit: f64) -> Option<f64> {
    let name = expr.trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| crate::syntax::is_ident_char(c) || c == '.')
    {
        return None;
    }
    let name = name.rsplit('.').next().unwrap_or(name);
    file.text.lines().find_map(|line| {
        let t = line.trim_start();
        let t = [
            "const ",
            "let ",
            "var ",
            "static ",
            "pub const ",
            "pub(crate) const ",
        ]
        .iter()
        .find_map(|k| t.strip_prefix(k))
        .unwrap_or(t);
        let rest = t.strip_prefix(name)?;
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix(':') {
            Some(r) if !r.starts_with('=') => r.split_once('=')?.1,
            _ => rest.strip_prefix(":=").or_else(|| rest.strip_prefix('='))?,
        };
        if rest.starts_with('=') {
            return None;
        }
        let value = rest.split([';', '#']).next()?.trim();
        duration_secs(value.split("//").next()?.trim(), plain_unit)
    })
}

/// Seconds in a duration expression of any stack: `60_000` (with `plain_unit` seconds per bare
/// number: 0.001 for JS milliseconds, 1 for Python seconds), `5 * time.Minute`,
/// `Duration::from_secs(60)`, `Duration::from_millis(30_000)`, `timedelta(minutes=1)`.
pub(crate) fn duration_secs(expr: &str, plain_unit: f64) -> Option<f64> {
    let e: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    let e = e.trim_end_matches([';', ')']).trim_start_matches('(');
    for (ctor, unit) in [
        ("from_secs_f64(", 1.0),
        ("from_secs(", 1.0),
        ("from_millis(", 0.001),
        ("from_mins(", 60.0),
        ("minutes=", 60.0),
        ("seconds=", 1.0),
        ("milliseconds=", 0.001),
        ("hours=", 3600.0),
        ("total=", 1.0),
        ("Timeout(", 1.0),
    ] {
        if let Some(i) = e.find(ctor) {
            let inner = &e[i + ctor.len()..];
            let end = inner.find([')', ',']).unwrap_or(inner.len());
            return product(&inner[..end], 1.0).map(|v| v * unit);
        }
    }
    let mut unit = plain_unit;
    let mut rest = e.to_string();
    for (name, u) in [
        ("time.Millisecond", 0.001),
        ("time.Second", 1.0),
        ("time.Minute", 60.0),
        ("time.Hour", 3600.0),
    ] {
        if rest.contains(name) {
            unit = u;
            rest = rest.replace(name, "1");
            break;
        }
    }
    let rest = rest.replace("time.Duration(", "(");
    product(rest.trim_matches(['(', ')']), 1.0).map(|v| v * unit)
}

/// `5*60*1_000` → 300000.0; `None` unless every factor is a number.
fn product(s: &str, acc: f64) -> Option<f64> {
    let mut v = acc;
    for factor in s.split('*') {
        let f = factor.trim().trim_matches(['(', ')']).replace('_', "");
        let digits = f
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(f.len());
        let (num, suffix) = f.split_at(digits);
        if !["", "u64", "u32", "usize", "i64", "i32", "f64", "f32", "L"].contains(&suffix) {
            return None;
        }
        v *= num.parse::<f64>().ok()?;
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_of_every_stack_are_read_in_seconds() {
        assert_eq!(duration_secs("60_000", 0.001), Some(60.0));
        assert_eq!(duration_secs("5 * 60 * 1000", 0.001), Some(300.0));
        assert_eq!(duration_secs("30 * time.Second", 1.0), Some(30.0));
        assert_eq!(duration_secs("time.Minute", 1.0), Some(60.0));
        assert_eq!(duration_secs("Duration::from_secs(60)", 1.0), Some(60.0));
        assert_eq!(duration_secs("Duration::from_millis(500)", 1.0), Some(0.5));
        assert_eq!(duration_secs("timedelta(minutes=2)", 1.0), Some(120.0));
        assert_eq!(duration_secs("45", 1.0), Some(45.0));
        assert_eq!(duration_secs("interval", 1.0), None);
    }
}
