//! The rules: one file per finding per language family, each a documented struct (the doc text
//! feeds `audit explain`, SARIF `help` and reports) plus a small `check` function.

pub(crate) mod common;
pub(crate) mod go;
pub(crate) mod js;
pub(crate) mod lifetime;
pub(crate) mod message_authz;
pub(crate) mod message_kinds;
pub(crate) mod python;
pub(crate) mod rate_limits;
pub(crate) mod recheck;
pub(crate) mod rust;

use std::collections::HashMap;
use std::sync::LazyLock;

use streamguard_report::FindingId;

use crate::analysis::{HandlerCtx, RawFinding};
use crate::lang::LanguageFamily;

/// Declares a rule struct whose doc comment is also available as `Rule::DOC`.
macro_rules! rule {
    ($(#[doc = $doc:literal])* pub(crate) struct $name:ident;) => {
        $(#[doc = $doc])*
        pub(crate) struct $name;

        impl $name {
            /// The doc comment above, as text.
            pub(crate) const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}
pub(crate) use rule;

/// Runs every rule of the handler's family; returns which findings were looked for.
pub(crate) fn run(ctx: &HandlerCtx<'_>, out: &mut Vec<RawFinding>) -> [bool; 6] {
    match ctx.file.language.family() {
        LanguageFamily::Js => js::run(ctx, out),
        LanguageFamily::Rust => rust::run(ctx, out),
        LanguageFamily::Go => go::run(ctx, out),
        LanguageFamily::Python => python::run(ctx, out),
    }
}

fn raw_doc(id: FindingId, family: LanguageFamily) -> &'static str {
    match family {
        LanguageFamily::Js => js::doc(id),
        LanguageFamily::Rust => rust::doc(id),
        LanguageFamily::Go => go::doc(id),
        LanguageFamily::Python => python::doc(id),
    }
}

static DOCS: LazyLock<HashMap<(FindingId, LanguageFamily), String>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for id in FindingId::ALL {
        for fam in LanguageFamily::ALL {
            let text: String = raw_doc(id, fam)
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
            m.insert((id, fam), text.trim().to_string() + "\n");
        }
    }
    m
});

/// The documentation of a rule for one language family, in Markdown with the headings
/// *What it does*, *Why is this bad?*, *Example*, *Use instead*.
pub fn rule_docs(id: FindingId, family: LanguageFamily) -> &'static str {
    DOCS.get(&(id, family)).map(String::as_str).unwrap_or("")
}

/// Per-message authorization words: a check inside the message loop mentions one of these.
pub(crate) const AUTHZ_WORDS: &[&str] = &[
    "scope",
    "authoriz",
    "authoris",
    "permission",
    "isallowed",
    "is_allowed",
    "allowed(",
    "canaccess",
    "can_access",
    "owns(",
    "ownsresource",
    "owns_resource",
    "owner",
    "policy",
    "entitle",
    "rbac",
    "check_access",
    "checkaccess",
    "permit",
    "memberof",
    "member_of",
    "ismember",
    "is_member",
    "hasaccess",
    "has_access",
    "authorize",
];

/// Identifiers that show a stream lifetime or idle limit.
/// Words that name access control (a key, a token, an owner, a permission): a database lookup in
/// a function so named guards the request; it is not work done for it (F3).
pub(crate) const ACCESS_CHECK_WORDS: &[&str] = &[
    "key",
    "auth",
    "token",
    "principal",
    "caller",
    "credential",
    "verify",
    "revok",
    "assign",
    "owner",
    "owns",
    "permission",
    "role",
    "member",
    "allowed",
];

pub(crate) const LIFETIME_WORDS: &[&str] = &[
    "lifetime",
    "max_age",
    "maxage",
    "idle",
    "max_stream",
    "maxstream",
    "max_duration",
    "maxduration",
    "max_connection_age",
    "maxconnectionage",
    "stream_ttl",
    "streamttl",
];

/// Words of an expiry or revocation re-check.
pub(crate) fn mentions_expiry_or_revocation(s: &str) -> bool {
    crate::syntax::has_word(s, "exp")
        || crate::analysis::mentions(
            s,
            &[
                "expir",
                "expires",
                "revok",
                "revoc",
                "expiresat",
                "not_after",
            ],
        )
}

/// Whether `s` mentions the token's expiry (not its revocation).
pub(crate) fn mentions_expiry(s: &str) -> bool {
    crate::syntax::has_word(s, "exp")
        || crate::analysis::mentions(s, &["expir", "expires", "not_after"])
}

/// Whether the arguments of `c` (a timer, a sleep) name the token's expiry, directly or
/// through a local name bound to an expression that does (`until_exp = claims["exp"] -
/// time.time()` … `asyncio.sleep(max(0.0, until_exp))`): the wait lasts until `exp`. A wait
/// whose length names a revocation poll is a period, not this.
pub(crate) fn waits_until_expiry(
    file: &crate::syntax::ParsedFile,
    c: &crate::syntax::Call,
) -> bool {
    let args = file.src(&c.args);
    mentions_expiry(args)
        || crate::lang::identifiers(args).take(8).any(|name| {
            file.local_binding(name, c.span.start)
                .is_some_and(|b| mentions_expiry(file.src(&b.value)))
        })
}

/// Where `s` mentions expiry or revocation (byte offsets).
pub(crate) fn expiry_or_revocation_at(s: &str) -> Vec<usize> {
    let l = s.to_ascii_lowercase();
    let mut at: Vec<usize> = ["expir", "revok", "revoc", "not_after"]
        .iter()
        .flat_map(|w| l.match_indices(w).map(|(i, _)| i))
        .collect();
    at.extend(l.match_indices("exp").map(|(i, _)| i).filter(|&i| {
        let before = l[..i].chars().next_back();
        let after = l[i + 3..].chars().next();
        !before.is_some_and(crate::syntax::is_ident_char)
            && !after.is_some_and(crate::syntax::is_ident_char)
    }));
    at
}

/// A message counter local to the handler: `let mut n = 0;` / `n := 0` / `n = 0` declared
/// outside the loops, incremented and compared inside one. Returns its byte offset in `text`
/// and its name.
pub(crate) fn local_counter(text: &str, loop_texts: &[&str]) -> Option<(usize, String)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let t = line.trim();
        let t = t.strip_prefix("let ").unwrap_or(t);
        let t = t.strip_prefix("mut ").unwrap_or(t);
        let t = t.strip_prefix("var ").unwrap_or(t);
        let name: String = t
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect();
        if name.is_empty() || name.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let rest = t[name.len()..].trim_start();
        let rest = match rest.strip_prefix(':') {
            Some(r) if !r.starts_with('=') => r
                .trim_start()
                .trim_start_matches(|c: char| crate::syntax::is_ident_char(c))
                .trim_start(),
            _ => rest,
        };
        // `window_start, in_window = time.monotonic(), 0` (Python, Go): each name with the
        // value in its place.
        let tuple = rest.starts_with(',').then(|| tuple_assignment(t)).flatten();
        let rest = rest
            .strip_prefix(":=")
            .or_else(|| rest.strip_prefix('='))
            .map(str::trim);
        let pairs: Vec<(String, &str)> = match (tuple, rest) {
            (Some(pairs), _) => pairs,
            (None, Some(init)) => vec![(name.clone(), init)],
            (None, None) => continue,
        };
        if let Some((name, _)) = pairs
            .into_iter()
            .find(|(name, init)| counted_in_loops(name, init, loop_texts))
        {
            return Some((at + line.len() - line.trim_start().len(), name));
        }
    }
    None
}

/// `a, b = x, 0` / `a, b := x, 0`: each name with its value.
fn tuple_assignment(t: &str) -> Option<Vec<(String, &str)>> {
    let (left, right) = t.split_once(":=").or_else(|| t.split_once('='))?;
    if right.starts_with('=') {
        return None;
    }
    let names: Vec<&str> = left.split(',').map(str::trim).collect();
    let values: Vec<&str> = right.split(',').map(str::trim).collect();
    (names.len() == values.len()
        && names
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(crate::syntax::is_ident_char)))
    .then(|| names.into_iter().map(str::to_string).zip(values).collect())
}

/// Whether `name`, initialized to `init` before the loops, counts messages in one of them:
/// up from zero to a cap, or down from a budget (`let mut budget = LIMIT;` … `budget -= 1` …
/// `if budget == 0`).
fn counted_in_loops(name: &str, init: &str, loop_texts: &[&str]) -> bool {
    let has = |l: &str, forms: &[String]| forms.iter().any(|p| l.contains(p.as_str()));
    loop_texts.iter().any(|l| {
        let up = is_zero(init)
            && has(
                l,
                &[
                    format!("{name} += 1"),
                    format!("{name}++"),
                    format!("++{name}"),
                    format!("{name}+=1"),
                ],
            )
            && has(l, &[format!("{name} >"), format!("{name}>")]);
        let budget = init
            .trim_end_matches(';')
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && has(
                l,
                &[
                    format!("{name} -= 1"),
                    format!("{name}--"),
                    format!("{name}-=1"),
                ],
            )
            && has(
                l,
                &[
                    format!("{name} == 0"),
                    format!("{name} <= 0"),
                    format!("{name} < 1"),
                ],
            );
        up || budget
    })
}

/// `0`, `0u32`, `0usize`, `0;`.
fn is_zero(s: &str) -> bool {
    let s = s.trim().trim_end_matches(';').trim();
    s.strip_prefix('0').is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with(['u', 'i']) && rest[1..].chars().all(|c| c.is_ascii_alphanumeric())
    })
}
