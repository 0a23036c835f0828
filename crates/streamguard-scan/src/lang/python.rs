//! grpcio (sync and `grpc.aio`).
//!
//! A streaming handler is a method of the servicer a program registers with
//! `add_XServicer_to_server(impl, server)` (or of a subclass of the generated `XServicer`),
//! whose kind the service definition gives, else its shape: iterating the request iterator
//! (or `await context.read()`) reads, `yield` (or `await context.write()`) writes.

use tree_sitter::{Node, Tree};

use super::{StreamKind, contains, identifiers, type_name};
use crate::handlers::{Found, ProgramView};
use crate::services::{Catalog, MethodKind};
use crate::syntax::{
    Binding, Class, Func, InterceptorRef, Param, ParsedFile, Registration, ServerFacts, ancestor,
    body_or_node, call_of, field, loop_of, text, walk_tree,
};

/// `grpc.max_connection_idle_ms` is not one: it only fires once a connection has no open stream.
const LIFETIME_OPTIONS: &[&str] = &["grpc.max_connection_age_ms"];

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let (mut funcs, mut calls, mut loops, mut yields) = (vec![], vec![], vec![], vec![]);
    let (mut imports, mut bindings, mut classes) = (vec![], vec![], vec![]);
    let mut server = ServerFacts::default();
    walk_tree(tree, |node| match node.kind() {
        "function_definition" => funcs.push(function(node, src)),
        "call" => {
            if let Some(c) = call_of(node, src) {
                server_call(node, src, &c, &mut server);
                calls.push(c);
            }
        }
        "import_statement" => {
            let mut c = node.walk();
            for n in node.children_by_field_name("name", &mut c) {
                let name = n.child_by_field_name("name").unwrap_or(n);
                imports.push(text(name, src).to_string());
            }
        }
        "import_from_statement" => {
            let module = field(node, "module_name", src).to_string();
            imports.push(module.clone());
            let mut c = node.walk();
            for n in node.children_by_field_name("name", &mut c) {
                let name = n.child_by_field_name("name").unwrap_or(n);
                let sep = if module.ends_with('.') { "" } else { "." };
                imports.push(format!("{module}{sep}{}", text(name, src)));
            }
        }
        "class_definition" => classes.push(Class {
            name: field(node, "name", src).to_string(),
            bases: field(node, "superclasses", src).to_string(),
        }),
        "assignment" => {
            let (Some(l), Some(r)) = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            ) else {
                return;
            };
            // `x = …` and `self._stub = …` (bound to its last name, as the code refers to it).
            let name = match l.kind() {
                "identifier" => text(l, src),
                "attribute" => field(l, "attribute", src),
                _ => "",
            };
            if !name.is_empty() {
                bindings.push(Binding {
                    name: name.to_string(),
                    value: r.byte_range(),
                });
            }
            // `add_fn = pb2_grpc.add_XServicer_to_server`: a registration by reference.
            if let Some(service) = registered_service(text(r, src)) {
                server.registrations.push(Registration {
                    service,
                    implementation: r.end_byte()..r.end_byte(),
                    at: node.start_byte(),
                });
            }
        }
        "string" => {
            let t = text(node, src).trim_matches(['\'', '"']);
            if LIFETIME_OPTIONS.contains(&t) {
                server.lifetime.push((node.start_byte(), t.to_string()));
            }
        }
        "for_statement" | "while_statement" => loops.extend(loop_of(node, &["right", "condition"])),
        "yield" => yields.push(node.byte_range()),
        _ => {}
    });
    file.is_entry =
        src.contains("__name__ == \"__main__\"") || src.contains("__name__ == '__main__'");
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.yields = yields;
    file.imports = imports;
    file.bindings = bindings;
    file.classes = classes;
    file.server = server;
}

/// `add_XServicer_to_server` (possibly qualified) → `X`.
fn registered_service(expr: &str) -> Option<String> {
    let name = expr.trim().rsplit('.').next()?;
    let s = name
        .strip_prefix("add_")?
        .strip_suffix("Servicer_to_server")?;
    (!s.is_empty() && s.chars().all(crate::syntax::is_ident_char)).then(|| s.to_string())
}

/// Registrations, server constructions and interceptors seen in one call.
fn server_call(node: Node<'_>, src: &str, c: &crate::syntax::Call, server: &mut ServerFacts) {
    let args = node.child_by_field_name("arguments");
    if let Some(service) = registered_service(&c.callee) {
        let imp = args
            .and_then(|a| a.named_child(0))
            .map(|n| n.byte_range())
            .unwrap_or(node.end_byte()..node.end_byte());
        server.registrations.push(Registration {
            service,
            implementation: imp,
            at: node.start_byte(),
        });
        return;
    }
    let constructs =
        c.name == "server" && (c.receiver() == "grpc" || c.receiver().ends_with("aio"));
    if !constructs {
        return;
    }
    server.constructions.push(node.start_byte());
    let Some(args) = args else { return };
    let mut cur = args.walk();
    for a in args.named_children(&mut cur) {
        if a.kind() == "keyword_argument"
            && field(a, "name", src) == "interceptors"
            && let Some(v) = a.child_by_field_name("value")
        {
            server.interceptors.push(InterceptorRef {
                names: identifiers(text(v, src))
                    .take(8)
                    .map(str::to_string)
                    .collect(),
                span: v.byte_range(),
            });
        }
    }
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
            // The annotation (`link: TruckLinkHandler`, `work: "queue.Queue"`), unquoted.
            let ty = match p.kind() {
                "typed_parameter" | "typed_default_parameter" => field(p, "type", src)
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_string(),
                _ => String::new(),
            };
            params.push(Param {
                name: n.to_string(),
                ty,
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
        wrapped_by: decorator(node, src),
    }
}

/// The decorator a method is wrapped in (`@authenticated`, `@auth.require_scope("x")` →
/// `require_scope`): it runs around the method, as a wrapper does.
fn decorator(node: Node<'_>, src: &str) -> Option<String> {
    let parent = node
        .parent()
        .filter(|p| p.kind() == "decorated_definition")?;
    let mut c = parent.walk();
    let d = parent
        .named_children(&mut c)
        .find(|d| d.kind() == "decorator")?;
    let expr = text(d, src).trim_start_matches('@').trim();
    let callee = expr.split('(').next().unwrap_or(expr).trim();
    let name = crate::syntax::last_ident(callee);
    (!name.is_empty()).then(|| name.to_string())
}

/// The service a servicer base class names: `pb2_grpc.RouteGuideServicer` → `RouteGuide`.
fn servicer_base(bases: &str) -> Option<String> {
    identifiers(bases)
        .filter_map(|b| b.strip_suffix("Servicer"))
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// The handlers behind `add_XServicer_to_server(impl, server)`: the streaming methods of the
/// implementation's class and of the program's subclasses of `XServicer`.
pub(crate) fn implementations(view: &ProgramView<'_>, fi: usize, reg: &Registration) -> Vec<Found> {
    let file = &view.files[fi];
    let mut classes: Vec<String> = Vec::new();
    let expr = file.src(&reg.implementation).trim();
    let class_of_call = |e: &str| -> Option<String> {
        let callee = e.split('(').next()?.trim();
        (e.contains('(') && !callee.is_empty()).then(|| type_name(callee).to_string())
    };
    if expr == "self" {
        if let Some(f) = file.func_containing(reg.at)
            && let Some(c) = &file.funcs[f].container
        {
            classes.push(c.clone());
        }
    } else if let Some(c) = class_of_call(expr) {
        classes.push(c);
    } else if !expr.is_empty()
        && let Some(b) = file.binding(expr, reg.at)
        && let Some(c) = class_of_call(file.src(&b.value))
    {
        classes.push(c);
    }
    for (_, c) in view.classes() {
        if servicer_base(&c.bases).is_some_and(|s| s == reg.service) && !classes.contains(&c.name) {
            classes.push(c.name.clone());
        }
    }
    // Mixins: `class CaveService(ClimateHandlers, TurningHandlers, pb2_grpc.CaveServicer)`
    // takes its RPCs from the program's classes it derives from (two levels). Only methods the
    // service defines count there: a mixin's other methods are not handlers.
    let own_classes = classes.len();
    for _ in 0..2 {
        let bases: Vec<String> = view
            .classes()
            .filter(|(_, c)| classes.contains(&c.name))
            .flat_map(|(_, c)| {
                identifiers(&c.bases)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|b| !b.ends_with("Servicer") && view.classes().any(|(_, c)| &c.name == b))
            .collect();
        for b in bases {
            if !classes.contains(&b) {
                classes.push(b);
            }
        }
    }
    let mut out = Vec::new();
    for (k, class) in classes.iter().enumerate() {
        for (hf, hi) in view.methods_of(class) {
            let h = &view.files[hf];
            if k >= own_classes && view.defined_kind(&reg.service, &h.funcs[hi].name).is_none() {
                continue;
            }
            let kind = |m: &str| view.defined_kind(&reg.service, m);
            if let Some(found) = method_handler(h, hf, hi, &reg.service, kind) {
                out.push(found);
            }
            // A servicer that binds its RPCs to the methods of objects it is given
            // (`self.TruckLink = link.TruckLink` with `link: TruckLinkHandler`).
            if h.funcs[hi].name == "__init__" {
                out.extend(bound_methods(view, hf, hi, &reg.service));
            }
        }
        out.extend(class_attribute_handlers(view, class, &reg.service));
    }
    out
}

/// RPCs a servicer class binds to module functions in its body (`WatchMoisture =
/// staticmethod(watch_moisture)`, `ReportFlow = report_flow`): the function, taking the request
/// (or request iterator) and the context, is the handler.
fn class_attribute_handlers(view: &ProgramView<'_>, class: &str, service: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let header = format!("class {class}");
    for &fi in &view.program.files {
        let file = &view.files[fi];
        let Some(at) = file.text.find(&header) else {
            continue;
        };
        let body = file.text[at..]
            .lines()
            .skip(1)
            .take_while(|l| l.trim().is_empty() || l.starts_with(' ') || l.starts_with('\t'));
        for line in body {
            let Some((attr, value)) = line.trim().split_once('=') else {
                continue;
            };
            let attr = attr.trim();
            let value = value.trim();
            let func = value
                .strip_prefix("staticmethod(")
                .and_then(|v| v.strip_suffix(')'))
                .unwrap_or(value)
                .trim();
            if attr.is_empty()
                || !attr.chars().all(crate::syntax::is_ident_char)
                || func.is_empty()
                || !func.chars().all(crate::syntax::is_ident_char)
            {
                continue;
            }
            let Some(Some(kind)) = view.defined_kind(service, attr) else {
                continue;
            };
            for (hf, hi) in view.funcs_named(func, fi).into_iter().take(1) {
                let f = &view.files[hf].funcs[hi];
                if f.params.len() < 2 || f.params[0].name == "self" {
                    continue;
                }
                out.push(Found {
                    file: hf,
                    func: hi,
                    service: service.to_string(),
                    kind,
                    stream: f.params[0].name.clone(),
                    wrapper: None,
                });
            }
        }
    }
    out
}

/// The handlers a servicer's `__init__` binds as attributes: `self.X = p.Y`, `X` a method of
/// the service and `p` a parameter annotated with a class of the program.
fn bound_methods(view: &ProgramView<'_>, fi: usize, init: usize, service: &str) -> Vec<Found> {
    let file = &view.files[fi];
    let f = &file.funcs[init];
    let mut out = Vec::new();
    for line in file.src(&f.body).lines() {
        let Some((left, right)) = line.trim().split_once(" = ") else {
            continue;
        };
        let Some(rpc) = left.strip_prefix("self.") else {
            continue;
        };
        if view.defined_kind(service, rpc).is_none() {
            continue;
        }
        let Some((param, method)) = right.trim().split_once('.') else {
            continue;
        };
        let Some(ty) = f
            .params
            .iter()
            .find(|p| p.name == param)
            .map(|p| type_name(&p.ty))
        else {
            continue;
        };
        if ty.is_empty() {
            continue;
        }
        for (hf, hi) in view.methods_of(ty) {
            let h = &view.files[hf];
            if h.funcs[hi].name != method {
                continue;
            }
            let kind = |_: &str| view.defined_kind(service, rpc);
            if let Some(found) = method_handler(h, hf, hi, service, kind) {
                out.push(found);
            }
        }
    }
    out
}

/// A servicer method that streams, by the definition or by its shape.
fn method_handler(
    file: &ParsedFile,
    fi: usize,
    i: usize,
    service: &str,
    defined: impl Fn(&str) -> Option<Option<StreamKind>>,
) -> Option<Found> {
    let f = &file.funcs[i];
    if f.params.len() < 3 || f.params[0].name != "self" || f.name.starts_with('_') {
        return None;
    }
    let req = f.params[1].name.as_str();
    let kind = match defined(&f.name) {
        Some(k) => k?,
        None => used_kind(file, f, req)?,
    };
    Some(Found {
        file: fi,
        func: i,
        service: service.to_string(),
        kind,
        stream: req.to_string(),
        wrapper: None,
    })
}

fn used_kind(file: &ParsedFile, f: &Func, req: &str) -> Option<StreamKind> {
    let context = f
        .params
        .get(2)
        .map(|p| p.name.as_str())
        .unwrap_or("context");
    let calls = file.calls_in(&f.span);
    let reads = req.contains("iterator")
        || file
            .loops_in(&f.span)
            .any(|l| file.src(&l.header).trim() == req)
        || calls.iter().any(|c| c.callee == format!("{context}.read"));
    let writes = file.yields.iter().any(|y| contains(&f.body, y))
        || calls.iter().any(|c| c.callee == format!("{context}.write"));
    StreamKind::from_usage(reads, writes)
}

/// Streaming methods of subclasses of a generated `XServicer`.
pub(crate) fn declared_handlers(files: &[ParsedFile], catalog: &Catalog, fi: usize) -> Vec<Found> {
    let file = &files[fi];
    let mut out = Vec::new();
    for (i, f) in file.funcs.iter().enumerate() {
        let Some(service) = f.container_bases.as_deref().and_then(servicer_base) else {
            continue;
        };
        let defined = |m: &str| {
            catalog.kind(&service, m).map(|k| match k {
                MethodKind::Unary => None,
                MethodKind::Stream(k) => Some(k),
            })
        };
        if let Some(found) = method_handler(file, fi, i, &service, defined) {
            out.push(found);
        }
    }
    out
}
