//! What each finding is, why it matters and how to fix it: the text of `streamguard audit explain`,
//! of the SARIF rule help and of the HTML report. One markdown file per finding, under `explain/`.

use crate::FindingId;

/// The explanation of a finding as markdown: what it is, why it matters, how the probe measures
/// it, how to fix it in grpc-js, grpcio/grpc.aio, grpc-go, tonic and behind `streamguard gateway`,
/// and how streamguard fixes it.
pub fn explain(id: FindingId) -> &'static str {
    match id {
        FindingId::F1 => include_str!("explain/f1.md"),
        FindingId::F2 => include_str!("explain/f2.md"),
        FindingId::F3 => include_str!("explain/f3.md"),
        FindingId::F4 => include_str!("explain/f4.md"),
        FindingId::F5 => include_str!("explain/f5.md"),
        FindingId::F6 => include_str!("explain/f6.md"),
    }
}

/// The first paragraph of the "What it is" section: a short description for SARIF and HTML.
pub fn summary(id: FindingId) -> String {
    section(id, "What it is").unwrap_or_else(|| id.title().to_string())
}

/// The body of one `## heading` section of the explanation, paragraphs joined by blank lines.
pub(crate) fn section(id: FindingId, heading: &str) -> Option<String> {
    let text = explain(id);
    let start = text.find(&format!("## {heading}\n"))? + heading.len() + 4;
    let rest = &text[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    let body = rest[..end].trim();
    Some(
        body.split("\n\n")
            .map(|p| p.split('\n').collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explanation_has_the_same_sections_and_a_fix_for_every_stack() {
        for id in FindingId::ALL {
            let text = explain(id);
            assert!(text.starts_with(&format!("# {id} — ")), "{id}: title line");
            assert!(text.contains(id.rule_id()), "{id}: rule id");
            for heading in [
                "What it is",
                "Why it matters",
                "How the probe measures it",
                "How to fix it",
                "How streamguard fixes it",
            ] {
                assert!(
                    section(id, heading).is_some(),
                    "{id}: missing section {heading}"
                );
            }
            let fixes = section(id, "How to fix it").unwrap();
            for stack in [
                "**grpc-js**",
                "**grpcio / grpc.aio**",
                "**grpc-go**",
                "**tonic**",
                "**behind `streamguard gateway`**",
            ] {
                assert!(fixes.contains(stack), "{id}: no fix for {stack}");
            }
        }
    }

    #[test]
    fn summary_is_the_what_it_is_paragraph_on_one_line() {
        let s = summary(FindingId::F1);
        assert!(s.starts_with("The server checks the bearer token once"));
        assert!(!s.contains('\n'));
    }
}
