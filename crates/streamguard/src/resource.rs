//! Resource URIs in one canonical form, so ownership is decided on exactly the string a tool
//! will act on.
//!
//! Comparing raw strings lets `mcp://users/bob/../alice/x`, `MCP://USERS/alice/x`,
//! `mcp://users/%61lice/x` or `mcp://bob@users/alice/x` pass for something they are not.
//! [`normalize`] applies RFC 3986 §6.2.2 syntax-based normalization (scheme and host in lower
//! case, percent-encodings of unreserved characters decoded and the others in upper-case hex,
//! dot-segments removed, also when spelled `%2e%2e`) and refuses what has no single meaning:
//! userinfo, empty path segments (`//`), `..` climbing above the root, backslashes, NUL and
//! other control characters (raw or percent-encoded), encoded slashes, non-ASCII text.
//!
//! The result is a fixed point (`normalize(normalize(u)) == normalize(u)`), and an already
//! normal URI is returned borrowed: the per-message path allocates nothing for it.

use std::borrow::Cow;

use smallvec::SmallVec;

/// Resource URIs longer than this are refused.
pub const MAX_URI_BYTES: usize = 4096;

/// Why a resource URI was refused; the message says what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UriError {
    #[error("resource URI is empty")]
    Empty,
    #[error("resource URI is longer than {MAX_URI_BYTES} bytes")]
    TooLong,
    #[error("resource URI has no scheme (write e.g. mcp://users/alice/notes)")]
    Relative,
    #[error("resource URI contains a character that is not allowed there (byte {0:#04x})")]
    BadCharacter(u8),
    #[error("resource URI has a bad percent-encoding")]
    BadPercentEncoding,
    #[error(
        "resource URI percent-encodes a control character, a slash or a backslash (byte {0:#04x})"
    )]
    ForbiddenEncoded(u8),
    #[error("resource URI carries userinfo (user@host); name the resource without it")]
    Userinfo,
    #[error("resource URI has a malformed host or port")]
    BadAuthority,
    #[error("resource URI has an empty path segment (//)")]
    EmptySegment,
    #[error("resource URI climbs above its root with ..")]
    EscapesRoot,
    #[error("a relative resource reference starting with // is not accepted")]
    NetworkPath,
    #[error(
        "resource is not in canonical form (e.g. upper-case scheme or host, needless percent-encoding, dot-segments); send it as its canonical form"
    )]
    NotCanonical,
}

/// The canonical form of an absolute resource URI, or why it has none.
pub fn normalize(uri: &str) -> Result<Cow<'_, str>, UriError> {
    if uri.is_empty() {
        return Err(UriError::Empty);
    }
    if uri.len() > MAX_URI_BYTES {
        return Err(UriError::TooLong);
    }
    if let Some(&b) = uri.as_bytes().iter().find(|&&b| !is_uri_char(b)) {
        return Err(UriError::BadCharacter(b));
    }
    let scheme_end = scheme_end(uri).ok_or(UriError::Relative)?;
    let mut out = Out::new(uri);
    push_lower(&mut out, &uri[..scheme_end]);
    out.push(":");
    let mut rest = &uri[scheme_end + 1..];
    let has_authority = rest.starts_with("//");
    if has_authority {
        rest = &rest[2..];
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        out.push("//");
        authority(&mut out, &rest[..end])?;
        rest = &rest[end..];
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    path(&mut out, &rest[..path_end], has_authority)?;
    rest = &rest[path_end..];
    if let Some(q) = rest.strip_prefix('?') {
        let end = q.find('#').unwrap_or(q.len());
        out.push("?");
        out.push_cow(percent(&q[..end], is_query_char)?);
        rest = &q[end..];
    }
    if let Some(f) = rest.strip_prefix('#') {
        out.push("#");
        out.push_cow(percent(f, is_query_char)?);
    }
    Ok(out.finish())
}

/// Resolves `reference` against `base` (RFC 3986 §5.2) and normalizes the result. An absolute
/// reference is normalized as it is; a relative one (`notes`, `../x`, `/bob/x`) is taken
/// relative to `base`.
pub fn resolve<'r>(base: &str, reference: &'r str) -> Result<Cow<'r, str>, UriError> {
    if reference.is_empty() {
        return Err(UriError::Empty);
    }
    if scheme_end(reference).is_some() {
        return normalize(reference);
    }
    if reference.starts_with("//") {
        return Err(UriError::NetworkPath);
    }
    let base = normalize(base)?;
    let scheme_end = scheme_end(&base).ok_or(UriError::Relative)?;
    // The base without query and fragment; then its scheme and authority.
    let base = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    let after_scheme = &base[scheme_end + 1..];
    let origin_len = if let Some(auth) = after_scheme.strip_prefix("//") {
        scheme_end + 3 + auth.find('/').unwrap_or(auth.len())
    } else {
        scheme_end + 1
    };
    let mut joined = String::with_capacity(base.len() + reference.len() + 1);
    if reference.starts_with('/') {
        joined.push_str(&base[..origin_len]);
    } else {
        match base[origin_len..].rfind('/') {
            Some(slash) => joined.push_str(&base[..origin_len + slash + 1]),
            None => {
                joined.push_str(&base[..origin_len]);
                if origin_len > scheme_end + 1 {
                    joined.push('/');
                }
            }
        }
    }
    joined.push_str(reference);
    normalize(&joined).map(|c| Cow::Owned(c.into_owned()))
}

/// The resource a tool argument names, in canonical form: an absolute URI as it is, a relative
/// reference resolved against the resource the message declares (`base`). A relative reference
/// without a base names nothing definite and is refused.
///
/// Classifiers and handlers both call this, so the tool is handed exactly what was authorized.
pub fn target<'r>(base: Option<&str>, reference: &'r str) -> Result<Cow<'r, str>, UriError> {
    match base {
        Some(base) if !base.is_empty() => resolve(base, reference),
        _ => normalize(reference),
    }
}

/// `uri` itself when it is already in canonical form, else [`UriError::NotCanonical`] (or why it
/// has none): for code that forwards the bytes it was sent and so cannot hand on a normalized
/// copy.
pub fn require_canonical(uri: &str) -> Result<Cow<'_, str>, UriError> {
    match normalize(uri)? {
        Cow::Borrowed(same) => Ok(Cow::Borrowed(same)),
        Cow::Owned(other) if other == uri => Ok(Cow::Borrowed(uri)),
        Cow::Owned(_) => Err(UriError::NotCanonical),
    }
}

/// Whether `s` is a relative reference (has no scheme).
pub fn is_relative(s: &str) -> bool {
    scheme_end(s).is_none()
}

/// The index of the `:` ending a valid scheme, if `s` starts with one.
fn scheme_end(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = &s.as_bytes()[..colon];
    let first = *scheme.first()?;
    (first.is_ascii_alphabetic()
        && scheme
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then_some(colon)
}

fn authority(out: &mut Out<'_>, auth: &str) -> Result<(), UriError> {
    if auth.contains('@') {
        return Err(UriError::Userinfo);
    }
    let (host, port) = if auth.starts_with('[') {
        let close = auth.find(']').ok_or(UriError::BadAuthority)?;
        let literal = &auth[1..close];
        if literal.is_empty()
            || !literal
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'))
        {
            return Err(UriError::BadAuthority);
        }
        let tail = &auth[close + 1..];
        let port = match tail.strip_prefix(':') {
            Some(p) => Some(p),
            None if tail.is_empty() => None,
            None => return Err(UriError::BadAuthority),
        };
        (&auth[..=close], port)
    } else {
        match auth.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (auth, None),
        }
    };
    if !host.starts_with('[') {
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~'))
        };
        if !host.is_empty() && !host.split('.').all(label_ok) {
            return Err(UriError::BadAuthority);
        }
    }
    push_lower(out, host);
    if let Some(port) = port {
        if port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UriError::BadAuthority);
        }
        // An empty port is the same as none; leading zeros say nothing.
        if !port.is_empty() {
            let n: u32 = port.parse().map_err(|_| UriError::BadAuthority)?;
            if n > 65535 {
                return Err(UriError::BadAuthority);
            }
            let digits = port.trim_start_matches('0');
            out.push(":");
            out.push(if digits.is_empty() { "0" } else { digits });
        }
    }
    Ok(())
}

fn path(out: &mut Out<'_>, path: &str, has_authority: bool) -> Result<(), UriError> {
    if path.is_empty() {
        return Ok(());
    }
    if has_authority && !path.starts_with('/') {
        return Err(UriError::BadAuthority);
    }
    let absolute = path.starts_with('/');
    let body = if absolute { &path[1..] } else { path };
    let mut kept: SmallVec<[Cow<'_, str>; 12]> = SmallVec::new();
    let mut raw = body.split('/').peekable();
    let mut trailing_slash = false;
    while let Some(segment) = raw.next() {
        let last = raw.peek().is_none();
        let segment = percent(segment, is_pchar)?;
        match &*segment {
            "." => trailing_slash = last,
            ".." => {
                kept.pop().ok_or(UriError::EscapesRoot)?;
                trailing_slash = last;
            }
            "" if last => trailing_slash = true,
            "" => return Err(UriError::EmptySegment),
            _ => {
                kept.push(segment);
                trailing_slash = false;
            }
        }
    }
    if absolute {
        out.push("/");
    }
    for (i, s) in kept.iter().enumerate() {
        if i > 0 {
            out.push("/");
        }
        out.push(s);
    }
    if trailing_slash && !kept.is_empty() {
        out.push("/");
    }
    Ok(())
}

/// Percent-encodings normalized: unreserved characters decoded, the rest in upper-case hex;
/// encoded controls, `/` and `\` refused. Borrowed when nothing changes.
fn percent(s: &str, allowed: fn(u8) -> bool) -> Result<Cow<'_, str>, UriError> {
    let bytes = s.as_bytes();
    if let Some(&b) = bytes.iter().find(|&&b| b != b'%' && !allowed(b)) {
        return Err(UriError::BadCharacter(b));
    }
    if !bytes.contains(&b'%') {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = Out::new(s);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            let next = s[i..].find('%').map_or(s.len(), |n| i + n);
            out.push(&s[i..next]);
            i = next;
            continue;
        }
        let hex = s.get(i + 1..i + 3).ok_or(UriError::BadPercentEncoding)?;
        let byte = u8::from_str_radix(hex, 16).map_err(|_| UriError::BadPercentEncoding)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(UriError::BadPercentEncoding);
        }
        if byte < 0x20 || byte == 0x7f || byte == b'/' || byte == b'\\' {
            return Err(UriError::ForbiddenEncoded(byte));
        }
        if is_unreserved(byte) {
            let one = [byte];
            // ASCII, so always valid UTF-8.
            out.push(std::str::from_utf8(&one).unwrap_or_default());
        } else {
            out.push("%");
            push_upper_hex(&mut out, hex);
        }
        i += 3;
    }
    Ok(out.finish())
}

fn push_lower(out: &mut Out<'_>, s: &str) {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        out.push_owned(s.to_ascii_lowercase());
    } else {
        out.push(s);
    }
}

fn push_upper_hex(out: &mut Out<'_>, hex: &str) {
    if hex.bytes().any(|b| b.is_ascii_lowercase()) {
        out.push_owned(hex.to_ascii_uppercase());
    } else {
        out.push(hex);
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

fn is_pchar(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b) || matches!(b, b':' | b'@')
}

fn is_query_char(b: u8) -> bool {
    is_pchar(b) || matches!(b, b'/' | b'?')
}

/// Bytes that may appear anywhere in a URI (RFC 3986 §2): no controls, space, non-ASCII,
/// backslash, or the characters the RFC excludes (`"<>^`{|}`).
fn is_uri_char(b: u8) -> bool {
    is_unreserved(b)
        || is_sub_delim(b)
        || matches!(b, b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@' | b'%')
}

/// Output that stays a borrow of its source for as long as it repeats the source, so a URI that
/// is already normal costs no allocation.
struct Out<'s> {
    src: &'s str,
    /// Length of the source prefix the output equals (while `owned` is `None`).
    same: usize,
    owned: Option<String>,
}

impl<'s> Out<'s> {
    fn new(src: &'s str) -> Self {
        Out {
            src,
            same: 0,
            owned: None,
        }
    }

    fn push(&mut self, s: &str) {
        match &mut self.owned {
            Some(o) => o.push_str(s),
            None if self.src[self.same..].starts_with(s) => self.same += s.len(),
            None => {
                let mut o = String::with_capacity(self.src.len());
                o.push_str(&self.src[..self.same]);
                o.push_str(s);
                self.owned = Some(o);
            }
        }
    }

    fn push_owned(&mut self, s: String) {
        self.push(&s);
    }

    fn push_cow(&mut self, s: Cow<'_, str>) {
        self.push(&s);
    }

    fn finish(self) -> Cow<'s, str> {
        match self.owned {
            Some(o) => Cow::Owned(o),
            None if self.same == self.src.len() => Cow::Borrowed(self.src),
            None => Cow::Borrowed(&self.src[..self.same]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_already_canonical_uri_is_required_canonical() {
        assert_eq!(
            require_canonical("mcp://users/bob/notes").unwrap(),
            "mcp://users/bob/notes"
        );
        for other in [
            "MCP://users/bob/notes",
            "mcp://users/b%6Fb/notes",
            "mcp://users/alice/../bob/notes",
        ] {
            assert_eq!(
                require_canonical(other),
                Err(UriError::NotCanonical),
                "{other}"
            );
        }
        assert!(require_canonical("mcp://users/bob//notes").is_err());
    }

    fn n(s: &str) -> String {
        normalize(s).unwrap().into_owned()
    }

    #[test]
    fn a_normal_uri_is_returned_borrowed() {
        assert!(matches!(
            normalize("mcp://users/bob/notes").unwrap(),
            Cow::Borrowed("mcp://users/bob/notes")
        ));
    }

    #[test]
    fn scheme_and_host_are_lower_cased_path_is_not() {
        assert_eq!(n("MCP://USERS/Bob/Notes"), "mcp://users/Bob/Notes");
    }

    #[test]
    fn unreserved_percent_encodings_are_decoded_and_others_upper_cased() {
        assert_eq!(n("mcp://users/%61lice/a%2dz"), "mcp://users/alice/a-z");
        assert_eq!(n("mcp://users/bob/a%3ab"), "mcp://users/bob/a%3Ab");
        assert_eq!(n("mcp://users/bob/x?q=%7e%3d"), "mcp://users/bob/x?q=~%3D");
    }

    #[test]
    fn dot_segments_are_removed_also_when_encoded() {
        assert_eq!(n("mcp://users/bob/../alice/x"), "mcp://users/alice/x");
        assert_eq!(n("mcp://users/bob/%2e%2e/alice/x"), "mcp://users/alice/x");
        assert_eq!(n("mcp://users/bob/%2E/x"), "mcp://users/bob/x");
        assert_eq!(n("mcp://users/bob/x/."), "mcp://users/bob/x/");
        assert_eq!(n("mcp://users/bob/x/.."), "mcp://users/bob/");
    }

    #[test]
    fn what_has_no_single_meaning_is_refused() {
        for (uri, err) in [
            ("", UriError::Empty),
            ("users/bob", UriError::Relative),
            ("mcp://bob@users/alice/x", UriError::Userinfo),
            ("mcp://users//alice/x", UriError::EmptySegment),
            ("mcp://users/bob/../../x", UriError::EscapesRoot),
            ("mcp://users/bob\\..\\alice", UriError::BadCharacter(b'\\')),
            ("mcp://users/bob/\0", UriError::BadCharacter(0)),
            ("mcp://users/bob/%00", UriError::ForbiddenEncoded(0)),
            (
                "mcp://users/bob/..%2falice",
                UriError::ForbiddenEncoded(b'/'),
            ),
            ("mcp://users/bob/%5c", UriError::ForbiddenEncoded(b'\\')),
            ("mcp://users/bob/%zz", UriError::BadPercentEncoding),
            ("mcp://users/bob/%4", UriError::BadPercentEncoding),
            ("mcp://users/b\u{f6}b", UriError::BadCharacter(0xc3)),
            ("mcp://users/bob x", UriError::BadCharacter(b' ')),
            ("mcp://us%65rs/bob", UriError::BadAuthority),
            ("mcp://users:99999/bob", UriError::BadAuthority),
        ] {
            assert_eq!(normalize(uri), Err(err), "{uri:?}");
        }
    }

    #[test]
    fn ports_lose_leading_zeros_and_empty_ports_vanish() {
        assert_eq!(n("http://Host:0080/x"), "http://host:80/x");
        assert_eq!(n("http://host:/x"), "http://host/x");
    }

    #[test]
    fn relative_references_resolve_against_the_base() {
        let r = |base, rel| resolve(base, rel).map(Cow::into_owned);
        assert_eq!(
            r("mcp://users/bob/notes", "todo").unwrap(),
            "mcp://users/bob/todo"
        );
        assert_eq!(r("mcp://users/bob/", "a/b").unwrap(), "mcp://users/bob/a/b");
        assert_eq!(
            r("mcp://users/bob/x", "../alice/y").unwrap(),
            "mcp://users/alice/y"
        );
        assert_eq!(
            r("mcp://users/bob/x", "/alice/y").unwrap(),
            "mcp://users/alice/y"
        );
        assert_eq!(r("mcp://users", "bob").unwrap(), "mcp://users/bob");
        assert_eq!(
            r("mcp://users/bob/x", "MCP://users/bob/y").unwrap(),
            "mcp://users/bob/y"
        );
        assert_eq!(
            r("mcp://users/bob/x", "../../../y"),
            Err(UriError::EscapesRoot)
        );
        assert_eq!(
            r("mcp://users/bob/x", "//evil/y"),
            Err(UriError::NetworkPath)
        );
    }

    #[test]
    fn normalizing_is_a_fixed_point() {
        for uri in [
            "MCP://USERS/bob/./x/../%7Ey?a=%7e#F%2a",
            "urn:Example:%41b",
            "http://[::1]:08/a/",
        ] {
            let once = n(uri);
            assert_eq!(n(&once), once);
        }
    }
}
