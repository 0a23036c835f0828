use streamguard_report::FindingId;

use super::{Facts, first_arg, fixed_duration};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::common::confidence_of;
use crate::rules::{LIFETIME_WORDS, rule};
use crate::syntax::{Call, ParsedFile};

rule! {
    /// ## What it does
    /// Finds downstream calls made for a tonic stream with a fixed timeout:
    /// `request.set_timeout(Duration::from_secs(5))`, `tokio::time::timeout(Duration::from_secs(5), client.call(…))`,
    /// or an HTTP client's `.timeout(Duration::from_secs(5))`.
    ///
    /// ## Why is this bad?
    /// The caller's `grpc-timeout` is an absolute deadline. A fixed timeout downstream lets
    /// the work outlive the call it serves, or cuts it short when more time was left.
    ///
    /// ## Example
    /// ```rs
    /// let mut req = tonic::Request::new(query);
    /// req.set_timeout(Duration::from_secs(5));
    /// backend.fetch(req).await?;
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// let remaining = deadline.saturating_duration_since(Instant::now());
    /// let mut req = tonic::Request::new(query);
    /// req.set_timeout(remaining);
    /// backend.fetch(req).await?;
    /// ```
    /// With streamguard, take the remaining time from the stream's session.
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let timed = ctx.any_text(|t| t.contains("set_timeout(") || t.contains("timeout("));
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let scope = file.src(&piece.span);
        let confidence = confidence_of(piece.role);
        for c in file.calls_in(&piece.span) {
            if let Some(empty) = empty_deadline_arg(file.src(&c.args)) {
                let message = format!(
                    "`{}` is handed `{empty}`: the downstream work gets no deadline although the caller's `grpc-timeout` is available; pass the deadline read from the request's metadata",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
                continue;
            }
            let tonic = is_tonic_client(ctx, piece.file, c);
            // A channel built with a fixed `Endpoint::timeout` bounds every call on it by the
            // same time, whatever the caller has left.
            if tonic
                && !scope.contains("set_timeout(")
                && let Some(fixed) = built_with_fixed_timeout(file, &["Endpoint::", "Channel::"])
            {
                let message = format!(
                    "downstream gRPC call `{}` goes over a channel built with a fixed timeout (`{fixed}`) instead of the caller's remaining deadline; set `request.set_timeout(remaining)` from the caller's `grpc-timeout`",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
                continue;
            }
            // The request built by a helper that sets its timeout (`self.inner.clone()
            // .status(Self::request(msg, remaining))`, `set_timeout(left)` inside).
            let built_timed = || {
                file.calls_in(&c.args).iter().any(|inner| {
                    ctx.helpers_of(piece.file, inner)
                        .iter()
                        .any(|(hf, span)| ctx.project.files[*hf].src(span).contains("set_timeout("))
                        || file.funcs.iter().any(|f| {
                            f.name == inner.name && file.src(&f.span).contains("set_timeout(")
                        })
                })
            };
            if !timed && tonic && !built_timed() {
                let message = format!(
                    "downstream gRPC call `{}` carries no deadline: the caller's `grpc-timeout` is dropped; set `request.set_timeout(remaining)` from it",
                    c.callee
                );
                out.push(ctx.finding(
                    FindingId::F3,
                    file,
                    c.span.start,
                    Confidence::Medium,
                    message,
                ));
                continue;
            }
            if is_http_send(c)
                && !c.callee.contains(".timeout(")
                && let Some(fixed) = built_with_fixed_timeout(file, &["builder()"])
            {
                let message = format!(
                    "downstream HTTP request `{}` goes through a client built with a fixed timeout (`{fixed}`) instead of the caller's remaining deadline; set `.timeout(remaining)` on the request from the caller's `grpc-timeout`",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
                continue;
            }
            if is_http_send(c) && !c.callee.contains(".timeout(") && !client_timeout(file) {
                let message = format!(
                    "downstream HTTP request `{}` carries no timeout: it can outlive the caller's deadline; set `.timeout(remaining)` from the caller's `grpc-timeout`",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
                continue;
            }
            if is_unbounded_sqlx_query(file, c) {
                let message = format!(
                    "database query (`{}`) runs with no timeout: the caller's `grpc-timeout` is ignored; wrap it in `tokio::time::timeout(remaining, …)` or set `statement_timeout` from it",
                    c.name
                );
                out.push(ctx.finding(
                    FindingId::F3,
                    file,
                    c.span.start,
                    Confidence::Medium,
                    message,
                ));
                continue;
            }
            let args = file.src(&c.args);
            let arg = first_arg(args);
            let relevant = match c.name.as_str() {
                "set_timeout" => true,
                "timeout" => {
                    let free = c.callee == "timeout" || c.callee.ends_with("time::timeout");
                    !free || mentions(args, &["client", "stub", ".send(", "request", "call("])
                }
                _ => false,
            };
            if !relevant || mentions(arg, LIFETIME_WORDS) {
                continue;
            }
            // A default for a caller that sent no deadline (`if let Some(d) = deadline {
            // r.set_timeout(left) } else { r.set_timeout(Duration::from_secs(10)) }`).
            let before = &file.text[..c.span.start];
            let fallback = before
                .lines()
                .rev()
                .nth(1)
                .is_some_and(|l| l.trim_start().starts_with("} else"))
                && before.lines().rev().take(8).any(|l| {
                    l.contains("if let Some(") && mentions(l, &["deadline", "timeout", "remaining"])
                });
            if fallback {
                continue;
            }
            if let Some(fixed) = fixed_duration(file, scope, arg) {
                let message = format!(
                    "downstream call is bounded by a fixed timeout (`{fixed}` in `{}`) instead of the caller's remaining deadline",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
            }
        }
    }
    true
}

/// An sqlx write awaited as it is (`sqlx::query("INSERT …").bind(…).execute(&pool).await`):
/// nothing bounds it by the caller's deadline. One handed to `tokio::time::timeout(budget, q)`
/// or kept as a future is bounded where it is awaited; a write made for an access check (in a
/// function named for keys, owners or permissions) is not work done for the request. (Reads
/// are left out: most are lookups that guard the request rather than work done for it.)
fn is_unbounded_sqlx_query(file: &ParsedFile, c: &Call) -> bool {
    const RUNS: &[&str] = &["execute"];
    if !RUNS.contains(&c.name.as_str()) || !file.text.contains("sqlx") {
        return false;
    }
    let before = &file.text[..c.span.start];
    let statement_start = before.rfind([';', '{']).map_or(0, |i| i + 1);
    let statement = &file.text[statement_start..c.span.end.min(file.text.len())];
    if !["sqlx::query", "query_as", "query_scalar", "query!("]
        .iter()
        .any(|q| statement.contains(q))
    {
        return false;
    }
    let awaited = file.text[c.span.end.min(file.text.len())..]
        .trim_start()
        .starts_with(".await");
    let bounded =
        file.calls.iter().any(|t| {
            t.name == "timeout" && t.args.start <= c.span.start && c.span.end <= t.args.end
        }) || mentions(statement, &["statement_timeout", "timeout("]);
    let access_check = file.func_containing(c.span.start).is_some_and(|f| {
        let f = &file.funcs[f];
        mentions(&f.name, crate::rules::ACCESS_CHECK_WORDS)
    }) || mentions(
        statement,
        &["api_key", "owner", "operator_id", "permission", "role"],
    );
    awaited && !bounded && !access_check
}

/// An HTTP client builder in the file sets a timeout for every request
/// (`reqwest::Client::builder().timeout(…)`); a connect timeout bounds only the connection.
/// An argument that is a deadline type's empty value: `Deadline::none()`, `Budget::never()`,
/// `Timeout::unbounded()` (a type named for a deadline, timeout or budget), given as one of the
/// call's own arguments (not somewhere inside a block it is handed).
fn empty_deadline_arg(args: &str) -> Option<&str> {
    const EMPTY: &[&str] = &["::none()", "::never()", "::unbounded()", "::infinite()"];
    (0..8)
        .map(|k| crate::rules::common::nth_arg(args, k))
        .take_while(|a| !a.is_empty())
        .find_map(|arg| {
            EMPTY.iter().find_map(|e| {
                let path = arg.strip_suffix(e)?;
                let ty = path.rsplit("::").next().unwrap_or(path);
                let named = !ty.is_empty()
                    && ty.chars().all(crate::syntax::is_ident_char)
                    && mentions(ty, &["deadline", "timeout", "budget"]);
                named.then(|| &arg[path.len() - ty.len()..])
            })
        })
}

/// The fixed `.timeout(…)` of a client or channel the file builds (`reqwest::Client::builder()
/// .timeout(Duration::from_secs(10))`, `Endpoint::from_shared(url)?.timeout(…)`): the chain
/// after one of `starts`, up to its `;`.
fn built_with_fixed_timeout(file: &ParsedFile, starts: &[&str]) -> Option<String> {
    starts.iter().find_map(|start| {
        file.text.match_indices(start).find_map(|(i, _)| {
            let rest = &file.text[i..];
            let chain = crate::syntax::head(rest, rest.find(';').unwrap_or(rest.len()).min(600));
            let (_, after) = chain.split_once(".timeout(")?;
            let arg = first_arg(&format!("({after}")).to_string();
            fixed_duration(file, chain, &arg)
        })
    })
}

fn client_timeout(file: &ParsedFile) -> bool {
    file.text.match_indices("builder()").any(|(i, _)| {
        let rest = &file.text[i..];
        let chain = crate::syntax::head(rest, rest.find(';').unwrap_or(rest.len()).min(600));
        chain.contains(".timeout(")
    })
}

/// The `send()` that fires an HTTP request (`self.http.post(url).json(&body).send()`).
pub(crate) fn is_http_send(c: &Call) -> bool {
    c.name == "send"
        && [
            ".post(",
            ".get(",
            ".put(",
            ".patch(",
            ".delete(",
            ".head(",
            ".request(",
        ]
        .iter()
        .any(|m| c.callee.contains(m))
}

/// A call on a generated tonic client (`ClassifierClient<Channel>`, reached through a field, a
/// binding or an alias): not a wrapper type the program defines, nor reqwest's `Client`.
pub(crate) fn is_tonic_client(ctx: &HandlerCtx<'_>, fi: usize, c: &Call) -> bool {
    const NOT_RPC: &[&str] = &[
        "clone",
        "into_inner",
        "await",
        "map_err",
        "ok_or",
        "send",
        "recv",
        "lock",
        "read",
        "write",
        "get",
        "get_mut",
        "insert",
        "remove",
        "entry",
        "iter",
        "len",
        "is_empty",
        "contains",
        "push",
        "take",
        "borrow",
        "borrow_mut",
    ];
    let recv = c.receiver();
    if NOT_RPC.contains(&c.name.as_str())
        || recv.is_empty()
        || recv.contains('(') && !recv.ends_with(".clone()")
    {
        return false;
    }
    let Some(ty) = ctx.receiver_type(fi, c.span.start, recv) else {
        return false;
    };
    ty.len() > "Client".len()
        && ty.ends_with("Client")
        && !ty.ends_with("HttpClient")
        && ctx
            .project
            .view(ctx.handler.program)
            .methods_of(&ty)
            .is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_deadline_values_are_named_for_a_deadline() {
        assert_eq!(
            empty_deadline_arg("(&name, args, Deadline::none())"),
            Some("Deadline::none()")
        );
        assert_eq!(
            empty_deadline_arg("(req, budget::Budget::never())"),
            Some("Budget::never()")
        );
        assert_eq!(empty_deadline_arg("(req, Option::none())"), None);
        assert_eq!(empty_deadline_arg("(req, deadline)"), None);
    }
}
