//! grpc-js in JavaScript, TypeScript and TSX.
//!
//! A streaming handler is a function whose first parameter (the call) is read as a stream
//! (`call.on('data', …)`, `for await (… of call)`) or written to (`call.write(…)`), or is typed
//! `ServerWritableStream`/`ServerReadableStream`/`ServerDuplexStream`.

use tree_sitter::{Node, Tree};

use super::{FamilySignals, Handler, StreamKind, identifiers, qualified};
use crate::syntax::{
    Func, Param, ParsedFile, ancestor, call_of, field, last_ident, loop_of, text, walk_tree,
};

const FUNCTION_KINDS: &[&str] = &[
    "function_declaration",
    "generator_function_declaration",
    "function_expression",
    "function",
    "generator_function",
    "arrow_function",
    "method_definition",
];

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops, mut yields) = (vec![], vec![], vec![], vec![]);
    walk_tree(tree, |node| match node.kind() {
        k if FUNCTION_KINDS.contains(&k) => funcs.push(function(node, src)),
        "call_expression" | "new_expression" => calls.extend(call_of(node, src)),
        "for_in_statement" | "for_statement" | "while_statement" | "do_statement" => {
            loops.extend(loop_of(node, &["right"]))
        }
        "yield_expression" => yields.push(node.byte_range()),
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.yields = yields;
}

fn function(node: Node<'_>, src: &str) -> Func {
    let mut wrapped_by = None;
    let (name, name_at) = match node.child_by_field_name("name") {
        Some(n) => (text(n, src).to_string(), n.start_byte()),
        None => binding_name(node, src, &mut wrapped_by),
    };
    let mut params = Vec::new();
    if let Some(p) = node.child_by_field_name("parameter") {
        params.push(Param {
            name: text(p, src).to_string(),
            ty: String::new(),
        });
    } else if let Some(ps) = node.child_by_field_name("parameters") {
        let mut c = ps.walk();
        for p in ps.named_children(&mut c) {
            let (name, ty) = match p.kind() {
                "identifier" => (text(p, src), ""),
                "required_parameter" | "optional_parameter" => {
                    (field(p, "pattern", src), field(p, "type", src))
                }
                "assignment_pattern" => (field(p, "left", src), ""),
                "comment" => continue,
                _ => (text(p, src), ""),
            };
            params.push(Param {
                name: name.to_string(),
                ty: ty.to_string(),
            });
        }
    }
    let container = ancestor(
        node,
        &["class_declaration", "class", "abstract_class_declaration"],
        3,
    )
    .map(|c| field(c, "name", src).to_string());
    let body = node
        .child_by_field_name("body")
        .map(|b| b.byte_range())
        .unwrap_or(node.byte_range());
    Func {
        name,
        container,
        container_bases: None,
        params,
        ret: field(node, "return_type", src).to_string(),
        span: node.byte_range(),
        body,
        name_at,
        wrapped_by,
    }
}

/// The name an anonymous function is bound to: object key, variable, assignment target.
fn binding_name(node: Node<'_>, src: &str, wrapped_by: &mut Option<String>) -> (String, usize) {
    let mut cur = node;
    for _ in 0..6 {
        let Some(parent) = cur.parent() else { break };
        match parent.kind() {
            "pair" => {
                let key = field(parent, "key", src).trim_matches(['\'', '"', '`']);
                return (key.to_string(), parent.start_byte());
            }
            "variable_declarator" | "public_field_definition" | "field_definition" => {
                let n = parent
                    .child_by_field_name("name")
                    .or_else(|| parent.child_by_field_name("property"));
                if let Some(n) = n {
                    return (text(n, src).to_string(), n.start_byte());
                }
            }
            "assignment_expression" => {
                let left = field(parent, "left", src);
                return (last_ident(left).to_string(), parent.start_byte());
            }
            "arguments" => {
                if let Some(call) = parent.parent()
                    && wrapped_by.is_none()
                {
                    let callee = field(call, "function", src);
                    *wrapped_by = Some(last_ident(callee).to_string());
                }
            }
            "call_expression"
            | "parenthesized_expression"
            | "return_statement"
            | "await_expression" => {}
            _ => break,
        }
        cur = parent;
    }
    ("<anonymous>".to_string(), node.start_byte())
}

pub(crate) fn signals(file: &ParsedFile) -> FamilySignals {
    let t = &file.text;
    let mut s = FamilySignals {
        grpc: t.contains("@grpc/grpc-js")
            || t.contains("require('grpc')")
            || t.contains("require(\"grpc\")")
            || t.contains("from 'grpc'")
            || t.contains(".addService("),
        lifetime_limit: t.contains("grpc.max_connection_age_ms")
            || t.contains("grpc.max_connection_idle_ms"),
        ..FamilySignals::default()
    };
    for c in file.calls.iter().filter(|c| c.name == "addService") {
        s.registered
            .extend(identifiers(file.src(&c.args)).map(str::to_string));
    }
    s
}

pub(crate) fn handlers(file_idx: usize, file: &ParsedFile, sig: &FamilySignals) -> Vec<Handler> {
    if !sig.grpc {
        return Vec::new();
    }
    let file_grpc = file.text.contains("grpc");
    let mut out = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let Some(p) = f.params.first() else { continue };
        let stream = p.name.as_str();
        if stream.is_empty() || !stream.chars().all(crate::syntax::is_ident_char) {
            continue;
        }
        let mut reads =
            p.ty.contains("ServerReadableStream") || p.ty.contains("ServerDuplexStream");
        let mut writes =
            p.ty.contains("ServerWritableStream") || p.ty.contains("ServerDuplexStream");
        let on = format!("{stream}.on");
        let write = format!("{stream}.write");
        for c in file.calls_in(&f.span) {
            if c.callee == on && is_data_event(file.src(&c.args)) {
                reads = true;
            } else if c.callee == write {
                writes = true;
            }
        }
        reads |= file
            .loops_in(&f.span)
            .any(|l| file.src(&l.header).trim() == stream);
        let Some(kind) = StreamKind::from_usage(reads, writes) else {
            continue;
        };
        let call_like = ["call", "stream"].contains(&stream)
            || stream.ends_with("Call")
            || stream.ends_with("Stream")
            || p.ty.contains("Server");
        if file_grpc || call_like || sig.registered.contains(&f.name) {
            out.push(Handler {
                file: file_idx,
                func: i,
                name: qualified(&f.container, &f.name),
                stream: stream.to_string(),
                kind,
            });
        }
    }
    out
}

/// `('data', …)` — the first argument names the `data` event.
pub(crate) fn is_data_event(args: &str) -> bool {
    event_name(args) == Some("data")
}

/// The event name of `.on('name', …)` arguments.
pub(crate) fn event_name(args: &str) -> Option<&str> {
    let a = args.trim_start_matches('(').trim_start();
    let quote = a.chars().next().filter(|c| ['\'', '"', '`'].contains(c))?;
    let rest = &a[1..];
    rest.find(quote).map(|end| &rest[..end])
}
