//! Inline suppressions: `streamguard-ignore: F3 <reason>` on the flagged line or in the comment
//! lines right above it (or above the handler). A reason is required.

use streamguard_report::FindingId;

use crate::syntax::ParsedFile;

const MARKER: &str = "streamguard-ignore";

/// What the comments around a line say about one finding.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// No suppression for this finding.
    Keep,
    /// Suppressed, with the reason given.
    Suppressed(String),
    /// A suppression names the finding but gives no reason, so it does not count.
    MissingReason,
}

/// A `streamguard-ignore` comment parsed from one line.
#[derive(Debug, PartialEq, Eq)]
struct Directive {
    ids: Vec<FindingId>,
    reason: String,
}

fn parse(line: &str) -> Option<Directive> {
    let at = line.find(MARKER)?;
    let rest = line[at + MARKER.len()..].trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let mut ids = Vec::new();
    let mut reason_at = rest.len();
    let mut offset = 0;
    for token in rest.split_inclusive([' ', ',', '\t']) {
        let word = token.trim_matches([' ', ',', '\t']);
        if word.is_empty() {
            offset += token.len();
            continue;
        }
        match FindingId::parse(word) {
            Some(id) => ids.push(id),
            None => {
                reason_at = offset;
                break;
            }
        }
        offset += token.len();
    }
    let reason = rest[reason_at.min(rest.len())..]
        .trim()
        .trim_end_matches("*/")
        .trim_end_matches("-->")
        .trim()
        .to_string();
    Some(Directive { ids, reason })
}

fn is_comment_only(line: &str) -> bool {
    let t = line.trim_start();
    ["//", "#", "/*", "*", "--"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// The verdict for finding `id` at `line`, looking at the line and the comment block above it.
fn at_line(file: &ParsedFile, id: FindingId, line: u32) -> Verdict {
    let mut verdict = Verdict::Keep;
    let mut l = line;
    for step in 0..6 {
        if l == 0 {
            break;
        }
        let text = file.line_text(l);
        if step > 0 && !is_comment_only(text) {
            break;
        }
        if let Some(d) = parse(text).filter(|d| d.ids.contains(&id)) {
            if !d.reason.is_empty() {
                return Verdict::Suppressed(d.reason);
            }
            verdict = Verdict::MissingReason;
        }
        l -= 1;
    }
    verdict
}

/// The verdict for a finding at `line` of a handler declared at `handler_line`.
pub(crate) fn verdict(file: &ParsedFile, id: FindingId, line: u32, handler_line: u32) -> Verdict {
    match at_line(file, id, line) {
        Verdict::Keep if handler_line != line => at_line(file, id, handler_line),
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    fn file(text: &str) -> ParsedFile {
        ParsedFile::new("a.js".into(), Language::JavaScript, text.into())
    }

    #[test]
    fn directive_with_ids_and_reason_parses() {
        let d = parse("  // streamguard-ignore: F3, F4 sidecar enforces deadlines").unwrap();
        assert_eq!(d.ids, vec![FindingId::F3, FindingId::F4]);
        assert_eq!(d.reason, "sidecar enforces deadlines");
    }

    #[test]
    fn suppression_on_the_line_above_needs_a_reason() {
        let f = file("// streamguard-ignore: F3 proxied\nx();\n// streamguard-ignore: F3\ny();\n");
        assert_eq!(
            verdict(&f, FindingId::F3, 2, 2),
            Verdict::Suppressed("proxied".into())
        );
        assert_eq!(verdict(&f, FindingId::F3, 4, 4), Verdict::MissingReason);
        assert_eq!(verdict(&f, FindingId::F4, 2, 2), Verdict::Keep);
    }

    #[test]
    fn suppression_does_not_reach_across_code_lines() {
        let f = file("// streamguard-ignore: F3 proxied\nx();\ny();\n");
        assert_eq!(verdict(&f, FindingId::F3, 3, 3), Verdict::Keep);
    }
}
