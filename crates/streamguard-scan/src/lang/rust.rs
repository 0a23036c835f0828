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
    Binding, Call, Func, InterceptorRef, Param, ParsedFile, Registration, ServerFacts, ancestor,
    body_or_node, call_of, compact, field, last_ident, loop_of, text, walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops) = (vec![], vec![], vec![]);
    let (mut imports, mut bindings, mut test_regions) = (vec![], vec![], vec![]);
    let mut server = ServerFacts::default();
    let mut is_main = false;
    walk_tree(tree, |node| match node.kind() {
        "function_item" => {
            let f = function(node, src);
            if f.name == "main" && node.parent().is_some_and(|p| p.kind() == "source_file") {
                is_main = true;
            }
            funcs.push(f);
        }
        "mod_item" => {
            let name = field(node, "name", src);
            match node.child_by_field_name("body") {
                None => imports.push(name.to_string()),
                Some(_) if is_test_module(node, src) => test_regions.push(node.byte_range()),
                Some(_) => {}
            }
        }
        "call_expression" => {
            if let Some(c) = call_of(node, src) {
                server_call(node, src, &c, &mut server);
                calls.push(c);
            }
        }
        "let_declaration" => {
            if let (Some(p), Some(v)) = (
                node.child_by_field_name("pattern"),
                node.child_by_field_name("value"),
            ) {
                let name = text(p, src).trim_start_matches("mut ").trim();
                if name.chars().all(crate::syntax::is_ident_char) {
                    bindings.push(Binding {
                        name: name.to_string(),
                        value: v.byte_range(),
                    });
                }
            }
        }
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
    if src.contains("StreamGuardLayer")
        || src.contains("streamguard::")
        || src.contains("use streamguard")
    {
        server.streamguard = src.find("streamguard");
    }
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.imports = imports;
    file.bindings = bindings;
    file.test_regions = test_regions;
    file.is_entry = is_main;
    file.server = server;
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
