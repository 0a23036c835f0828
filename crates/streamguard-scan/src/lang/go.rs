//! grpc-go.
//!
//! A streaming handler is a method with a parameter of a generated stream server type
//! (`pb.McpStreaming_StreamToolCallsServer`) or a generic `grpc.BidiStreamingServer[…]`,
//! `grpc.ClientStreamingServer[…]`, `grpc.ServerStreamingServer[…]`, on the type a program
//! registers with `pb.RegisterXServer(s, impl)`.

use tree_sitter::{Node, Tree};

use super::{StreamKind, identifiers, type_name};
use crate::handlers::{Found, ProgramView};
use crate::services::Catalog;
use crate::syntax::{
    Binding, Func, InterceptorRef, Param, ParsedFile, Registration, ServerFacts, body_or_node,
    call_of, compact, field, last_ident, loop_of, text, walk_tree,
};

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops, mut spawns) = (vec![], vec![], vec![], vec![]);
    let (mut imports, mut bindings) = (vec![], vec![]);
    let mut server = ServerFacts::default();
    let mut is_main = false;
    walk_tree(tree, |node| match node.kind() {
        "package_clause" => {
            is_main = node.named_child(0).is_some_and(|n| text(n, src) == "main");
        }
        "import_spec" => {
            if let Some(p) = node.child_by_field_name("path") {
                imports.push(text(p, src).trim_matches(['"', '`']).to_string());
            }
        }
        "function_declaration" | "method_declaration" | "func_literal" => {
            funcs.push(function(node, src))
        }
        "call_expression" => {
            if let Some(c) = call_of(node, src) {
                server_call(node, src, &c, &mut server);
                calls.push(c);
            }
        }
        "short_var_declaration" | "assignment_statement" => {
            let (Some(l), Some(r)) = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            ) else {
                return;
            };
            if let (Some(name), Some(value)) = (l.named_child(0), r.named_child(0))
                && name.kind() == "identifier"
            {
                bindings.push(Binding {
                    name: text(name, src).to_string(),
                    value: value.byte_range(),
                });
            }
        }
        "composite_literal" => {
            let ty = field(node, "type", src);
            if ty.ends_with("ServerParameters") {
                let body = field(node, "body", src);
                // MaxConnectionIdle only fires once a connection has no open stream: it does not
                // bound a stream's life.
                if body.contains("MaxConnectionAge:") {
                    server
                        .lifetime
                        .push((node.start_byte(), "MaxConnectionAge".to_string()));
                }
            }
        }
        "for_statement" => loops.extend(loop_of(node, &[])),
        "go_statement" => spawns.push(node.byte_range()),
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.spawns = spawns;
    file.imports = imports;
    file.bindings = bindings;
    file.is_entry = is_main;
    file.server = server;
}

/// Registrations, server constructions and interceptors seen in one call.
fn server_call(node: Node<'_>, src: &str, c: &crate::syntax::Call, server: &mut ServerFacts) {
    let Some(args) = node.child_by_field_name("arguments") else {
        return;
    };
    let arg = |i: usize| args.named_child(i);
    let n = c.name.as_str();
    if let Some(service) = n
        .strip_prefix("Register")
        .and_then(|s| s.strip_suffix("Server"))
        .filter(|s| !s.is_empty())
    {
        if let Some(imp) = arg(1) {
            server.registrations.push(Registration {
                service: service.to_string(),
                implementation: imp.byte_range(),
                at: node.start_byte(),
            });
        }
    } else if n == "RegisterService" {
        // `s.RegisterService(&pb.X_ServiceDesc, impl)`
        if let (Some(desc), Some(imp)) = (arg(0), arg(1)) {
            let d = last_ident(text(desc, src));
            if let Some(service) = d.strip_suffix("_ServiceDesc") {
                server.registrations.push(Registration {
                    service: service.to_string(),
                    implementation: imp.byte_range(),
                    at: node.start_byte(),
                });
            }
        }
    } else if n == "NewServer" && c.receiver() == "grpc" {
        server.constructions.push(node.start_byte());
    } else if [
        "StreamInterceptor",
        "ChainStreamInterceptor",
        "WithStreamServerChain",
        "ChainStreamServer",
    ]
    .contains(&n)
    {
        let mut cur = args.walk();
        for a in args.named_children(&mut cur) {
            let t = text(a, src);
            let mut names: Vec<String> = identifiers(t).take(8).map(str::to_string).collect();
            // `grpc.ChainStreamInterceptor(strmInterceptors...)`: the interceptors appended to
            // that slice (`strmInterceptors = append(strmInterceptors, r.MacaroonStreamServerInterceptor())`).
            if let Some(slice) = t.strip_suffix("...") {
                names.extend(appended_to(src, slice.trim()));
            }
            server.interceptors.push(InterceptorRef {
                names,
                span: a.byte_range(),
            });
        }
    }
}

/// The functions named in `slice = append(slice, …)` statements of a file (at most 16).
fn appended_to<'a>(src: &'a str, slice: &str) -> impl Iterator<Item = String> + 'a {
    let mut out: Vec<String> = Vec::new();
    if !slice.is_empty() && slice.chars().all(crate::syntax::is_ident_char) {
        for (i, _) in src.match_indices("append(") {
            let Some(rest) = src[i + "append(".len()..]
                .trim_start()
                .strip_prefix(slice)
                .and_then(|r| r.trim_start().strip_prefix(','))
            else {
                continue;
            };
            let args = crate::syntax::head(rest, rest.find(')').unwrap_or(rest.len()).min(300));
            out.extend(
                identifiers(args)
                    .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_alphabetic))
                    .map(str::to_string),
            );
        }
    }
    out.dedup();
    out.truncate(16);
    out.into_iter()
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

/// What a stream parameter type says: the service and method of a generated
/// `X_MServer` type, and the kind of a generic one.
struct StreamParam {
    service: Option<String>,
    method: Option<String>,
    kind: Option<StreamKind>,
}

fn stream_param(ty: &str) -> Option<StreamParam> {
    let generic = [
        ("BidiStreamingServer[", StreamKind::Bidi),
        ("ClientStreamingServer[", StreamKind::Client),
        ("ServerStreamingServer[", StreamKind::Server),
    ];
    if let Some((_, k)) = generic.iter().find(|(g, _)| ty.contains(g)) {
        return Some(StreamParam {
            service: None,
            method: None,
            kind: Some(*k),
        });
    }
    let last = ty.rsplit('.').next().unwrap_or(ty).trim_start_matches('*');
    let (service, rest) = last.split_once('_')?;
    let method = rest.strip_suffix("Server")?;
    (!service.is_empty() && !method.is_empty()).then(|| StreamParam {
        service: Some(service.to_string()),
        method: Some(method.to_string()),
        kind: None,
    })
}

/// The handler a method is, if one of its parameters is a server stream.
fn handler_of(
    file: &ParsedFile,
    fi: usize,
    i: usize,
    f: &Func,
    service: Option<&str>,
    catalog_kind: impl Fn(&str, &str) -> Option<Option<StreamKind>>,
) -> Option<Found> {
    f.container.as_ref()?;
    let (p, sp) = f
        .params
        .iter()
        .find_map(|p| stream_param(&p.ty).map(|s| (p, s)))?;
    // The handler is the method the stream type is generated for (a helper taking the stream
    // is not); a generic stream type names no method, so an exported name is required.
    match &sp.method {
        Some(m) if *m != f.name => return None,
        None if !f.name.starts_with(|c: char| c.is_ascii_uppercase()) => return None,
        _ => {}
    }
    let svc = sp.service.clone().or(service.map(str::to_string))?;
    let kind = match sp.kind {
        Some(k) => k,
        None => match catalog_kind(&svc, &f.name) {
            Some(Some(k)) => k,
            Some(None) => return None,
            None => used_kind(file, f, &p.name),
        },
    };
    Some(Found {
        file: fi,
        func: i,
        service: svc,
        kind,
        stream: p.name.clone(),
        wrapper: None,
    })
}

/// The kind of a generated-type handler with no definition at hand: the generated signature
/// takes the request only for a server stream (`M(req, stream)`), and a client stream answers
/// with `SendAndClose`; else what `stream.Recv()` / `stream.Send(…)` show.
fn used_kind(file: &ParsedFile, f: &Func, stream: &str) -> StreamKind {
    let (recv, send) = (format!("{stream}.Recv"), format!("{stream}.Send"));
    let calls = file.calls_in(&f.span);
    let takes_request = f.params.len() >= 2;
    let reads = !takes_request || calls.iter().any(|c| c.callee == recv);
    let closes = calls.iter().any(|c| c.callee.ends_with(".SendAndClose"));
    let writes = takes_request || (!closes && calls.iter().any(|c| c.callee == send));
    StreamKind::from_usage(reads, writes).unwrap_or(StreamKind::Server)
}

/// The handlers behind `pb.RegisterXServer(s, impl)`: methods of the implementation's type with
/// a stream parameter (any type's, when the type cannot be told).
pub(crate) fn implementations(view: &ProgramView<'_>, fi: usize, reg: &Registration) -> Vec<Found> {
    let service = reg.service.as_str();
    let impl_type = implementation_type(view, fi, &reg.implementation, 0);
    let kind_of = |s: &str, m: &str| view.defined_kind(s, m);
    let mut all = Vec::new();
    let mut of_type = Vec::new();
    for &pf in &view.program.files {
        let file = &view.files[pf];
        for (i, f) in file.funcs.iter().enumerate() {
            let Some(found) = handler_of(file, pf, i, f, Some(service), kind_of) else {
                continue;
            };
            // A generated stream type names its service; a generic one does not, so the method
            // must belong to the service's definition or to the registered implementation type.
            let container = f.container.as_deref().map(type_name).unwrap_or("");
            let is_impl = impl_type.as_deref() == Some(container);
            let of_service = match stream_param_service(f) {
                Some(s) => s == service,
                None => view.defined_kind(service, &f.name).is_some() || is_impl,
            };
            if !of_service {
                continue;
            }
            if is_impl {
                of_type.push(found.clone());
            }
            all.push(found);
        }
    }
    if of_type.is_empty() { all } else { of_type }
}

fn stream_param_service(f: &Func) -> Option<String> {
    f.params
        .iter()
        .find_map(|p| stream_param(&p.ty))
        .and_then(|s| s.service)
}

/// The type of an implementation expression: `&server{}`, `new(server)`, a variable, or the
/// type a constructor (`NewServer(…)`) returns or builds.
fn implementation_type(
    view: &ProgramView<'_>,
    fi: usize,
    span: &crate::syntax::Span,
    depth: usize,
) -> Option<String> {
    if depth > 3 {
        return None;
    }
    let file = &view.files[fi];
    let e = file.src(span).trim().trim_start_matches('&');
    if let Some(inner) = e.strip_prefix("new(").and_then(|x| x.strip_suffix(')')) {
        return Some(type_name(inner).to_string());
    }
    if let Some(i) = e.find('{') {
        let ty = &e[..i];
        if ty
            .chars()
            .all(|c| crate::syntax::is_ident_char(c) || c == '.' || c == '*')
        {
            return Some(type_name(ty).to_string());
        }
    }
    if e.chars().all(crate::syntax::is_ident_char) {
        let b = file.binding(e, span.start)?;
        let value = b.value.clone();
        return implementation_type(view, fi, &value, depth + 1);
    }
    let callee = e.split('(').next()?;
    let name = last_ident(callee);
    for (hf, hi) in view.funcs_named(name, fi).into_iter().take(2) {
        let h = &view.files[hf];
        let f = &h.funcs[hi];
        let ret = type_name(&f.ret);
        if !f.ret.contains('.') && !ret.is_empty() && !view.methods_of(ret).is_empty() {
            return Some(ret.to_string());
        }
        // The composite literal of a type with methods that the constructor builds.
        let body = h.src(&f.body);
        for (i, _) in body.match_indices('{') {
            let before = body[..i].trim_end();
            let ident: String = before
                .chars()
                .rev()
                .take_while(|&c| crate::syntax::is_ident_char(c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if ident.len() > 1 && !view.methods_of(&ident).is_empty() {
                return Some(ident);
            }
        }
    }
    None
}

/// Methods declared as stream handlers by their parameter types.
pub(crate) fn declared_handlers(files: &[ParsedFile], catalog: &Catalog, fi: usize) -> Vec<Found> {
    let file = &files[fi];
    let kind_of = |s: &str, m: &str| {
        catalog.kind(s, m).map(|k| match k {
            crate::services::MethodKind::Unary => None,
            crate::services::MethodKind::Stream(k) => Some(k),
        })
    };
    file.funcs
        .iter()
        .enumerate()
        .filter_map(|(i, f)| handler_of(file, fi, i, f, Some(""), kind_of))
        .collect()
}
