//! tonic.
//!
//! A streaming handler is a method of a service trait impl (`impl RouteGuide for Svc`) that a
//! program registers (`RouteGuideServer::new(svc)`), taking a `Request<Streaming<T>>`
//! (client/bidi) or returning a stream (`Response<Self::XStream>`).

use tree_sitter::{Node, Tree};

use super::{StreamKind, identifiers, type_name};
use crate::handlers::{Found, ProgramView};
use crate::services::{Catalog, MethodKind, norm};
use crate::syntax::{
    Binding, Call, Func, InterceptorRef, Param, ParsedFile, Registration, ServerFacts, Span,
    ancestor, body_or_node, call_of, compact, field, last_ident, loop_of, text, walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let mut out = Collected::default();
    collect(tree, &src, &Shift::NONE, &mut out, &mut None, 0);
    if src.contains("StreamGuardLayer")
        || src.contains("streamguard::")
        || src.contains("use streamguard")
    {
        out.server.streamguard = src.find("streamguard");
    }
    file.funcs = out.funcs;
    file.calls = out.calls;
    file.loops = out.loops;
    file.imports = out.imports;
    file.bindings = out.bindings;
    file.test_regions = out.test_regions;
    file.is_entry = out.is_main;
    file.server = out.server;
}

#[derive(Default)]
struct Collected {
    funcs: Vec<Func>,
    calls: Vec<Call>,
    loops: Vec<crate::syntax::Loop>,
    imports: Vec<String>,
    bindings: Vec<Binding>,
    test_regions: Vec<Span>,
    server: ServerFacts,
    is_main: bool,
}

/// Where the nodes of a tree lie in the file: a macro body is parsed on its own, inside a
/// synthetic function, and its nodes are moved back to the macro's place.
struct Shift {
    /// Bytes of synthetic text before the macro body.
    prefix: usize,
    /// Length of the macro body (nodes outside it belong to the synthetic wrapper).
    len: usize,
    /// Where the macro body starts in the file.
    at: usize,
}

impl Shift {
    const NONE: Shift = Shift {
        prefix: 0,
        len: usize::MAX,
        at: 0,
    };

    /// The file's range of a node, `None` for the synthetic wrapper's own nodes.
    fn range(&self, r: Span) -> Option<Span> {
        let end = self.prefix.saturating_add(self.len);
        (r.start >= self.prefix && r.end <= end)
            .then(|| r.start - self.prefix + self.at..r.end - self.prefix + self.at)
    }

    fn byte(&self, b: usize) -> usize {
        b.saturating_sub(self.prefix) + self.at
    }
}

/// Macros whose body is code the handler runs: `async_stream`'s `stream!`/`try_stream!` (often
/// the whole response stream) and `tokio::select!`/`join!` (its branches' futures).
const CODE_MACROS: &[&str] = &["stream", "try_stream", "select", "join", "try_join"];

/// How deep macro bodies are parsed inside one another.
const MAX_MACRO_DEPTH: usize = 4;

fn collect(
    tree: &Tree,
    src: &str,
    shift: &Shift,
    out: &mut Collected,
    parser: &mut Option<tree_sitter::Parser>,
    depth: usize,
) {
    let mut macros: Vec<(String, Span)> = Vec::new();
    walk_tree(tree, |node| {
        let Some(range) = shift.range(node.byte_range()) else {
            return;
        };
        match node.kind() {
            "function_item" => {
                let mut f = function(node, src);
                if f.name == "main" && node.parent().is_some_and(|p| p.kind() == "source_file") {
                    out.is_main = depth == 0;
                }
                f.span = range;
                f.body = shift.byte(f.body.start)..shift.byte(f.body.end);
                f.name_at = shift.byte(f.name_at);
                out.funcs.push(f);
            }
            "mod_item" => {
                let name = field(node, "name", src);
                match node.child_by_field_name("body") {
                    None => out.imports.push(name.to_string()),
                    Some(_) if is_test_module(node, src) => out.test_regions.push(range),
                    Some(_) => {}
                }
            }
            "call_expression" => {
                if let Some(mut c) = call_of(node, src) {
                    let mut facts = ServerFacts::default();
                    server_call(node, src, &c, &mut facts);
                    out.server.merge_shifted(facts, |b| shift.byte(b));
                    c.span = range;
                    c.args = shift.byte(c.args.start)..shift.byte(c.args.end);
                    out.calls.push(c);
                }
            }
            "let_declaration" => {
                if let (Some(p), Some(v)) = (
                    node.child_by_field_name("pattern"),
                    node.child_by_field_name("value"),
                ) {
                    let name = text(p, src).trim_start_matches("mut ").trim();
                    if name.chars().all(crate::syntax::is_ident_char) {
                        out.bindings.push(Binding {
                            name: name.to_string(),
                            value: shift.byte(v.start_byte())..shift.byte(v.end_byte()),
                        });
                    }
                }
            }
            "macro_invocation" => {
                let Some(mac) = node.child_by_field_name("macro") else {
                    return;
                };
                let tt = node
                    .named_children(&mut node.walk())
                    .find(|c| c.kind() == "token_tree");
                let args = tt
                    .map(|t| t.byte_range())
                    .unwrap_or(node.end_byte()..node.end_byte());
                let callee = format!("{}!", compact(text(mac, src)));
                let name = last_ident(&callee).to_string();
                if let Some(t) = tt
                    && CODE_MACROS.contains(&name.as_str())
                {
                    macros.push((name.clone(), t.byte_range()));
                }
                out.calls.push(Call {
                    name,
                    callee,
                    args: shift.byte(args.start)..shift.byte(args.end),
                    span: range,
                });
            }
            "while_expression" | "loop_expression" | "for_expression" => {
                if let Some(mut l) = loop_of(node, &["condition", "value"]) {
                    l.span = range;
                    l.header = shift.byte(l.header.start)..shift.byte(l.header.end);
                    l.body = shift.byte(l.body.start)..shift.byte(l.body.end);
                    out.loops.push(l);
                }
            }
            _ => {}
        }
    });
    if depth >= MAX_MACRO_DEPTH {
        return;
    }
    for (name, tt) in macros {
        let Some(body) = src.get(tt.clone()) else {
            continue;
        };
        let code = if name == "select" {
            select_as_statements(body)
        } else {
            body.to_string()
        };
        // `fn __m() { … }`: a block for `stream!{…}`/`select!{…}`, a tuple for `join!(…)`.
        let (head, tail) = if code.starts_with('{') {
            ("fn __m() ", "")
        } else {
            ("fn __m() { ", " }")
        };
        let synthetic = format!("{head}{code}{tail}");
        let p = parser.get_or_insert_with(|| {
            let mut p = tree_sitter::Parser::new();
            // The grammar loaded for the file itself; it cannot fail here.
            let _ = p.set_language(&tree_sitter_rust::LANGUAGE.into());
            p
        });
        let Some(sub) = p.parse(synthetic.as_bytes(), None) else {
            continue;
        };
        let inner = Shift {
            prefix: head.len(),
            len: code.len(),
            at: shift.byte(tt.start),
        };
        collect(&sub, &synthetic, &inner, out, parser, depth + 1);
    }
}

/// The body of `tokio::select! { pat = fut => handler, … }` rewritten, byte for byte in place,
/// as statements `fut; handler;` so that the futures and handlers parse as code: each branch's
/// pattern and `=` become spaces, `=>` becomes `; `, a precondition's `, if` becomes `;   `
/// and the comma ending a branch a `;`.
fn select_as_statements(body: &str) -> String {
    #[derive(PartialEq)]
    enum Part {
        Pattern,
        Future,
        Handler,
    }
    let mut b: Vec<u8> = body.as_bytes().to_vec();
    let n = b.len();
    // Inside the outer braces.
    let (mut i, end) = (1.min(n), n.saturating_sub(1));
    let mut part = Part::Pattern;
    let mut branch_start = i;
    let mut depth = 0i32;
    while i < end {
        let c = b[i];
        match c {
            b'"' => {
                i += 1;
                while i < end && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                // A block handler ends with its brace.
                if depth == 0 && c == b'}' && part == Part::Handler {
                    part = Part::Pattern;
                    branch_start = i + 1;
                }
            }
            _ if depth != 0 => {}
            b';' if part == Part::Pattern => branch_start = i + 1, // `biased;`
            b'=' => {
                let next = b.get(i + 1).copied();
                let prev = if i > 0 { b[i - 1] } else { b' ' };
                if next == Some(b'>') && part != Part::Handler {
                    // `else => …`, or the end of a branch's future.
                    if part == Part::Pattern {
                        blank(&mut b, branch_start, i);
                    }
                    b[i] = b';';
                    b[i + 1] = b' ';
                    i += 1;
                    part = Part::Handler;
                } else if part == Part::Pattern
                    && next != Some(b'=')
                    && !matches!(prev, b'=' | b'!' | b'<' | b'>')
                {
                    blank(&mut b, branch_start, i + 1);
                    part = Part::Future;
                }
            }
            b',' => match part {
                Part::Handler => {
                    b[i] = b';';
                    part = Part::Pattern;
                    branch_start = i + 1;
                }
                Part::Future => {
                    // `fut, if cond => …`
                    let rest = &body[i + 1..];
                    let ws = rest.len() - rest.trim_start().len();
                    if rest.trim_start().starts_with("if ") {
                        b[i] = b';';
                        blank(&mut b, i + 1 + ws, i + 1 + ws + 2);
                    }
                }
                Part::Pattern => {}
            },
            _ => {}
        }
        i += 1;
    }
    String::from_utf8(b).unwrap_or_else(|_| body.to_string())
}

/// Spaces over `b[from..to]`, keeping line breaks (so lines stay where they were).
fn blank(b: &mut [u8], from: usize, to: usize) {
    let to = to.min(b.len());
    for x in b.iter_mut().take(to).skip(from) {
        if *x != b'\n' && *x != b'\r' {
            *x = b' ';
        }
    }
}

/// `#[cfg(test)] mod tests { … }`.
fn is_test_module(node: Node<'_>, src: &str) -> bool {
    let name = field(node, "name", src);
    let attr = node
        .prev_named_sibling()
        .filter(|p| p.kind() == "attribute_item")
        .is_some_and(|a| text(a, src).contains("cfg(test)"));
    attr || name == "tests" || name == "test"
}

/// Registrations, server constructions, interceptors and lifetime options seen in one call.
fn server_call(node: Node<'_>, src: &str, c: &Call, server: &mut ServerFacts) {
    let args = node.child_by_field_name("arguments");
    let arg = |i: usize| args.and_then(|a| a.named_child(i));
    let ty = type_name(c.receiver());
    let service = ty
        .strip_suffix("Server")
        .filter(|s| !s.is_empty() && c.callee.contains("::"));
    if let Some(service) = service
        && ["new", "with_interceptor", "from_arc", "from_shared"].contains(&c.name.as_str())
    {
        if let Some(imp) = arg(0) {
            server.registrations.push(Registration {
                service: service.to_string(),
                implementation: imp.byte_range(),
                at: node.start_byte(),
            });
        }
        if c.name == "with_interceptor"
            && let Some(i) = arg(1)
        {
            server.interceptors.push(interceptor(i, src));
        }
        return;
    }
    match c.name.as_str() {
        "builder" if c.callee.ends_with("Server::builder") => {
            server.constructions.push(node.start_byte())
        }
        "max_connection_age" => server
            .lifetime
            .push((node.start_byte(), "max_connection_age".to_string())),
        // `Server::builder().layer(AuthLayer::new(…))`: a tower layer around every service.
        "layer" if c.receiver() != "" => {
            if let Some(i) = arg(0) {
                server.interceptors.push(interceptor(i, src));
            }
        }
        "interceptor" | "async_interceptor" => {
            if let Some(i) = arg(0) {
                server.interceptors.push(interceptor(i, src));
            }
        }
        "new" if ty.ends_with("InterceptorLayer") => {
            if let Some(i) = arg(0) {
                server.interceptors.push(interceptor(i, src));
            }
        }
        // `InterceptedService::new(XServer::new(svc), check_auth)`.
        "new" if ty == "InterceptedService" => {
            if let Some(i) = arg(1) {
                server.interceptors.push(interceptor(i, src));
            }
        }
        _ => {}
    }
}

fn interceptor(n: Node<'_>, src: &str) -> InterceptorRef {
    InterceptorRef {
        names: identifiers(text(n, src))
            .take(8)
            .map(str::to_string)
            .collect(),
        span: n.byte_range(),
    }
}

fn function(node: Node<'_>, src: &str) -> Func {
    let name = node.child_by_field_name("name");
    let mut params = Vec::new();
    if let Some(ps) = node.child_by_field_name("parameters") {
        let mut c = ps.walk();
        for p in ps
            .named_children(&mut c)
            .filter(|p| p.kind() == "parameter")
        {
            let name = field(p, "pattern", src).trim_start_matches("mut ").trim();
            params.push(Param {
                name: name.to_string(),
                ty: compact(field(p, "type", src)),
            });
        }
    }
    let imp = ancestor(node, &["impl_item"], 2);
    Func {
        name: name
            .map(|n| text(n, src))
            .unwrap_or("<anonymous>")
            .to_string(),
        container: imp.map(|i| field(i, "type", src).to_string()),
        container_bases: imp
            .and_then(|i| i.child_by_field_name("trait"))
            .map(|t| text(t, src).to_string()),
        params,
        ret: compact(field(node, "return_type", src)),
        span: node.byte_range(),
        body: body_or_node(node),
        name_at: name.map(|n| n.start_byte()).unwrap_or(node.start_byte()),
        wrapped_by: None,
    }
}

/// The kind a tonic method's signature declares: `Request<Streaming<T>>` reads, a stream
/// response (`Response<Self::XStream>`, `ReceiverStream`, …) writes.
fn declared_kind(f: &Func) -> Option<StreamKind> {
    let req = f.params.iter().find(|p| p.ty.contains("Request<"))?;
    let reads = req.ty.contains("Streaming<");
    let r = &f.ret;
    let writes = (r.contains("Self::") && r.contains("Stream"))
        || [
            "ReceiverStream",
            "BoxStream",
            "dynStream",
            "implStream",
            "ResponseStream",
        ]
        .iter()
        .any(|s| r.contains(s));
    StreamKind::from_usage(reads, writes)
}

/// A streaming method of a trait impl, with its trait's service name.
fn trait_method(file: &ParsedFile, fi: usize, i: usize) -> Option<(String, Found)> {
    let f = &file.funcs[i];
    if file.in_test_region(f.span.start) {
        return None;
    }
    let service = type_name(f.container_bases.as_deref()?).to_string();
    let kind = declared_kind(f)?;
    let req = f.params.iter().find(|p| p.ty.contains("Request<"))?;
    Some((
        service.clone(),
        Found {
            file: fi,
            func: i,
            service,
            kind,
            stream: req.name.clone(),
            wrapper: None,
        },
    ))
}

/// The handlers behind `XServer::new(impl)`: streaming methods of `impl X for …` in the program.
pub(crate) fn implementations(
    view: &ProgramView<'_>,
    _fi: usize,
    reg: &Registration,
) -> Vec<Found> {
    let want = norm(&reg.service);
    let mut out = Vec::new();
    for &pf in &view.program.files {
        let file = &view.files[pf];
        for i in 0..file.funcs.len() {
            if let Some((service, found)) = trait_method(file, pf, i)
                && norm(&service) == want
            {
                out.push(found);
            }
        }
    }
    out
}

/// Streaming methods of impls of a generated service trait (`x_server::X`, or a trait the
/// catalog defines as a service).
pub(crate) fn declared_handlers(files: &[ParsedFile], catalog: &Catalog, fi: usize) -> Vec<Found> {
    let file = &files[fi];
    (0..file.funcs.len())
        .filter_map(|i| trait_method(file, fi, i))
        .filter(|(service, found)| {
            let trait_path = file.funcs[found.func]
                .container_bases
                .as_deref()
                .unwrap_or("");
            let generated =
                trait_path.contains("_server::") || imports_generated_trait(file, service);
            let defined = matches!(
                catalog.kind(service, &file.funcs[found.func].name),
                Some(MethodKind::Stream(_))
            );
            generated || defined
        })
        .map(|(_, f)| f)
        .collect()
}

/// `use pb::x_server::X;` or `use pb::x_server::{X, XServer};`: the trait comes from a module
/// tonic generated for a service.
fn imports_generated_trait(file: &ParsedFile, name: &str) -> bool {
    file.text.match_indices("_server::").any(|(i, _)| {
        let rest = &file.text[i + "_server::".len()..];
        let end = rest.find(';').unwrap_or(rest.len()).min(400);
        identifiers(&rest[..end]).any(|w| w == name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;

    fn parsed(src: &str) -> ParsedFile {
        let mut p = tree_sitter::Parser::new();
        p.set_language(&Language::Rust.grammar()).unwrap();
        let tree = p.parse(src, None).unwrap();
        let mut f = ParsedFile::new("a.rs".into(), Language::Rust, src.to_string());
        Language::Rust.extract(&mut f, &tree);
        f
    }

    #[test]
    fn stream_and_select_macro_bodies_are_read_as_code() {
        let src = r#"fn f() {
    let out = try_stream! {
        loop {
            let call = tokio::select! {
                biased;
                _ = sleep_until(expires_at) => Err(Status::unauthenticated("token_expired"))?,
                Ok(key) = revoked.recv() => {
                    if RevocationBus::matches(&claims, &key) { continue; }
                }
                m = inbound.message(), if ok => match m? { Some(c) => c, None => break },
                else => break,
            };
            yield denied(&call.request_id, why);
        }
    };
}
"#;
        let f = parsed(src);
        for name in ["sleep_until", "recv", "matches", "message", "denied"] {
            let c = f
                .calls
                .iter()
                .find(|c| c.name == name)
                .unwrap_or_else(|| panic!("no call {name}: {:?}", f.calls));
            assert!(f.src(&c.span).contains(name), "{name} at the wrong place");
        }
        let l = f.loops.first().expect("the loop inside try_stream!");
        assert!(f.src(&l.span).starts_with("loop {"));
    }
}
