//! grpc-go.
//!
//! A streaming handler is a function or method with a parameter of a generated stream server
//! type (`pb.McpStreaming_StreamToolCallsServer`) or a generic `grpc.BidiStreamingServer[…]`,
//! `grpc.ClientStreamingServer[…]`, `grpc.ServerStreamingServer[…]`.

use tree_sitter::{Node, Tree};

use super::{FamilySignals, Handler, StreamKind, identifiers, qualified};
use crate::syntax::{
    Func, Param, ParsedFile, body_or_node, call_of, compact, field, last_ident, loop_of, text,
    walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops, mut spawns) = (vec![], vec![], vec![], vec![]);
    walk_tree(tree, |node| match node.kind() {
        "function_declaration" | "method_declaration" | "func_literal" => {
            funcs.push(function(node, src))
        }
        "call_expression" => calls.extend(call_of(node, src)),
        "for_statement" => loops.extend(loop_of(node, &[])),
        "go_statement" => spawns.push(node.byte_range()),
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.spawns = spawns;
}

fn function(node: Node<'_>, src: &str) -> Func {
    let name = node.child_by_field_name("name");
    let mut params = Vec::new();
    if let Some(ps) = node.child_by_field_name("parameters") {
        let mut c = ps.walk();
        for p in ps.named_children(&mut c) {
            let ty = compact(field(p, "type", src));
            let mut nc = p.walk();
            let names: Vec<_> = p.children_by_field_name("name", &mut nc).collect();
            for n in names {
                params.push(Param {
                    name: text(n, src).to_string(),
                    ty: ty.clone(),
                });
            }
        }
    }
    // `(s *server)` → `server`
    let container = node.child_by_field_name("receiver").map(|r| {
        let t = field(r.named_child(0).unwrap_or(r), "type", src);
        t.trim_start_matches('*')
            .split('[')
            .next()
            .unwrap_or("")
            .to_string()
    });
    let receiver_var = node
        .child_by_field_name("receiver")
        .and_then(|r| r.named_child(0))
        .map(|p| field(p, "name", src).to_string());
    let (fname, wrapped_by) = match name {
        Some(n) => (text(n, src).to_string(), None),
        None => literal_name(node, src),
    };
    Func {
        name: fname,
        container,
        // The receiver variable: `s` in `func (s *server)`; lets helpers `s.check(…)` resolve.
        container_bases: receiver_var,
        params,
        ret: compact(field(node, "result", src)),
        span: node.byte_range(),
        body: body_or_node(node),
        name_at: name.map(|n| n.start_byte()).unwrap_or(node.start_byte()),
        wrapped_by,
    }
}

fn literal_name(node: Node<'_>, src: &str) -> (String, Option<String>) {
    let mut wrapped = None;
    let mut cur = node;
    for _ in 0..4 {
        let Some(p) = cur.parent() else { break };
        match p.kind() {
            "argument_list" => {
                if let Some(call) = p.parent() {
                    wrapped = Some(last_ident(field(call, "function", src)).to_string());
                }
            }
            "short_var_declaration" | "assignment_statement" | "var_spec" => {
                let left = p
                    .child_by_field_name("left")
                    .or_else(|| p.child_by_field_name("name"));
                if let Some(l) = left {
                    return (text(l, src).to_string(), wrapped);
                }
            }
            "call_expression" => {}
            _ => break,
        }
        cur = p;
    }
    ("<anonymous>".to_string(), wrapped)
}

pub(crate) fn signals(file: &ParsedFile) -> FamilySignals {
    let t = &file.text;
    let mut s = FamilySignals {
        grpc: t.contains("google.golang.org/grpc"),
        lifetime_limit: t.contains("MaxConnectionAge") || t.contains("MaxConnectionIdle"),
        ..FamilySignals::default()
    };
    s.auth_interceptor = file
        .funcs
        .iter()
        .filter(|f| {
            f.params.iter().any(|p| p.ty == "grpc.ServerStream")
                && f.params.iter().any(|p| p.ty == "grpc.StreamHandler")
        })
        .find(|f| {
            file.calls_in(&f.span)
                .iter()
                .any(|c| crate::rules::go::is_auth(file, c))
        })
        .map(|f| {
            format!(
                "stream interceptor `{}` ({}:{})",
                f.name,
                file.key,
                file.position(f.name_at).0
            )
        });
    for c in file
        .calls
        .iter()
        .filter(|c| c.name.starts_with("Register") && c.name.ends_with("Server"))
    {
        s.registered
            .extend(identifiers(file.src(&c.args)).map(str::to_string));
    }
    s
}

/// Whether a parameter type is a grpc-go server stream.
fn stream_type(ty: &str) -> bool {
    let last = ty.rsplit('.').next().unwrap_or(ty);
    ty.contains("StreamingServer[") || (last.ends_with("Server") && last.contains('_'))
}

pub(crate) fn handlers(file_idx: usize, file: &ParsedFile, _sig: &FamilySignals) -> Vec<Handler> {
    let mut out = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let Some(p) = f.params.iter().find(|p| stream_type(&p.ty)) else {
            continue;
        };
        let (recv, send) = (format!("{}.Recv", p.name), format!("{}.Send", p.name));
        let calls = file.calls_in(&f.span);
        let mut reads =
            p.ty.contains("BidiStreamingServer") || p.ty.contains("ClientStreamingServer");
        let mut writes =
            p.ty.contains("BidiStreamingServer") || p.ty.contains("ServerStreamingServer");
        reads |= calls.iter().any(|c| c.callee == recv);
        writes |= calls.iter().any(|c| c.callee == send);
        let kind = StreamKind::from_usage(reads, writes).unwrap_or(StreamKind::Server);
        out.push(Handler {
            file: file_idx,
            func: i,
            name: qualified(&f.container, &f.name),
            stream: p.name.clone(),
            kind,
        });
    }
    out
}
