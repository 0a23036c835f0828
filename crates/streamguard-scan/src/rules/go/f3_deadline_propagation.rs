use streamguard_report::FindingId;

use super::{Facts, is_root_context};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::confidence_of;
use crate::rules::common::first_arg;
use crate::rules::rule;
use crate::syntax::{Call, ParsedFile};

rule! {
    /// ## What it does
    /// Finds downstream calls made in a grpc-go streaming handler with a context that does
    /// not descend from the stream's: `context.WithTimeout(context.Background(), 5*time.Second)`
    /// or a plain `context.Background()` / `context.TODO()`.
    ///
    /// ## Why is this bad?
    /// `stream.Context()` carries the caller's deadline and cancellation. A fresh root
    /// context drops both: downstream work runs past the deadline and after the client left.
    ///
    /// ## Example
    /// ```go
    /// ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
    /// defer cancel()
    /// res, err := s.backend.Fetch(ctx, req)
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// ctx, cancel := context.WithTimeout(stream.Context(), 5*time.Second) // never later than the caller's deadline
    /// defer cancel()
    /// res, err := s.backend.Fetch(ctx, req)
    /// ```
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let stream = ctx.handler.stream.as_str();
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let confidence = confidence_of(piece.role);
        for c in file.calls_in(&piece.span) {
            let arg = first_arg(file.src(&c.args));
            let message = if ["WithTimeout", "WithDeadline"].contains(&c.name.as_str()) {
                if !is_root_context(arg) || bounds_a_local_process(ctx, piece.file, c) {
                    continue;
                }
                format!(
                    "`{}({arg}, …)` gives downstream calls a fixed deadline instead of the caller's: derive it from `{stream}.Context()`",
                    c.callee
                )
            } else if derives_context(c) {
                continue;
            } else if let Some(what) = context_free_http(c) {
                format!(
                    "downstream HTTP request `{}` is made without a context ({what}): the caller's deadline is dropped; use `http.NewRequestWithContext({stream}.Context(), …)`",
                    c.callee
                )
            } else if is_root_context(arg) {
                if runs_a_local_process(ctx, piece.file, c) {
                    continue;
                }
                format!(
                    "downstream call `{}` gets `{arg}`: the caller's deadline and cancellation are dropped; pass `{stream}.Context()`",
                    c.callee
                )
            } else if let Some((root, false)) = root_derived(file, arg, c.span.start) {
                format!(
                    "downstream call `{}` gets `{arg}`, made from `{root}`: the caller's deadline is dropped; derive it from `{stream}.Context()`",
                    c.callee
                )
            } else {
                continue;
            };
            out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
        }
    }
    true
}

/// Whether the context `ctx, cancel := context.WithTimeout(…)` (the call `c`) is only handed to
/// child processes (`exec.CommandContext(ctx, …)`): its timeout bounds a local process, not a
/// downstream call (F4 still asks whether the client's cancel reaches it).
fn bounds_a_local_process(ctx: &HandlerCtx<'_>, fi: usize, c: &Call) -> bool {
    let file = &ctx.project.files[fi];
    let Some(var) = file
        .bindings
        .iter()
        .find(|b| b.value.start == c.span.start)
        .map(|b| b.name.as_str())
    else {
        return false;
    };
    let Some(scope) = file
        .func_containing(c.span.start)
        .map(|f| file.funcs[f].span.clone())
    else {
        return false;
    };
    let uses: Vec<&Call> = file
        .calls_in(&scope)
        .iter()
        .filter(|k| k.span.start > c.span.start && first_arg(file.src(&k.args)) == var)
        .collect();
    !uses.is_empty()
        && uses
            .iter()
            .all(|k| k.name == "CommandContext" || runs_a_local_process(ctx, fi, k))
}

/// Whether a call given a context is a program function that only hands that context to child
/// processes (`startLiveLadder(ctx, …)` → `exec.CommandContext(ctx, "ffmpeg", …)`).
fn runs_a_local_process(ctx: &HandlerCtx<'_>, fi: usize, c: &Call) -> bool {
    let helpers = ctx.helpers_of(fi, c);
    !helpers.is_empty()
        && helpers.iter().all(|(hf, span)| {
            let h = &ctx.project.files[*hf];
            let Some(param) = h
                .func_at(span)
                .and_then(|i| h.funcs[i].params.first())
                .map(|p| p.name.as_str())
            else {
                return false;
            };
            let uses: Vec<&Call> = h
                .calls_in(span)
                .iter()
                .filter(|k| first_arg(h.src(&k.args)) == param)
                .collect();
            !uses.is_empty() && uses.iter().all(|k| k.name == "CommandContext")
        })
}

/// An HTTP request made without a context, which neither the caller's deadline nor its cancel
/// reaches: `http.Get(url)`, `http.Post(…)`, `http.NewRequest(…)` (not `NewRequestWithContext`).
pub(crate) fn context_free_http(c: &Call) -> Option<&'static str> {
    if c.receiver() != "http" {
        return None;
    }
    match c.name.as_str() {
        "Get" | "Post" | "PostForm" | "Head" => Some("the package-level client"),
        "NewRequest" => Some("`http.NewRequest`"),
        _ => None,
    }
}

/// A call that makes a context rather than using one (`context.WithCancel`,
/// `metadata.NewOutgoingContext`).
pub(crate) fn derives_context(c: &Call) -> bool {
    c.callee.starts_with("context.")
        || c.name.ends_with("OutgoingContext")
        || c.name.ends_with("IncomingContext")
        || c.name.starts_with("With") && c.name.ends_with("Context")
}

/// When `arg` is a context variable made from `context.Background()`/`TODO()` before `at`
/// (`ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)`) and not given
/// another value since (`if req.Cancelable { ctx = stream.Context() }`): the root it was made
/// from, and whether it set a (fixed) deadline, which is reported where it is made.
pub(crate) fn root_derived(
    file: &ParsedFile,
    arg: &str,
    at: usize,
) -> Option<(&'static str, bool)> {
    if arg.is_empty() || !arg.chars().all(crate::syntax::is_ident_char) {
        return None;
    }
    let b = file.local_binding(arg, at)?;
    let value = file.src(&b.value);
    // The value makes a context (`context.WithTimeout(…)`, `metadata.NewOutgoingContext(…)`);
    // the result of a call that was given one (`out, err := s.up.Forward(context.TODO(), f)`)
    // is not a context.
    let maker = value.split('(').next().unwrap_or("").trim();
    if !(maker.starts_with("context.") || maker.ends_with("Context")) {
        return None;
    }
    let root = ["context.Background()", "context.TODO()"]
        .into_iter()
        .find(|r| value.contains(r))?;
    let assignment = format!("{arg} = ");
    let reassigned = file
        .text
        .get(b.value.end..at)
        .unwrap_or("")
        .lines()
        .any(|l| l.trim_start().starts_with(&assignment));
    (!reassigned).then(|| {
        (
            root,
            value.contains("WithTimeout(") || value.contains("WithDeadline("),
        )
    })
}
