//! tonic.
//!
//! A streaming handler is a method of a trait impl (`impl McpStreaming for Server`) taking a
//! `Request<Streaming<T>>` (client/bidi) or returning a stream (`Response<Self::XStream>`).

use tree_sitter::{Node, Tree};

use super::{FamilySignals, Handler, StreamKind, qualified};
use crate::syntax::{
    Call, Func, Param, ParsedFile, ancestor, body_or_node, call_of, compact, field, last_ident,
    loop_of, text, walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops) = (vec![], vec![], vec![]);
    walk_tree(tree, |node| match node.kind() {
        "function_item" => funcs.push(function(node, src)),
        "call_expression" => calls.extend(call_of(node, src)),
        "macro_invocation" => {
            let Some(mac) = node.child_by_field_name("macro") else {
                return;
            };
            let args = node
                .named_children(&mut node.walk())
                .find(|c| c.kind() == "token_tree")
                .map(|t| t.byte_range())
                .unwrap_or(node.end_byte()..node.end_byte());
            let callee = format!("{}!", compact(text(mac, src)));
            calls.push(Call {
                name: last_ident(&callee).to_string(),
                callee,
                args,
                span: node.byte_range(),
            });
        }
        "while_expression" | "loop_expression" | "for_expression" => {
            loops.extend(loop_of(node, &["condition", "value"]))
        }
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
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

pub(crate) fn signals(file: &ParsedFile) -> FamilySignals {
    let t = &file.text;
    let streamguard = t.contains("StreamGuardLayer")
        || t.contains("streamguard::")
        || t.contains("use streamguard");
    let auth_interceptor = file
        .funcs
        .iter()
        .filter(|f| f.params.iter().any(|p| p.ty.contains("Request<()>")))
        .find(|f| {
            file.calls_in(&f.span)
                .iter()
                .any(|c| crate::rules::rust::is_auth(file, c))
        })
        .map(|f| {
            format!(
                "interceptor `{}` ({}:{})",
                f.name,
                file.key,
                file.position(f.name_at).0
            )
        });
    FamilySignals {
        auth_interceptor,
        grpc: t.contains("tonic"),
        lifetime_limit: streamguard
            || t.contains("max_connection_age")
            || t.contains("max_connection_idle"),
        streamguard,
        registered: Default::default(),
    }
}

pub(crate) fn handlers(file_idx: usize, file: &ParsedFile, sig: &FamilySignals) -> Vec<Handler> {
    if !sig.grpc {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        if f.container_bases.is_none() {
            continue;
        }
        let Some(req) = f.params.iter().find(|p| p.ty.contains("Request<")) else {
            continue;
        };
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
        let Some(kind) = StreamKind::from_usage(reads, writes) else {
            continue;
        };
        out.push(Handler {
            file: file_idx,
            func: i,
            name: qualified(&f.container, &f.name),
            stream: req.name.clone(),
            kind,
        });
    }
    out
}
