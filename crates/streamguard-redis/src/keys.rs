//! The names of everything streamguard keeps in Redis, under one prefix (so several
//! deployments can share a server):
//!
//! | key | type | holds |
//! |---|---|---|
//! | `{prefix}rev:jti:{jti}` | string, TTL = retention | a revoked token |
//! | `{prefix}rev:sub:{sub}` | string (`issued_up_to`), TTL = retention or none | a revoked subject |
//! | `{prefix}revocations` | stream, trimmed by age | every revocation and lift, in order |
//! | `{prefix}rate:{identity}` | string (µs), TTL | the identity's GCRA theoretical arrival time |
//! | `{prefix}streams:{identity}` | sorted set, member → lease end (ms) | the identity's stream slots |

use streamguard::revocation::Revocation;

#[derive(Debug)]
pub(crate) struct Keys {
    prefix: String,
    pub stream: String,
}

impl Keys {
    pub fn new(prefix: &str) -> Keys {
        Keys {
            prefix: prefix.to_string(),
            stream: format!("{prefix}revocations"),
        }
    }

    pub fn revocation(&self, r: &Revocation) -> Vec<u8> {
        let (kind, value) = match r {
            Revocation::Jti(j) => ("jti", j),
            Revocation::Sub(s) => ("sub", s),
        };
        format!("{}rev:{kind}:{value}", self.prefix).into_bytes()
    }

    /// The revocation a key names, if it is one.
    pub fn parse_revocation(&self, key: &[u8]) -> Option<Revocation> {
        let rest = key
            .strip_prefix(self.prefix.as_bytes())?
            .strip_prefix(b"rev:")?;
        let value = |v: &[u8]| String::from_utf8(v.to_vec()).ok();
        if let Some(j) = rest.strip_prefix(b"jti:") {
            return value(j).map(Revocation::Jti);
        }
        rest.strip_prefix(b"sub:")
            .and_then(value)
            .map(Revocation::Sub)
    }

    /// The `SCAN MATCH` pattern of every revocation key (the prefix's glob characters escaped).
    pub fn revocation_pattern(&self) -> String {
        let mut p = String::with_capacity(self.prefix.len() + 8);
        for c in self.prefix.chars() {
            if matches!(c, '*' | '?' | '[' | ']' | '\\') {
                p.push('\\');
            }
            p.push(c);
        }
        p.push_str("rev:*");
        p
    }

    pub fn rate(&self, identity: &str) -> String {
        format!("{}rate:{identity}", self.prefix)
    }

    pub fn streams(&self, identity: &str) -> String {
        format!("{}streams:{identity}", self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revocation_key_names_its_revocation_whatever_it_contains() {
        let k = Keys::new("sg*[x]:");
        for r in [
            Revocation::Jti("a:b:c".into()),
            Revocation::Sub("rev:jti:x".into()),
            Revocation::Sub(String::new()),
        ] {
            assert_eq!(k.parse_revocation(&k.revocation(&r)), Some(r));
        }
        assert_eq!(k.parse_revocation(b"other:rev:jti:x"), None);
        assert_eq!(k.revocation_pattern(), "sg\\*\\[x\\]:rev:*");
    }
}
