use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, mentions};
use crate::rules::common::confidence_of;
use crate::rules::recheck::duration_secs;
use crate::rules::{mentions_expiry_or_revocation, rule};
use crate::syntax::{Call, ParsedFile};

rule! {
    /// ## What it does
    /// Finds downstream calls made in a grpcio streaming method with a fixed `timeout=`
    /// (`stub.Fetch(req, timeout=5)`, `requests.get(url, timeout=5)`) or stub calls with none.
    ///
    /// ## Why is this bad?
    /// The caller's deadline bounds the whole RPC. A fixed timeout lets the downstream work
    /// outlive it; no timeout lets it run forever.
    ///
    /// ## Example
    /// ```python
    /// for call in request_iterator:
    ///     yield self.backend.Fetch(call, timeout=5.0)
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// for call in request_iterator:
    ///     yield self.backend.Fetch(call, timeout=context.time_remaining())
    /// ```
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let scope = file.src(&piece.span);
        // A helper that re-checks the token (`still_valid(principal)` asking the auth service
        // about revocation) works for the guard, not for the caller's request.
        if piece.role != Role::Own && mentions_expiry_or_revocation(scope) {
            continue;
        }
        let confidence = confidence_of(piece.role);
        for c in file.calls_in(&piece.span) {
            let args = file.src(&c.args);
            // A wait on something in-process, or a call into the program's own code (judged
            // where it makes its downstream call, `self._actions.take(…, timeout=1.0)` being a
            // queue), passes no deadline on.
            if local_wait(file, c) {
                continue;
            }
            if !is_stub_call(file, c) {
                let helpers = ctx.helpers_of(piece.file, c);
                if !helpers.is_empty() {
                    // A fixed timeout handed to a helper that passes it to its downstream
                    // call (`self._pricing.accept(…, timeout=self._cfg.accept_timeout_s)`).
                    if let Some(fixed) = kwarg(args, "timeout")
                        .and_then(|v| fixed_timeout(ctx, scope, &file.text, v))
                        .filter(|_| passes_timeout_downstream(ctx, &helpers))
                    {
                        let message = format!(
                            "`{}` is handed a fixed `timeout={fixed}` for its downstream call instead of the caller's remaining time (`context.time_remaining()`)",
                            c.callee
                        );
                        out.push(ctx.finding(
                            FindingId::F3,
                            file,
                            c.span.start,
                            confidence,
                            message,
                        ));
                    }
                    continue;
                }
            }
            let per_call = kwarg(args, "timeout");
            if per_call.is_none()
                && let Some(fixed) = client_fixed_timeout(ctx, file, c)
            {
                let message = format!(
                    "downstream HTTP request `{}` goes through a client built with a fixed `timeout={fixed}` instead of the caller's remaining time; pass `timeout=context.time_remaining()` per request",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
                continue;
            }
            match per_call {
                // The client's own default is judged where a request goes through it (above):
                // a request may set the caller's remaining time instead.
                Some(_) if is_client_constructor(c) => {}
                Some(value) => {
                    if let Some(fixed) = fixed_timeout(ctx, scope, &file.text, value) {
                        let message = format!(
                            "downstream call `{}` uses a fixed `timeout={fixed}` instead of the caller's remaining time (`context.time_remaining()`)",
                            c.callee
                        );
                        out.push(ctx.finding(
                            FindingId::F3,
                            file,
                            c.span.start,
                            confidence,
                            message,
                        ));
                    }
                }
                None if is_stub_call(file, c) => {
                    let message = format!(
                        "downstream gRPC call `{}` carries no deadline; pass `timeout=context.time_remaining()`",
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
                None if is_unbounded_db_query(ctx, file, c) => {
                    let message = format!(
                        "database query `{}` runs with no timeout: the caller's deadline is ignored; pass `timeout=context.time_remaining()` (asyncpg) or set `statement_timeout` from it",
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
                None if is_http_call(file, c) && !client_has_timeout(file, c) => {
                    let message = format!(
                        "downstream HTTP request `{}` carries no timeout: it can outlive the caller's deadline; pass `timeout=context.time_remaining()`",
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
                None => {}
            }
        }
    }
    true
}

/// A query to a database server (asyncpg, psycopg, aiopg, aiomysql, PyMySQL) with nothing
/// bounding it: no `timeout=` of its own (checked by the caller), a connection not opened with a
/// `statement_timeout`/`command_timeout` or by a helper handed the call's context, and no
/// `asyncio.wait_for`/`asyncio.timeout` around it. A database is a downstream service like any
/// other (an in-process SQLite is not one).
fn is_unbounded_db_query(ctx: &HandlerCtx<'_>, file: &ParsedFile, c: &Call) -> bool {
    const QUERIES: &[&str] = &["fetch", "fetchrow", "fetchval", "execute", "executemany"];
    const DRIVERS: &[&str] = &[
        "import asyncpg",
        "import psycopg",
        "from psycopg",
        "import aiopg",
        "import aiomysql",
        "import pymysql",
    ];
    // What a connection's origin is bounded by: a timeout or deadline handed to the helper that
    // opens it (`with cursor(timeout_s) as cur:`), or the call's context.
    const BOUNDS: &[&str] = &["timeout", "deadline", "remaining", "context"];
    if !QUERIES.contains(&c.name.as_str()) {
        return false;
    }
    let recv = c.receiver();
    let base = recv.rsplit('.').next().unwrap_or(recv);
    if base.is_empty()
        || !mentions(base, &["conn", "pool", "cur", "db", "tx"])
        || !base.chars().all(crate::syntax::is_ident_char)
    {
        return false;
    }
    let networked = ctx.program.files.iter().any(|&fi| {
        DRIVERS
            .iter()
            .any(|d| ctx.project.files[fi].text.contains(d))
    });
    if !networked {
        return false;
    }
    // Only the enclosing function's own lines: a connection is a parameter there (handed in,
    // judged where it is opened) or opened in it.
    let Some(func) = file.func_containing(c.span.start).map(|f| &file.funcs[f]) else {
        return false;
    };
    // A parameter, a function that sets the connection's `statement_timeout` itself
    // (`conn.execute(f"SET statement_timeout = {ms}")`) or is handed a timeout, or the lookup of
    // a caller's key, token or assignment (access control, not work done for the request).
    if func.params.iter().any(|p| p.name == base)
        || mentions(
            file.src(&func.span),
            &["statement_timeout", "command_timeout"],
        )
        || func
            .params
            .iter()
            .any(|p| mentions(&p.name, &["timeout", "deadline", "remaining"]))
        || [func.name.as_str()]
            .into_iter()
            .chain(func.params.iter().map(|p| p.name.as_str()))
            .any(|n| mentions(n, crate::rules::ACCESS_CHECK_WORDS))
    {
        return false;
    }
    let before = &file.text[func.span.start..c.span.start];
    let lines: Vec<&str> = before.lines().rev().take(12).collect();
    // Bounded around it: `await asyncio.wait_for(conn.fetch(…), timeout=…)`, `async with
    // asyncio.timeout(…):`.
    if lines.iter().take(6).any(|l| {
        mentions(
            l,
            &[
                "wait_for(",
                "asyncio.timeout(",
                "timeout_at(",
                "async_timeout",
            ],
        )
    }) {
        return false;
    }
    // Where the connection came from: `with psycopg.connect(DSN, options=f"-c
    // statement_timeout={ms}") as conn:`, `async with pool.acquire() as conn:`,
    // `conn = store.conn_for(context)`.
    let origin = lines.iter().find(|l| {
        l.contains(&format!(" as {base}"))
            || l.trim_start().starts_with(&format!("{base} ="))
            || l.trim_start().starts_with(&format!("{base}="))
    });
    match origin {
        // `connect_timeout=5` bounds the connect, not the queries.
        Some(l) => !mentions(&l.replace("connect_timeout=", ""), BOUNDS),
        // A connection handed in: judged where it is opened.
        None => false,
    }
}

/// The fixed timeout of the HTTP client an HTTP request goes through: a client the file builds
/// with one (`aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))`,
/// `httpx.AsyncClient(timeout=10)`), the request's receiver being that client or a name bound
/// to what one of the file's own methods returns (`session = await self._client()`).
fn client_fixed_timeout(ctx: &HandlerCtx<'_>, file: &ParsedFile, c: &Call) -> Option<String> {
    const VERBS: &[&str] = &["get", "post", "put", "patch", "delete", "head", "request"];
    if !VERBS.contains(&c.name.as_str()) {
        return None;
    }
    let recv = c.receiver();
    let base = recv.rsplit('.').next().unwrap_or(recv);
    if base.is_empty() {
        return None;
    }
    // `session().get(…)`: a module function of the file that hands out its client.
    let from_own_function = recv.strip_suffix("()").is_some_and(|f| {
        let name = f.rsplit('.').next().unwrap_or(f);
        file.funcs.iter().any(|g| g.name == name)
    });
    let from_own_method = from_own_function
        || file.bindings.iter().any(|b| {
            b.name == base && {
                let v = file.src(&b.value).trim_start();
                let v = v.strip_prefix("await ").unwrap_or(v);
                v.starts_with("self.") && v.ends_with("()")
            }
        });
    let clients = file.bindings.iter().filter(|b| {
        let v = file.src(&b.value);
        ["ClientSession(", "Client(", "AsyncClient("]
            .iter()
            .any(|k| v.contains(k))
            && mentions(v, &["aiohttp", "httpx"])
            && (b.name == base || from_own_method)
    });
    clients.into_iter().find_map(|b| {
        let v = file.src(&b.value);
        let open = v.find('(')?;
        let value = kwarg(&v[open..], "timeout")?;
        fixed_timeout(ctx, "", "", value)
    })
}

/// `aiohttp.ClientSession(…)`, `httpx.AsyncClient(…)`, `requests.Session(…)`: a client built,
/// not a request made.
fn is_client_constructor(c: &Call) -> bool {
    ["ClientSession", "AsyncClient", "Client", "Session"].contains(&c.name.as_str())
        && mentions(&c.callee, &["aiohttp", "httpx", "requests"])
}

/// Whether the client a call is made with was built with a timeout of its own
/// (`httpx.Client(timeout=…)`, `aiohttp.ClientSession(timeout=…)`).
fn client_has_timeout(file: &ParsedFile, c: &Call) -> bool {
    let recv = c.receiver();
    let base = recv.rsplit('.').next().unwrap_or(recv);
    file.bindings
        .iter()
        .any(|b| b.name == base && file.src(&b.value).contains("timeout"))
}

/// An HTTP request: `requests.post(…)`, `urlopen(…)`, or a method of a client the code built
/// (`self._session.post(…)` with `self._session = requests.Session()`, `httpx.Client()`,
/// `aiohttp.ClientSession()`).
pub(super) fn is_http_call(file: &ParsedFile, c: &Call) -> bool {
    const VERBS: &[&str] = &[
        "get", "post", "put", "patch", "delete", "head", "request", "send",
    ];
    let recv = c.receiver();
    let base = recv.rsplit('.').next().unwrap_or(recv);
    let module =
        ["requests", "httpx", "urllib3"].contains(&recv) && VERBS.contains(&c.name.as_str());
    let client = VERBS.contains(&c.name.as_str())
        && !base.is_empty()
        && file.bindings.iter().any(|b| {
            b.name == base
                && ["Session(", "Client(", "AsyncClient(", "PoolManager("]
                    .iter()
                    .any(|k| file.src(&b.value).contains(k))
                && mentions(
                    file.src(&b.value),
                    &["requests", "httpx", "aiohttp", "urllib3"],
                )
        });
    // A client the code names for what it is (`self._http.post(…)`, handed in by the server).
    let named = VERBS.contains(&c.name.as_str())
        && ["http", "http_client", "httpclient", "http_session"]
            .contains(&base.trim_start_matches('_').to_ascii_lowercase().as_str());
    module || client || named || c.name == "urlopen"
}

/// Waiting on something in-process (a queue, an event, a lock, a thread, a child process) is
/// not a downstream call: its timeout is not the caller's deadline to pass on.
pub(super) fn local_wait(file: &ParsedFile, c: &Call) -> bool {
    let base = c.receiver().rsplit('.').next().unwrap_or("");
    let r = base.to_ascii_lowercase();
    let waits = [
        "get",
        "put",
        "wait",
        "join",
        "acquire",
        "get_nowait",
        "communicate",
    ]
    .contains(&c.name.as_str());
    let named_local = r == "q"
        || [
            "queue",
            "_q",
            "event",
            "lock",
            "cond",
            "thread",
            "sem",
            "semaphore",
            "barrier",
            "proc",
            "process",
        ]
        .iter()
        .any(|w| r.ends_with(w));
    // `self._p = subprocess.Popen(…)`, `self._pending = queue.Queue()`.
    let built_local = !base.is_empty()
        && file.bindings.iter().any(|b| {
            b.name == base
                && mentions(
                    file.src(&b.value),
                    &[
                        "popen(",
                        "process(",
                        "thread(",
                        "queue(",
                        "event(",
                        "lock(",
                        "condition(",
                        "semaphore(",
                        "barrier(",
                    ],
                )
        });
    // `self._work = work` with `work: "queue.Queue"` in the constructor's signature.
    let assigned_from = |field: &str| {
        let set = format!("{field} = ");
        file.text.lines().find_map(|l| {
            let v = l.trim_start().strip_prefix(set.as_str())?.trim();
            v.chars()
                .all(crate::syntax::is_ident_char)
                .then(|| v.to_string())
        })
    };
    let annotated_local = waits
        && assigned_from(c.receiver()).is_some_and(|param| {
            let annotation = format!("{param}: ");
            file.text.match_indices(&annotation).any(|(i, _)| {
                let ty: String = file.text[i + annotation.len()..]
                    .chars()
                    .take_while(|ch| !matches!(ch, ',' | ')' | '=' | '\n'))
                    .collect();
                mentions(&ty, &["queue", "event", "lock", "semaphore"])
            })
        });
    (waits && named_local) || built_local || annotated_local || c.callee.starts_with("subprocess.")
}

/// A call on a gRPC stub: `self.stub.Fetch(…)`, `self._runner.Enqueue.future(…)` (a
/// receiver bound to a `…Stub(channel)`, or named like one).
pub(super) fn is_stub_call(file: &ParsedFile, c: &Call) -> bool {
    let (recv, method) = match c.name.as_str() {
        "future" | "with_call" => {
            let r = c.receiver();
            match r.rsplit_once('.') {
                Some((recv, m)) => (recv, m),
                None => return false,
            }
        }
        n => (c.receiver(), n),
    };
    let base = recv.rsplit('.').next().unwrap_or(recv);
    // A bare call (`GantrySession(context, caller)`) has no receiver to be a stub.
    if base.is_empty() {
        return false;
    }
    let annotated = format!("{base}: ");
    let stub = base.to_ascii_lowercase().ends_with("stub")
        || file.bindings.iter().any(|b| {
            let v = file.src(&b.value);
            b.name == base && (v.contains("Stub(") || v.to_ascii_lowercase().contains("stub"))
        })
        // `def __init__(self, runner: jobs_pb2_grpc.RunnerStub)`
        || file.text.match_indices(&annotated).any(|(i, _)| {
            let ty: String = file.text[i + annotated.len()..]
                .chars()
                .take_while(|&c| crate::syntax::is_ident_char(c) || c == '.')
                .collect();
            ty.ends_with("Stub")
        });
    stub && method.starts_with(|ch: char| ch.is_ascii_uppercase())
}

/// The value of `key=` in a Python argument list.
fn kwarg<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    let pat = format!("{key}=");
    let i = args
        .match_indices(&pat)
        .find(|(i, _)| {
            !args[..*i]
                .chars()
                .next_back()
                .is_some_and(crate::syntax::is_ident_char)
        })?
        .0;
    let v = &args[i + pat.len()..];
    let mut depth = 0i32;
    for (j, ch) in v.char_indices() {
        match ch {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return Some(v[..j].trim()),
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some(v[..j].trim()),
            _ => {}
        }
    }
    Some(v.trim())
}

fn is_number(s: &str) -> bool {
    let s = s.trim().replace('_', "");
    !s.is_empty() && s.parse::<f64>().is_ok()
}

/// Whether one of the helpers passes its `timeout` on to a stub or HTTP call.
fn passes_timeout_downstream(
    ctx: &HandlerCtx<'_>,
    helpers: &[(usize, crate::syntax::Span)],
) -> bool {
    helpers.iter().any(|(hf, hs)| {
        let h = &ctx.project.files[*hf];
        h.calls_in(hs).iter().any(|hc| {
            kwarg(h.src(&hc.args), "timeout") == Some("timeout")
                && !local_wait(h, hc)
                && (is_stub_call(h, hc) || is_http_call(h, hc))
        })
    })
}

/// A `timeout=` value that is the same for every caller: a literal (directly or through a
/// name) or a setting with a fixed default.
fn fixed_timeout(ctx: &HandlerCtx<'_>, scope: &str, module: &str, value: &str) -> Option<String> {
    fixed_value(scope, module, value)
        .or_else(|| configured_fixed(ctx, value))
        .or_else(|| {
            // `aiohttp.ClientTimeout(total=settings.archive_timeout_s)`: the setting inside.
            let inner = value.split_once("Timeout(")?.1.trim_end_matches(')');
            let wrapped = format!("({inner})");
            let total = kwarg(&wrapped, "total")?;
            configured_fixed(ctx, total)
        })
}

/// A timeout read from the program's settings (`timeout=self._cfg.accept_timeout_s`) whose
/// declaration gives it a fixed default: a number, or an environment variable read with a
/// numeric default (`float(os.environ.get("ACCEPT_TIMEOUT", "2.0"))`). Configured or not,
/// it is the same for every caller, whatever deadline the caller has left.
fn configured_fixed(ctx: &HandlerCtx<'_>, value: &str) -> Option<String> {
    let (owner, setting) = value.rsplit_once('.')?;
    if owner.is_empty() || !setting.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    let default = ctx.duration_setting(setting)?;
    let fixed = is_number(default)
        || (mentions(default, &["environ", "getenv"])
            && default.rsplit(['"', '\'']).nth(1).is_some_and(is_number));
    fixed.then(|| format!("{setting} = {default}"))
}

/// A literal, directly or through `name = 5` in the method or module.
fn fixed_value(scope: &str, module: &str, value: &str) -> Option<String> {
    if mentions(value, &["time_remaining", "remaining", "deadline"]) {
        return None;
    }
    // A number, or a timeout object of a fixed length (`aiohttp.ClientTimeout(total=15)`).
    let fixed =
        |v: &str| is_number(v) || (v.contains("Timeout(") && duration_secs(v, 1.0).is_some());
    if fixed(value) {
        return Some(value.to_string());
    }
    // `timeout=self._timeout`, set from a constructor parameter's default.
    if let Some(v) = crate::rules::recheck::field_value(module, value) {
        return fixed(v).then(|| format!("{value} = {v}"));
    }
    if !value.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    for hay in [scope, module] {
        for line in hay.lines() {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix(value) {
                let rest = rest.trim_start();
                if let Some(v) = rest.strip_prefix('=').filter(|r| !r.starts_with('=')) {
                    let v = v.split('#').next().unwrap_or("").trim();
                    return fixed(v).then(|| format!("{value} = {v}"));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwarg_reads_keyword_arguments() {
        assert_eq!(kwarg("(req, timeout=5.0)", "timeout"), Some("5.0"));
        assert_eq!(
            kwarg("(req, timeout=context.time_remaining())", "timeout"),
            Some("context.time_remaining()")
        );
        assert_eq!(kwarg("(req, read_timeout=3)", "timeout"), None);
    }
}
