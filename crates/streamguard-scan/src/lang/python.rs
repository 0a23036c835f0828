//! grpcio (sync and `grpc.aio`).
//!
//! A streaming handler is a method of a `…Servicer` subclass (or of a class passed to
//! `add_…Servicer_to_server`) that iterates its request iterator or is a generator.

use tree_sitter::{Node, Tree};

use super::{FamilySignals, Handler, StreamKind, contains, identifiers, qualified};
use crate::syntax::{
    Func, Param, ParsedFile, ancestor, body_or_node, call_of, field, loop_of, text, walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops, mut yields) = (vec![], vec![], vec![], vec![]);
    walk_tree(tree, |node| match node.kind() {
        "function_definition" => funcs.push(function(node, src)),
        "call" => calls.extend(call_of(node, src)),
        "for_statement" | "while_statement" => loops.extend(loop_of(node, &["right", "condition"])),
        "yield" => yields.push(node.byte_range()),
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.yields = yields;
}

fn function(node: Node<'_>, src: &str) -> Func {
    let name = node.child_by_field_name("name");
    let mut params = Vec::new();
    if let Some(ps) = node.child_by_field_name("parameters") {
        let mut c = ps.walk();
        for p in ps.named_children(&mut c) {
            let n = match p.kind() {
                "identifier" => text(p, src),
                "typed_parameter" => p.named_child(0).map(|n| text(n, src)).unwrap_or(""),
                "default_parameter" | "typed_default_parameter" => field(p, "name", src),
                _ => continue,
            };
            params.push(Param {
                name: n.to_string(),
                ty: String::new(),
            });
        }
    }
    let class = ancestor(node, &["class_definition"], 3);
    Func {
        name: name
            .map(|n| text(n, src))
            .unwrap_or("<anonymous>")
            .to_string(),
        container: class.map(|c| field(c, "name", src).to_string()),
        container_bases: class.map(|c| field(c, "superclasses", src).to_string()),
        params,
        ret: String::new(),
        span: node.byte_range(),
        body: body_or_node(node),
        name_at: name.map(|n| n.start_byte()).unwrap_or(node.start_byte()),
        wrapped_by: None,
    }
}

pub(crate) fn signals(file: &ParsedFile) -> FamilySignals {
    let t = &file.text;
    let mut s = FamilySignals {
        grpc: t.contains("grpc"),
        lifetime_limit: t.contains("grpc.max_connection_age_ms")
            || t.contains("grpc.max_connection_idle_ms"),
        ..FamilySignals::default()
    };
    for c in file
        .calls
        .iter()
        .filter(|c| c.name.starts_with("add_") && c.name.ends_with("Servicer_to_server"))
    {
        s.registered
            .extend(identifiers(file.src(&c.args)).map(str::to_string));
    }
    s
}

pub(crate) fn handlers(file_idx: usize, file: &ParsedFile, sig: &FamilySignals) -> Vec<Handler> {
    if !sig.grpc {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let servicer = f
            .container_bases
            .as_deref()
            .is_some_and(|b| b.contains("Servicer"))
            || f.container
                .as_ref()
                .is_some_and(|c| sig.registered.contains(c));
        if !servicer || f.params.len() < 3 || f.params[0].name != "self" {
            continue;
        }
        let req = f.params[1].name.as_str();
        let reads = req.contains("iterator")
            || file
                .loops_in(&f.span)
                .any(|l| file.src(&l.header).trim() == req);
        let writes = file.yields.iter().any(|y| contains(&f.body, y));
        let Some(kind) = StreamKind::from_usage(reads, writes) else {
            continue;
        };
        out.push(Handler {
            file: file_idx,
            func: i,
            name: qualified(&f.container, &f.name),
            stream: req.to_string(),
            kind,
        });
    }
    out
}
