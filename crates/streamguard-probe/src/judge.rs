//! How a response is judged: a denial, a rate limit, or a success.

use serde_json::Value;

use crate::config::Matcher;

const DENIAL_WORDS: &[&str] = &[
    "PERMISSION_DENIED",
    "UNAUTHENTICATED",
    "UNAUTHORIZED",
    "FORBIDDEN",
    "DENIED",
    "ACCESS_DENIED",
    "INSUFFICIENT_SCOPE",
    "RESOURCE_NOT_OWNED",
];
const LIMIT_WORDS: &[&str] = &[
    "RESOURCE_EXHAUSTED",
    "RATE_LIMIT_EXCEEDED",
    "RATE_LIMITED",
    "THROTTLED",
    "TOO_MANY_REQUESTS",
];
const STATUS_FIELDS: &[&str] = &[
    "status",
    "state",
    "outcome",
    "result",
    "code",
    "error_code",
    "reason",
    "message",
];

/// Is this response a denial? The matcher if given, else the heuristics: a set `error` field, a
/// true `is_error`, or a status-like field whose value names a denial (`PERMISSION_DENIED`, …).
pub(crate) fn is_denial(msg: &Value, matcher: Option<&Matcher>) -> bool {
    match matcher {
        Some(m) => matches(msg, m),
        None => has_error_field(msg) || words_in_status_fields(msg, DENIAL_WORDS),
    }
}

/// Is this response a rate-limit signal? The matcher if given, else a status-like field naming one.
pub(crate) fn is_rate_limited(msg: &Value, matcher: Option<&Matcher>) -> bool {
    match matcher {
        Some(m) => matches(msg, m),
        None => words_in_status_fields(msg, LIMIT_WORDS),
    }
}

/// An explicit matcher: the value at the dotted path equals one of `equals` (strings compare
/// case-insensitively), or with `equals` empty is present and not empty/false/0.
pub(crate) fn matches(msg: &Value, m: &Matcher) -> bool {
    let Some(v) = m.field.split('.').try_fold(msg, |v, part| v.get(part)) else {
        return false;
    };
    if m.equals.is_empty() {
        return !matches!(v, Value::Null | Value::Bool(false))
            && v.as_str() != Some("")
            && v.as_f64() != Some(0.0)
            && v.as_object().is_none_or(|o| !o.is_empty());
    }
    m.equals.iter().any(|want| match (want, v) {
        (Value::String(a), Value::String(b)) => a.eq_ignore_ascii_case(b),
        (a, b) => a == b,
    })
}

fn has_error_field(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.iter().any(|(k, val)| {
            let k = k.to_ascii_lowercase();
            ((k == "error" || k == "errors") && !is_empty(val))
                || ((k == "is_error" || k == "iserror") && val == &Value::Bool(true))
                || has_error_field(val)
        }),
        Value::Array(a) => a.iter().any(has_error_field),
        _ => false,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
    }
}

fn words_in_status_fields(v: &Value, words: &[&str]) -> bool {
    match v {
        Value::Object(o) => o.iter().any(|(k, val)| {
            let is_status = STATUS_FIELDS.contains(&k.to_ascii_lowercase().as_str());
            (is_status && val.as_str().is_some_and(|s| names_one_of(s, words)))
                || words_in_status_fields(val, words)
        }),
        Value::Array(a) => a.iter().any(|x| words_in_status_fields(x, words)),
        _ => false,
    }
}

fn names_one_of(s: &str, words: &[&str]) -> bool {
    let norm = s.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    words.iter().any(|w| {
        norm == *w || norm.starts_with(&format!("{w}:")) || norm.starts_with(&format!("{w}_"))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn mcp_error_event_and_is_error_are_denials() {
        assert!(is_denial(
            &json!({"request_id": "1", "error": {"code": 7, "status": "PERMISSION_DENIED", "message": "insufficient_scope"}}),
            None
        ));
        assert!(is_denial(&json!({"result": {"is_error": true}}), None));
        assert!(!is_denial(
            &json!({"request_id": "1", "result": {"content": [{"type": "text", "text": "hi"}]}}),
            None
        ));
    }

    #[test]
    fn a_status_field_naming_a_denial_is_one() {
        assert!(is_denial(
            &json!({"cmd_id": "1", "outcome": "DENIED"}),
            None
        ));
        assert!(is_denial(&json!({"state": "forbidden"}), None));
        assert!(!is_denial(
            &json!({"outcome": "OK", "body": "DENIED is a word"}),
            None
        ));
    }

    #[test]
    fn an_explicit_matcher_overrides_the_heuristics() {
        let m = Matcher {
            field: "verdict.kind".into(),
            equals: vec![json!("nope")],
        };
        assert!(is_denial(&json!({"verdict": {"kind": "NOPE"}}), Some(&m)));
        assert!(!is_denial(&json!({"error": "x"}), Some(&m)));
        let present = Matcher {
            field: "refusal".into(),
            equals: vec![],
        };
        assert!(is_denial(&json!({"refusal": {"why": "x"}}), Some(&present)));
        assert!(!is_denial(&json!({"refusal": ""}), Some(&present)));
    }

    #[test]
    fn rate_limit_words_in_status_fields_are_limits() {
        assert!(is_rate_limited(
            &json!({"error": {"status": "RESOURCE_EXHAUSTED"}}),
            None
        ));
        assert!(is_rate_limited(&json!({"outcome": "THROTTLED"}), None));
        assert!(!is_rate_limited(&json!({"outcome": "OK"}), None));
    }
}
