//! Resource ownership by pattern (`resource_owner`): `res-{sub}-*` or `mcp://users/{sub}/*`.
//! A resource is owned by the caller when it matches the pattern with `{sub}` replaced by the
//! caller's subject; a resource that does not match belongs to nobody the caller can be.

use std::borrow::Cow;

use streamguard::authz::OwnershipRule;
use streamguard::resource::{self, UriError};

/// `{sub}` exactly once, and at most one wildcard (`*` or `…`): matching is then a prefix and
/// a suffix comparison, linear in the resource's length whatever a peer sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourcePattern {
    /// The pattern before the wildcard (or all of it), split at `{sub}`.
    head: Part,
    /// The pattern after the wildcard, when there is one.
    tail: Option<Part>,
}

/// Literal text, with `{sub}` between `before` and `after` when `has_sub`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    before: String,
    after: String,
    has_sub: bool,
}

impl Part {
    fn new(text: &str) -> Part {
        match text.split_once("{sub}") {
            Some((before, after)) => Part {
                before: before.into(),
                after: after.into(),
                has_sub: true,
            },
            None => Part {
                before: text.into(),
                after: String::new(),
                has_sub: false,
            },
        }
    }

    fn len(&self, sub: &str) -> usize {
        self.before.len() + self.after.len() + if self.has_sub { sub.len() } else { 0 }
    }

    /// Whether `text` is exactly this part with `sub` filled in.
    fn is(&self, text: &str, sub: &str) -> bool {
        let Some(rest) = text.strip_prefix(self.before.as_str()) else {
            return false;
        };
        if !self.has_sub {
            return rest.is_empty();
        }
        rest.strip_prefix(sub) == Some(self.after.as_str())
    }
}

impl ResourcePattern {
    /// Parses a pattern; the error says what is wrong with it.
    pub fn parse(pattern: &str) -> Result<Self, String> {
        let normalized = pattern.replace('…', "*");
        if normalized.matches("{sub}").count() != 1 {
            return Err(format!(
                "{pattern:?} must contain {{sub}} exactly once (e.g. \"res-{{sub}}-*\")"
            ));
        }
        let mut parts = normalized.splitn(3, '*');
        let head = parts.next().unwrap_or_default();
        let tail = parts.next();
        if parts.next().is_some() {
            return Err(format!(
                "{pattern:?} has more than one wildcard; use one `*` (e.g. \"mcp://users/{{sub}}/*\")"
            ));
        }
        Ok(ResourcePattern {
            head: Part::new(head),
            tail: tail.map(Part::new),
        })
    }

    /// Whether `resource` belongs to `sub`.
    pub fn owns(&self, resource: &str, sub: &str) -> bool {
        if is_ambiguous(resource) {
            return false;
        }
        match &self.tail {
            None => self.head.is(resource, sub),
            Some(tail) => {
                let (h, t) = (self.head.len(sub), tail.len(sub));
                resource.len() >= h + t
                    && resource.is_char_boundary(h)
                    && resource.is_char_boundary(resource.len() - t)
                    && self.head.is(&resource[..h], sub)
                    && tail.is(&resource[resource.len() - t..], sub)
            }
        }
    }
}

/// Resources a server could resolve to somewhere other than they read: dot segments and
/// escaped dots, slashes or backslashes (`mcp://users/bob/../alice/x`). Refused rather than
/// guessed at.
fn is_ambiguous(resource: &str) -> bool {
    let lower = resource.to_ascii_lowercase();
    resource.contains('\\')
        || ["%2e", "%2f", "%5c"].iter().any(|e| lower.contains(e))
        || resource
            .split(['/', '?', '#'])
            .any(|seg| seg == "." || seg == "..")
}

impl OwnershipRule for ResourcePattern {
    /// Patterns cannot name an owner from the resource alone; see [`Self::permits`].
    fn owner<'u>(&self, _uri: &'u str) -> Option<&'u str> {
        None
    }

    fn permits(&self, uri: &str, sub: &str) -> bool {
        self.owns(uri, sub)
    }

    /// The gateway forwards the bytes it was sent, so the upstream acts on the resource exactly
    /// as written: a URI must already be canonical (RFC 3986), and an opaque identifier must be
    /// unambiguous printable ASCII.
    fn canonical<'u>(&self, r: &'u str) -> Result<Cow<'u, str>, UriError> {
        if self.is_uri() {
            return resource::require_canonical(r);
        }
        if r.is_empty() {
            return Err(UriError::Empty);
        }
        if r.len() > resource::MAX_URI_BYTES {
            return Err(UriError::TooLong);
        }
        if let Some(&b) = r.as_bytes().iter().find(|b| !b.is_ascii_graphic()) {
            return Err(UriError::BadCharacter(b));
        }
        if is_ambiguous(r) {
            return Err(UriError::EscapesRoot);
        }
        Ok(Cow::Borrowed(r))
    }
}

impl ResourcePattern {
    /// Whether the pattern names URIs (`scheme://…`) rather than opaque identifiers.
    fn is_uri(&self) -> bool {
        self.head.before.contains("://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_is_owned_when_it_matches_with_the_callers_sub() {
        let p = ResourcePattern::parse("res-{sub}-*").unwrap();
        assert!(p.owns("res-alice-1", "alice"));
        assert!(p.owns("res-alice-", "alice"));
        assert!(!p.owns("res-bob-1", "alice"));
        assert!(!p.owns("res-alice", "alice"));
        assert!(!p.owns("other", "alice"));
        assert!(!p.owns("alice", "alice"));
        let p = ResourcePattern::parse("mcp://users/{sub}/…").unwrap();
        assert!(p.owns("mcp://users/bob/notes", "bob"));
        assert!(!p.owns("mcp://users/bobby/notes", "bob"));
        let exact = ResourcePattern::parse("user:{sub}").unwrap();
        assert!(exact.owns("user:bob", "bob"));
        assert!(!exact.owns("user:bob2", "bob"));
    }

    #[test]
    fn a_wildcard_in_the_middle_matches_prefix_and_suffix() {
        let p = ResourcePattern::parse("files/*/{sub}.txt").unwrap();
        assert!(p.owns("files/a/b/bob.txt", "bob"));
        assert!(!p.owns("files/a/bob.txt.exe", "bob"));
        assert!(
            p.owns("files//bob.txt", "bob"),
            "the wildcard may match nothing"
        );
        assert!(
            !p.owns("files/bob.txt", "bob"),
            "prefix and suffix may not overlap"
        );
    }

    #[test]
    fn paths_that_could_resolve_elsewhere_are_never_owned() {
        let p = ResourcePattern::parse("mcp://users/{sub}/*").unwrap();
        for r in [
            "mcp://users/bob/../alice/notes",
            "mcp://users/bob/%2e%2e/alice",
            "mcp://users/bob/..%2Falice",
            "mcp://users/bob/./x",
            "mcp://users/bob/a\\..\\..\\alice",
        ] {
            assert!(!p.owns(r, "bob"), "{r}");
        }
    }

    #[test]
    fn resources_are_taken_only_in_the_form_the_upstream_will_act_on() {
        let uri = ResourcePattern::parse("mcp://users/{sub}/*").unwrap();
        assert!(uri.canonical("mcp://users/bob/notes").is_ok());
        for other in [
            "MCP://users/bob/notes",
            "mcp://users/b%6Fb/x",
            "mcp://users/bob//x",
        ] {
            assert!(uri.canonical(other).is_err(), "{other}");
        }
        let id = ResourcePattern::parse("res-{sub}-*").unwrap();
        assert!(id.canonical("res-bob-1").is_ok());
        for other in [
            "",
            "res-bob 1",
            "res-bob-\u{0}",
            "res-bob-1/../x",
            "res-bob-%2e",
            "rés",
        ] {
            assert!(id.canonical(other).is_err(), "{other:?}");
        }
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(ResourcePattern::parse("res-*").is_err());
        assert!(ResourcePattern::parse("{sub}-{sub}").is_err());
        assert!(ResourcePattern::parse("a*{sub}*").is_err());
    }

    #[test]
    fn no_input_makes_matching_panic() {
        let p = ResourcePattern::parse("é{sub}é*é").unwrap();
        for r in ["", "é", "éaé", "éaéé", "ééé", "é\u{0}é"] {
            let _ = p.owns(r, "a");
        }
        assert!(p.owns("éaéxé", "a"));
    }
}
