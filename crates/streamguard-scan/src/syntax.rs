//! The language-neutral facts the rules read: functions, calls and loops of one parsed file.
//!
//! Each language module fills these from its tree-sitter tree in one iterative pass (no
//! recursion, so a deeply nested file cannot overflow the stack).

use std::ops::Range;

use tree_sitter::{Node, Tree};

use crate::Language;
use crate::decls::FileDecls;

/// A byte range of the source.
pub(crate) type Span = Range<usize>;

/// One function, method, closure-like literal or lambda.
#[derive(Debug, Clone)]
pub(crate) struct Func {
    /// The declared name, or the key/variable it is bound to, or `<anonymous>`.
    pub name: String,
    /// The class, impl type or Go receiver type it belongs to.
    pub container: Option<String>,
    /// The implemented trait (Rust) or the base classes (Python) of the container.
    pub container_bases: Option<String>,
    pub params: Vec<Param>,
    /// Return type text, if declared.
    pub ret: String,
    pub span: Span,
    pub body: Span,
    /// Where the name is (for the evidence location).
    pub name_at: usize,
    /// The callee name when this function is passed as an argument (`wrap(function (call) {…})`).
    pub wrapped_by: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub name: String,
    pub ty: String,
}

/// One call (or `new`, or macro invocation).
#[derive(Debug, Clone)]
pub(crate) struct Call {
    /// The callee text without whitespace, e.g. `call.on` or `tokio::time::timeout`.
    pub callee: String,
    /// The last identifier of the callee, e.g. `on`.
    pub name: String,
    pub args: Span,
    pub span: Span,
}

impl Call {
    /// The text before the last `.`/`::` of the callee (`call` in `call.on`).
    pub fn receiver(&self) -> &str {
        // The name ends the callee, except before a turbofish (`décodé::<Kéépér>`): cut where
        // the name itself starts.
        let end = if self.callee.ends_with(self.name.as_str()) {
            self.callee.len() - self.name.len()
        } else {
            self.callee.rfind(self.name.as_str()).unwrap_or(0)
        };
        let recv = &self.callee[..end];
        recv.strip_suffix("::")
            .or_else(|| recv.strip_suffix('.'))
            .or_else(|| recv.strip_suffix("?."))
            .unwrap_or(recv)
    }
}

/// A `for`/`while`/`loop`.
#[derive(Debug, Clone)]
pub(crate) struct Loop {
    pub span: Span,
    /// The loop header: condition or iterated expression.
    pub header: Span,
    pub body: Span,
}

/// A name bound to a value: `const impl = {…}`, `servicer = Impl()`, `srv := &server{}`.
#[derive(Debug, Clone)]
pub(crate) struct Binding {
    pub name: String,
    pub value: Span,
}

/// A JS object literal that may be a service implementation: each key and its value's span.
#[derive(Debug, Clone)]
pub(crate) struct ObjectLit {
    pub span: Span,
    pub entries: Vec<(String, Span)>,
    /// Returned from a function (`return {…}`, `() => ({…})`): what a factory makes.
    pub returned: bool,
}

/// A class (JS/TS, Python): its name and the text of its bases.
#[derive(Debug, Clone)]
pub(crate) struct Class {
    pub name: String,
    pub bases: String,
}

/// A service registration: `server.addService(svc, impl)`, `pb.RegisterXServer(s, impl)`,
/// `add_XServicer_to_server(impl, server)`, `XServer::new(impl)`.
#[derive(Debug, Clone)]
pub(crate) struct Registration {
    /// The service name as written (`RouteGuide`, `RouteGuideService`).
    pub service: String,
    /// The implementation argument; empty when the registration function is only referenced.
    pub implementation: Span,
    pub at: usize,
}

/// A function, class or closure handed to the server as an interceptor.
#[derive(Debug, Clone)]
pub(crate) struct InterceptorRef {
    /// Names the argument mentions (`authStream`, `grpc_auth.StreamServerInterceptor(authFn)` →
    /// `StreamServerInterceptor`, `authFn`).
    pub names: Vec<String>,
    /// The argument itself (an inline closure is judged from its text).
    pub span: Span,
}

/// What a file says about the gRPC servers it builds.
#[derive(Debug, Clone, Default)]
pub(crate) struct ServerFacts {
    pub registrations: Vec<Registration>,
    /// Where a server is constructed (`grpc.NewServer(`, `new grpc.Server(`, `grpc.server(`,
    /// `Server::builder()`).
    pub constructions: Vec<usize>,
    pub interceptors: Vec<InterceptorRef>,
    /// Server options bounding connection/stream lifetime: where, and the option's name.
    pub lifetime: Vec<(usize, String)>,
    /// Where streamguard's own layer is used (tonic).
    pub streamguard: Option<usize>,
}

impl ServerFacts {
    /// Adds `other`'s facts, their byte offsets moved by `to_file` (facts found in a macro body
    /// parsed on its own).
    pub fn merge_shifted(&mut self, other: ServerFacts, to_file: impl Fn(usize) -> usize) {
        let span = |s: Span| to_file(s.start)..to_file(s.end);
        self.registrations
            .extend(other.registrations.into_iter().map(|r| Registration {
                implementation: span(r.implementation),
                at: to_file(r.at),
                ..r
            }));
        self.constructions
            .extend(other.constructions.into_iter().map(&to_file));
        self.interceptors
            .extend(other.interceptors.into_iter().map(|i| InterceptorRef {
                span: span(i.span),
                ..i
            }));
        self.lifetime
            .extend(other.lifetime.into_iter().map(|(b, n)| (to_file(b), n)));
        self.streamguard = self.streamguard.or(other.streamguard.map(&to_file));
    }
}

/// Everything the rules need from one source file.
#[derive(Debug)]
pub(crate) struct ParsedFile {
    /// Path relative to the scan root, `/`-separated: what reports show, stable whatever
    /// directory the scan runs from.
    pub key: String,
    pub language: Language,
    pub text: String,
    pub line_starts: Vec<usize>,
    pub funcs: Vec<Func>,
    /// Sorted by start byte.
    pub calls: Vec<Call>,
    pub loops: Vec<Loop>,
    /// Spans of `go` statements (Go) and `yield` expressions (Python/JS generators).
    pub spawns: Vec<Span>,
    pub yields: Vec<Span>,
    /// Module specifiers this file imports (`./service`, `pkg.mod`, `example.com/x/pb`, or for
    /// Rust the names of `mod x;` declarations).
    pub imports: Vec<String>,
    /// A program entry point: Go `package main`, Rust `fn main`, Python `__main__` guard.
    pub is_entry: bool,
    pub bindings: Vec<Binding>,
    pub objects: Vec<ObjectLit>,
    pub classes: Vec<Class>,
    pub server: ServerFacts,
    /// Code that only tests compile (`#[cfg(test)] mod tests`): no handler lives there.
    pub test_regions: Vec<Span>,
    /// Declarations read off its lines, for the project's [`crate::decls::DeclIndex`].
    pub decls: FileDecls,
}

impl ParsedFile {
    pub fn new(key: String, language: Language, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            key,
            language,
            text,
            line_starts,
            funcs: Vec::new(),
            calls: Vec::new(),
            loops: Vec::new(),
            spawns: Vec::new(),
            yields: Vec::new(),
            imports: Vec::new(),
            is_entry: false,
            bindings: Vec::new(),
            objects: Vec::new(),
            classes: Vec::new(),
            server: ServerFacts::default(),
            test_regions: Vec::new(),
            decls: FileDecls::default(),
        }
    }

    /// Source text of a span; empty if the span is not on a character boundary.
    pub fn src(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, byte: usize) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&s| s <= byte).max(1);
        let col = byte.saturating_sub(self.line_starts[line - 1]) + 1;
        (line as u32, col as u32)
    }

    /// The text of a 1-based line, without the line break.
    pub fn line_text(&self, line: u32) -> &str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else {
            return "";
        };
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// Calls whose start lies inside `span`.
    pub fn calls_in(&self, span: &Span) -> &[Call] {
        let from = self.calls.partition_point(|c| c.span.start < span.start);
        let to = self.calls.partition_point(|c| c.span.start < span.end);
        &self.calls[from..to.max(from)]
    }

    pub fn loops_in<'a>(&'a self, span: &'a Span) -> impl Iterator<Item = &'a Loop> + 'a {
        self.loops
            .iter()
            .filter(move |l| l.span.start >= span.start && l.span.end <= span.end)
    }

    /// The function whose span is exactly `span`.
    pub fn func_at(&self, span: &Span) -> Option<usize> {
        self.funcs.iter().position(|f| f.span == *span)
    }

    /// The innermost function containing `byte`.
    pub fn func_containing(&self, byte: usize) -> Option<usize> {
        self.funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| f.span.contains(&byte))
            .min_by_key(|(_, f)| f.span.len())
            .map(|(i, _)| i)
    }

    /// The latest binding of `name` that starts before `before` (else the first one).
    pub fn binding(&self, name: &str, before: usize) -> Option<&Binding> {
        self.bindings
            .iter()
            .rfind(|b| b.name == name && b.value.start < before)
            .or_else(|| self.bindings.iter().find(|b| b.name == name))
    }

    /// The latest binding of `name` before `at` in a scope that `at` can see: the function
    /// holding the binding (or the file, for a top-level one) must contain `at`. A local of
    /// another function with the same name is not this one.
    pub fn local_binding(&self, name: &str, at: usize) -> Option<&Binding> {
        self.bindings.iter().rfind(|b| {
            b.name == name
                && b.value.start < at
                // The scope is the function around the binding, not a function that is its value
                // (`const onDone = () => {…}`).
                && self
                    .func_containing(b.value.start.saturating_sub(1))
                    .is_none_or(|f| self.funcs.get(f).is_some_and(|f| f.span.contains(&at)))
        })
    }

    pub fn in_test_region(&self, byte: usize) -> bool {
        self.test_regions.iter().any(|r| r.contains(&byte))
    }

    pub fn lines(&self) -> usize {
        if self.text.is_empty() {
            0
        } else {
            self.line_starts.len() - usize::from(self.text.ends_with('\n'))
        }
    }
}

/// Text of a node, empty on a bad boundary.
pub(crate) fn text<'a>(node: Node<'_>, src: &'a str) -> &'a str {
    src.get(node.byte_range()).unwrap_or("")
}

/// Text of a field of a node.
pub(crate) fn field<'a>(node: Node<'_>, name: &str, src: &'a str) -> &'a str {
    node.child_by_field_name(name)
        .map(|n| text(n, src))
        .unwrap_or("")
}

/// The [`Call`] of a call node with `function` (or, for JS `new`, `constructor`) and
/// `arguments` fields.
pub(crate) fn call_of(node: Node<'_>, src: &str) -> Option<Call> {
    let callee = node
        .child_by_field_name("function")
        .or_else(|| node.child_by_field_name("constructor"))?;
    let args = node.child_by_field_name("arguments")?;
    let callee = compact(text(callee, src));
    Some(Call {
        name: last_ident(&callee).to_string(),
        callee,
        args: args.byte_range(),
        span: node.byte_range(),
    })
}

/// The [`Loop`] of a loop node with a `body`: its header is the first of `header_fields` the
/// node has, else everything before the body.
pub(crate) fn loop_of(node: Node<'_>, header_fields: &[&str]) -> Option<Loop> {
    let body = node.child_by_field_name("body")?;
    let header = header_fields
        .iter()
        .find_map(|f| node.child_by_field_name(f))
        .map(|h| h.byte_range())
        .unwrap_or(node.start_byte()..body.start_byte());
    Some(Loop {
        span: node.byte_range(),
        header,
        body: body.byte_range(),
    })
}

/// The body of a function node, else the whole node.
pub(crate) fn body_or_node(node: Node<'_>) -> Span {
    node.child_by_field_name("body")
        .map(|b| b.byte_range())
        .unwrap_or(node.byte_range())
}

/// `a . b\n .c` → `a.b.c`, capped so a long chain cannot blow up memory. The end is kept: a
/// callee's name is at the end of its chain (`Server::builder()….layer`).
pub(crate) fn compact(s: &str) -> String {
    const CAP: usize = 160;
    let kept: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    kept[kept.len().saturating_sub(CAP)..].iter().collect()
}

/// The last identifier of a callee: `a.b.c` → `c`, `x::y::<T>` → `y`, `new Foo` → `Foo`.
pub(crate) fn last_ident(callee: &str) -> &str {
    // Drop a trailing generic group (`decode::<Claims>`), then any generics before the name.
    let mut s = callee.trim_end();
    if s.ends_with('>') {
        let mut depth = 0i32;
        for (i, c) in s.char_indices().rev() {
            match c {
                '>' => depth += 1,
                '<' => {
                    depth -= 1;
                    if depth == 0 {
                        s = &s[..i];
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    let s = s.trim_end_matches(|c: char| !is_ident_char(c));
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_ident_char(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &s[start..]
}

/// The longest prefix of `s` of at most `max` bytes that ends between two characters: a window
/// cut out of source text must not split one.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Whether `word` occurs in `hay` as a whole identifier.
pub(crate) fn has_word(hay: &str, word: &str) -> bool {
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(is_ident_char) && !after.is_some_and(is_ident_char)
    })
}

/// Visits every node of a tree in document order, without recursion.
pub(crate) fn walk_tree(tree: &Tree, mut visit: impl FnMut(Node<'_>)) {
    let mut cursor = tree.walk();
    loop {
        visit(cursor.node());
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// The nearest ancestor (at most `depth` levels up) whose kind is one of `kinds`.
pub(crate) fn ancestor<'t>(node: Node<'t>, kinds: &[&str], depth: usize) -> Option<Node<'t>> {
    let mut cur = node.parent();
    for _ in 0..depth {
        let n = cur?;
        if kinds.contains(&n.kind()) {
            return Some(n);
        }
        cur = n.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_ident_takes_the_method_name() {
        assert_eq!(last_ident("call.on"), "on");
        assert_eq!(last_ident("tokio::time::timeout"), "timeout");
        assert_eq!(last_ident("Vec::<u8>::new"), "new");
        assert_eq!(last_ident("decode::<Claims>"), "decode");
        assert_eq!(last_ident("foo"), "foo");
    }

    #[test]
    fn has_word_respects_identifier_boundaries() {
        assert!(has_word("claims.exp < now", "exp"));
        assert!(!has_word("expensive()", "exp"));
    }

    #[test]
    fn position_is_one_based() {
        let f = ParsedFile::new("a".into(), Language::Go, "ab\ncd\n".into());
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(4), (2, 2));
        assert_eq!(f.line_text(2), "cd");
        assert_eq!(f.lines(), 2);
    }
}
