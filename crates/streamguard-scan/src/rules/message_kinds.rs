//! F2, shared by every family: the branches of a message loop taken for one kind of message
//! (`if kind == "enrol":`, `case *pb.Req_Open:`, `Some(Msg::Select(sel)) => {`, `if open :=
//! req.GetOpen(); open != nil {`). A check made in one kind's branch authorizes that kind only:
//! the messages of another kind that name a resource are not covered by it.

/// The branches read in one message loop.
const MAX_BRANCHES: usize = 128;

/// One branch of a message loop, by byte offsets in the loop's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KindBranch {
    /// Where its header line starts.
    pub start: usize,
    /// Where the next line at its indentation or less starts (the branch's end).
    pub end: usize,
    /// The header, trimmed (`elif kind == "answer":`).
    pub header: String,
    /// The name the branch binds the message's payload to (`sel` in `Some(Msg::Select(sel))`,
    /// `v` in `v := req.GetVoid()` on the next line), when it binds one.
    pub binding: Option<String>,
}

impl KindBranch {
    pub fn contains(&self, at: usize) -> bool {
        self.start <= at && at < self.end
    }
}

/// The branches of `text` (a message loop) that dispatch on the kind of the message.
pub(crate) fn kind_branches(text: &str) -> Vec<KindBranch> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0usize, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = Vec::new();
    for (k, &(start, line)) in lines.iter().enumerate() {
        // Each branch looks ahead for its end: a bound keeps a pathological loop linear enough.
        if out.len() >= MAX_BRANCHES {
            break;
        }
        let t = line.trim();
        let Some(binding) = kind_header(t) else {
            continue;
        };
        let i = indent(line);
        let end = lines[k + 1..]
            .iter()
            .find(|(_, l)| !l.trim().is_empty() && indent(l) <= i)
            .map(|(s, _)| *s)
            .unwrap_or(text.len());
        // Go: `case req.GetVoid() != nil:` followed by `v := req.GetVoid()`.
        let binding = binding.or_else(|| {
            let next = lines.get(k + 1)?.1.trim();
            let (name, value) = next.split_once(":=")?;
            let name = name.trim();
            (value.contains(".Get") && name.chars().all(crate::syntax::is_ident_char))
                .then(|| name.to_string())
        });
        out.push(KindBranch {
            start,
            end,
            header: t.to_string(),
            binding,
        });
    }
    out
}

/// Whether a trimmed line heads a branch taken for one kind of message; `Some(binding)` with
/// the name it binds the payload to, when it binds one.
fn kind_header(t: &str) -> Option<Option<String>> {
    let literal = |s: &str| {
        ["== \"", "== '", "=== \"", "=== '", "== `"]
            .iter()
            .any(|p| s.contains(p))
    };
    let is_if = ["if ", "if(", "elif ", "} else if ", "else if "]
        .iter()
        .any(|p| t.starts_with(p));
    if t.starts_with("case ") {
        let kind = t.trim_end_matches('{').trim_end().strip_suffix(':')?;
        let kind = &kind["case ".len()..];
        // `case 'join':`, `case *pb.Request_Open:`, `case req.GetVoid() != nil:`; a condition
        // (`case !key.Covers(…):`) is not a kind.
        let of_kind = kind.starts_with(['\'', '"', '`'])
            || kind.starts_with('*')
            || (kind.contains(".Get") && kind.trim_end().ends_with("!= nil"))
            || (kind.contains('.')
                && kind
                    .chars()
                    .all(|c| crate::syntax::is_ident_char(c) || c == '.'));
        return of_kind.then_some(None);
    }
    if is_if {
        // `if open := req.GetOpen(); open != nil {`
        if let Some((name, value)) = t.split_once(":=")
            && let Some((getter, test)) = value.split_once(';')
        {
            let name = name.trim_start_matches("if").trim();
            let getter = getter.trim();
            // Only a oneof accessor tested for presence: `req.GetOpen(); open != nil`, not
            // `err := json.Unmarshal(…); err != nil`.
            let accessor = getter.ends_with("()")
                && getter
                    .rsplit('.')
                    .next()
                    .is_some_and(|m| m.starts_with("Get"))
                && getter[..getter.len() - 2]
                    .chars()
                    .all(|c| crate::syntax::is_ident_char(c) || c == '.');
            if accessor
                && name.chars().all(crate::syntax::is_ident_char)
                && test.trim().starts_with(&format!("{name} != nil"))
            {
                return Some(Some(name.to_string()));
            }
        }
        let of_kind = (literal(t)
            && crate::analysis::mentions(
                t,
                &[
                    "kind", "type", "cmd", "action", "op", "method", "which", "case",
                ],
            ))
            || t.contains("WhichOneof(")
            || t.contains("HasField(");
        return of_kind.then_some(None);
    }
    // `Some(Msg::Select(sel)) => {`, `Kind::Command(cmd) =>`.
    let (pattern, _) = t.split_once("=>")?;
    let pattern = pattern.trim().trim_start_matches("Some(");
    let (path, rest) = pattern.split_once('(')?;
    let variant = path.rsplit("::").next().unwrap_or("");
    if !path.contains("::") || !variant.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let bound: String = rest
        .trim_start_matches(['&', ' '])
        .chars()
        .take_while(|c| crate::syntax::is_ident_char(*c))
        .collect();
    Some((!bound.is_empty() && bound != "_").then_some(bound))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branches_of_each_stack_are_found_with_their_extent() {
        let rust = "while let Some(msg) = inbound.next().await {\n    match msg.msg {\n        Some(Msg::Select(sel)) => {\n            check(&sel);\n        }\n        Some(Msg::Command(cmd)) => {\n            router.enqueue(&cmd).await?;\n        }\n        None => {}\n    }\n}\n";
        let b = kind_branches(rust);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].binding.as_deref(), Some("sel"));
        assert!(rust[b[0].start..b[0].end].contains("check(&sel)"));
        assert!(!rust[b[0].start..b[0].end].contains("enqueue"));
        assert_eq!(b[1].binding.as_deref(), Some("cmd"));

        let go = "for {\n\tswitch {\n\tcase req.GetVoid() != nil:\n\t\tv := req.GetVoid()\n\t\tvoid(v.GetStoreId())\n\tcase !key.Covers(x):\n\t\tdeny()\n\t}\n}\n";
        let b = kind_branches(go);
        assert_eq!(b.len(), 1, "a condition is not a kind: {b:?}");
        assert_eq!(b[0].binding.as_deref(), Some("v"));

        let py = "async for msg in it:\n    kind = msg.WhichOneof('body')\n    if kind == \"enrol\":\n        check(msg.enrol)\n    elif kind == \"answer\":\n        grade(msg.answer.exam_id)\n";
        let b = kind_branches(py);
        assert_eq!(b.len(), 2);
        assert!(py[b[1].start..b[1].end].contains("grade"));
    }
}
