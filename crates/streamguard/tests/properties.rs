//! Properties of the parsers a peer controls: token header and claims, `grpc-timeout`, resource
//! URIs, JSON-RPC frames and scope strings. None may panic on any input, and each keeps its
//! security invariant (a normalized URI is a fixed point and names its owner plainly; a scope is
//! granted only when the token spells it; a tool's path argument is always among the resources
//! authorized; an accepted token has a bounded lifetime).
//!
//! `cargo test` runs a short pass ([`SHORT`] cases each). The long run, at least a million cases
//! per parser, is `cargo test --release -p streamguard --test properties -- --ignored`
//! (figures in BENCHMARKS.md).

use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};
use streamguard::auth::{AuthConfig, Authenticator, KeyConfig};
use streamguard::authz::{OwnershipRule, Policy, UserPrefixOwnership};
use streamguard::deadline::parse_grpc_timeout;
use streamguard::inbound::classify_jsonrpc;
use streamguard::resource;

const SHORT: u32 = 512;
const LONG: u32 = 1_000_000;
const SECRET: &str = "property-test-secret-0123456789abcdef0123";
const MAX_LIFETIME: u64 = 3600;

/// Runs `test` over `cases` values of `strategy`; a failure or a panic fails the test with the
/// shrunk input. Prints the number of cases run (the long run's figure for BENCHMARKS.md).
fn check<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
    eprintln!(
        "{name}: {cases} cases, 0 failures, 0 panics, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

// ---------------------------------------------------------------- grpc-timeout

fn grpc_timeout(cases: u32) {
    let unit = prop::sample::select(vec!['H', 'M', 'S', 'm', 'u', 'n']);
    let valid = (0u64..=99_999_999, unit).prop_map(|(n, u)| (format!("{n}{u}"), n, u));
    check("grpc-timeout (valid)", cases / 2, valid, |(text, n, u)| {
        let d = parse_grpc_timeout(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let want = match u {
            'H' => Duration::from_secs(n * 3600),
            'M' => Duration::from_secs(n * 60),
            'S' => Duration::from_secs(n),
            'm' => Duration::from_millis(n),
            'u' => Duration::from_micros(n),
            _ => Duration::from_nanos(n),
        };
        prop_assert_eq!(d, want);
        Ok(())
    });
    let any = prop_oneof![
        any::<String>(),
        "[0-9]{0,12}[HMSmun ]{0,2}",
        "[-+0-9.]{0,10}[a-zA-Z]"
    ];
    check("grpc-timeout (any)", cases / 2, any, |text| {
        if let Ok(d) = parse_grpc_timeout(&text) {
            // Only 1-8 digits and one unit are ever accepted.
            prop_assert!(text.len() >= 2 && text.len() <= 9, "{text:?} -> {d:?}");
            prop_assert!(text[..text.len() - 1].bytes().all(|b| b.is_ascii_digit()));
        }
        Ok(())
    });
}

#[test]
fn grpc_timeout_parses_exactly_the_grammar() {
    grpc_timeout(SHORT);
}

#[test]
#[ignore = "long run: 1M cases; cargo test --release -p streamguard --test properties -- --ignored"]
fn grpc_timeout_parses_exactly_the_grammar_long_run() {
    grpc_timeout(LONG);
}

// ---------------------------------------------------------------- resource URIs

/// URI-ish strings: mostly the characters that matter (dots, slashes, percent signs, case,
/// userinfo, backslashes, NUL), sometimes anything.
fn uri_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("mcp://".to_string()),
        Just("MCP://".to_string()),
        Just("users".to_string()),
        Just("USERS".to_string()),
        Just("/".to_string()),
        Just("//".to_string()),
        Just(".".to_string()),
        Just("..".to_string()),
        Just("%2e".to_string()),
        Just("%2E%2e".to_string()),
        Just("%2f".to_string()),
        Just("%5C".to_string()),
        Just("%00".to_string()),
        Just("%61".to_string()),
        Just("%zz".to_string()),
        Just("%".to_string()),
        Just("\\".to_string()),
        Just("\0".to_string()),
        Just("@".to_string()),
        Just(":".to_string()),
        Just("?".to_string()),
        Just("#".to_string()),
        Just("[::1]".to_string()),
        Just("alice".to_string()),
        Just("bob".to_string()),
        "[a-zA-Z0-9._~-]{1,6}",
        "[ -~]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        4 => prop::collection::vec(piece, 0..16).prop_map(|p| p.concat()),
        1 => any::<String>(),
    ]
}

/// URIs and relative references that mostly normalize: the shapes a confused-deputy attempt
/// would take.
fn plausible_uri() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        3 => prop::sample::select(vec!["mcp://users/", "MCP://Users/", "mcp://users/bob/"]),
        1 => prop::sample::select(vec!["", "../", "/", "./"]),
    ];
    let segment = prop::sample::select(vec![
        "alice", "bob", "..", ".", "%2e%2e", "%2E", "%61lice", "notes", "x", "a%3Ab",
    ]);
    (prefix, prop::collection::vec(segment, 1..5))
        .prop_map(|(p, segs)| p.to_string() + &segs.join("/"))
}

fn resource_uris(cases: u32) {
    let rule = UserPrefixOwnership;
    let uri = prop_oneof![plausible_uri(), uri_strategy()];
    check("resource URI normalize", cases / 2, uri, |uri| {
        let Ok(once) = resource::normalize(&uri) else {
            return Ok(());
        };
        let twice = resource::normalize(&once)
            .map_err(|e| TestCaseError::fail(format!("{uri:?} -> {once:?} -> {e}")))?;
        prop_assert_eq!(&*twice, &*once, "not a fixed point");
        let path_end = once.find(['?', '#']).unwrap_or(once.len());
        let after_scheme = &once[once.find(':').unwrap_or(0) + 1..path_end];
        let path = after_scheme
            .strip_prefix("//")
            .map_or(after_scheme, |a| &a[a.find('/').unwrap_or(a.len())..]);
        for bad in ["//", "/./", "/../", "\\", "\0", "%2F", "%00"] {
            prop_assert!(!path.contains(bad), "{uri:?} -> {once:?} keeps {bad:?}");
        }
        prop_assert!(!path.ends_with("/..") && !path.ends_with("/."), "{once:?}");
        prop_assert!(once.is_ascii());
        // The owner a rule reads is a plain segment: no encoded or dotted disguise left.
        if let Some(owner) = rule.owner(&once) {
            prop_assert!(owner != "." && owner != "..", "{once:?}");
            // No percent-encoding of an unreserved character is left to spell a name twice.
            for (i, _) in owner.match_indices('%') {
                let byte = u8::from_str_radix(&owner[i + 1..i + 3], 16).unwrap_or(b'.');
                prop_assert!(
                    !(byte.is_ascii_alphanumeric() || b"-._~".contains(&byte)),
                    "{once:?} keeps an encoded unreserved byte"
                );
            }
        }
        Ok(())
    });
    let base = prop_oneof![
        Just("mcp://users/bob/notes".to_string()),
        Just("mcp://users/bob/".to_string()),
        Just("mcp://users".to_string()),
        uri_strategy()
    ];
    let reference = prop_oneof![plausible_uri(), uri_strategy()];
    check(
        "resource URI resolve",
        cases / 2,
        (base, reference),
        |(base, reference)| {
            if let Ok(t) = resource::resolve(&base, &reference) {
                let again = resource::normalize(&t)
                    .map_err(|e| TestCaseError::fail(format!("{t:?}: {e}")))?;
                prop_assert_eq!(&*again, &*t);
                // Resolving against bob's space never escapes upwards past the authority.
                if base == "mcp://users/bob/notes" && resource::is_relative(&reference) {
                    prop_assert!(t.starts_with("mcp://users/"), "{reference:?} -> {t:?}");
                }
            }
            Ok(())
        },
    );
}

#[test]
fn resource_uris_normalize_to_a_fixed_point_without_disguises() {
    resource_uris(SHORT);
}

#[test]
#[ignore = "long run: 1M cases; cargo test --release -p streamguard --test properties -- --ignored"]
fn resource_uris_normalize_to_a_fixed_point_without_disguises_long_run() {
    resource_uris(LONG);
}

// ---------------------------------------------------------------- JSON-RPC frames

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        uri_strategy().prop_map(Value::from),
        plausible_uri().prop_map(Value::from),
        prop::sample::select(vec![
            "read_file",
            "write_file",
            "echo",
            "tools/call",
            "path",
            "uri"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec!["name", "uri", "path", "arguments", "id", "x"])
                    .prop_map(String::from),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn jsonrpc_frames(cases: u32) {
    let policy = Policy::default();
    let tool_call = (
        prop::sample::select(vec!["read_file", "write_file", "echo", "delete_repo"]),
        prop::option::of(prop_oneof![3 => plausible_uri(), 1 => uri_strategy()]),
        prop::option::of(prop_oneof![
            4 => plausible_uri().prop_map(Value::from),
            1 => uri_strategy().prop_map(Value::from),
            1 => json_value()
        ]),
        prop::option::of(json_value()),
    )
        .prop_map(|(name, uri, path, id)| {
            let mut params = json!({"name": name, "arguments": {}});
            if let Some(u) = uri {
                params["uri"] = json!(u);
            }
            if let Some(p) = path {
                params["arguments"]["path"] = p;
            }
            json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})
        });
    let checked = std::sync::atomic::AtomicU32::new(0);
    check("JSON-RPC tools/call", cases / 2, tool_call, |msg| {
        let action = classify_jsonrpc(msg.to_string().as_bytes(), &policy);
        let name = msg["params"]["name"].as_str().unwrap_or_default();
        if action.malformed || policy.resource_arguments(name).is_empty() {
            return Ok(());
        }
        // What the tool would be handed is among the resources that get authorized.
        if let Some(path) = msg["params"]["arguments"]["path"].as_str() {
            let declared = msg["params"]["uri"].as_str();
            let target = resource::target(declared, path)
                .map_err(|e| TestCaseError::fail(format!("allowed, yet {path:?}: {e}")))?;
            prop_assert!(
                action.resources().any(|r| r == target),
                "{msg} hands {target:?}, authorizes {:?}",
                action.resources().collect::<Vec<_>>()
            );
            checked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    let checked = checked.into_inner();
    eprintln!("  of which {checked} had a path argument to check");
    assert!(
        checked >= cases / 100,
        "the property was checked on {checked} cases only"
    );
    let frame = prop_oneof![
        any::<Vec<u8>>(),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        (
            json_value(),
            prop::sample::select(vec![
                "tools/call",
                "resources/read",
                "resources/subscribe",
                "ping"
            ])
        )
            .prop_map(
                |(params, m)| json!({"id": 1, "method": m, "params": params})
                    .to_string()
                    .into_bytes()
            ),
    ];
    check("JSON-RPC any frame", cases / 2, frame, |bytes| {
        let _ = classify_jsonrpc(&bytes, &policy);
        Ok(())
    });
}

#[test]
fn jsonrpc_frames_authorize_what_the_tool_acts_on() {
    jsonrpc_frames(SHORT);
}

#[test]
#[ignore = "long run: 1M cases; cargo test --release -p streamguard --test properties -- --ignored"]
fn jsonrpc_frames_authorize_what_the_tool_acts_on_long_run() {
    jsonrpc_frames(LONG);
}

// ---------------------------------------------------------------- tokens and scopes

fn authenticator() -> &'static Authenticator {
    static AUTH: OnceLock<Authenticator> = OnceLock::new();
    AUTH.get_or_init(|| {
        Authenticator::new(AuthConfig {
            keys: vec![KeyConfig::hs256_secret(SECRET)],
            max_token_lifetime: Duration::from_secs(MAX_LIFETIME),
            ..AuthConfig::default()
        })
        .unwrap()
    })
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    })
}

fn sign(header: &str, claims: &str) -> String {
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let input = format!("{}.{}", b64(header), b64(claims));
    let sig = jsonwebtoken::crypto::sign(
        input.as_bytes(),
        &EncodingKey::from_secret(SECRET.as_bytes()),
        Algorithm::HS256,
    )
    .unwrap();
    format!("{input}.{sig}")
}

fn tokens(cases: u32) {
    let auth = authenticator();
    // Raw text: never a panic, never accepted.
    let raw = prop_oneof![
        any::<String>(),
        "[A-Za-z0-9_-]{0,40}\\.[A-Za-z0-9_-]{0,40}\\.[A-Za-z0-9_-]{0,40}",
        "[.=a-zA-Z0-9+/_-]{0,64}",
    ];
    check("token (raw text)", cases / 2, raw, |text| {
        let verdict = runtime().block_on(auth.verify(&text));
        prop_assert!(verdict.is_err(), "{text:?} accepted");
        Ok(())
    });
    // Correctly signed tokens with adversarial headers and claims: accepted only when bounded.
    let time = prop_oneof![
        Just(json!(null)),
        (-100_000i64..100_000).prop_map(move |d| json!(now() as i64 + d)),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!("1700000000")),
    ];
    let header = prop_oneof![
        Just(r#"{"alg":"HS256","typ":"JWT"}"#.to_string()),
        Just(r#"{"alg":"HS256","crit":["x"],"x":1}"#.to_string()),
        Just(r#"{"alg":"HS256","crit":[]}"#.to_string()),
        Just(r#"{"alg":"none"}"#.to_string()),
        Just(r#"{"alg":"HS256","kid":"k"}"#.to_string()),
        json_value().prop_map(|v| v.to_string()),
    ];
    let claims = (
        time.clone(),
        time,
        json_value(),
        prop::option::of(uri_strategy()),
    )
        .prop_map(|(iat, exp, extra, sub)| {
            let mut c = json!({"iat": iat, "exp": exp, "extra": extra});
            if let Some(s) = sub {
                c["sub"] = json!(s);
            }
            c
        });
    check(
        "token (signed)",
        cases / 2,
        (header, claims),
        |(header, claims)| {
            let token = sign(&header, &claims.to_string());
            if let Ok(c) = runtime().block_on(auth.verify(&token)) {
                let t = now();
                prop_assert!(!header.contains("crit"), "crit accepted: {header}");
                prop_assert!(c.iat <= t + 1, "iat in the future accepted: {claims}");
                prop_assert!(c.exp >= c.iat && c.exp - c.iat <= MAX_LIFETIME, "{claims}");
                prop_assert!(c.exp + 1 >= t, "expired accepted: {claims}");
            }
            Ok(())
        },
    );
}

#[test]
fn tokens_are_accepted_only_when_signed_and_bounded() {
    tokens(SHORT);
}

#[test]
#[ignore = "long run: 1M cases; cargo test --release -p streamguard --test properties -- --ignored"]
fn tokens_are_accepted_only_when_signed_and_bounded_long_run() {
    tokens(LONG);
}

fn scopes(cases: u32) {
    let auth = authenticator();
    let word = prop_oneof![
        Just("admin".to_string()),
        Just("tools:echo".to_string()),
        "[!-~]{1,8}",
        any::<String>(),
    ];
    let sep = prop_oneof![
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\u{2003}".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{85}".to_string()),
    ];
    let scope = prop::collection::vec((word, sep), 0..6)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect::<String>());
    let shape = prop::sample::select(vec!["scope", "scp", "scopes", "scp-array"]);
    check("scope strings", cases, (scope, shape), |(scope, shape)| {
        let t = now();
        let mut claims = json!({"sub": "s", "iat": t, "exp": t + 60});
        let listed: Vec<String> = match shape {
            "scp-array" => {
                let items: Vec<String> = scope.split('\u{a0}').map(str::to_owned).collect();
                claims["scp"] = json!(items);
                items
            }
            key => {
                claims[key] = json!(scope);
                scope.split(' ').map(str::to_owned).collect()
            }
        };
        let token = sign(r#"{"alg":"HS256"}"#, &claims.to_string());
        let c = runtime()
            .block_on(auth.verify(&token))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for granted in c.scopes() {
            prop_assert!(
                granted
                    .bytes()
                    .all(|b| matches!(b, 0x21 | 0x23..=0x5b | 0x5d..=0x7e)),
                "{granted:?} is not a scope-token"
            );
            prop_assert!(
                listed.iter().any(|l| l == granted),
                "{granted:?} was never spelled as one scope in {scope:?}"
            );
        }
        Ok(())
    });
}

#[test]
fn scopes_are_granted_only_as_spelled() {
    scopes(SHORT);
}

#[test]
#[ignore = "long run: 1M cases; cargo test --release -p streamguard --test properties -- --ignored"]
fn scopes_are_granted_only_as_spelled_long_run() {
    scopes(LONG);
}
