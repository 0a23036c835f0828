//! grpc-js in JavaScript, TypeScript and TSX.
//!
//! A streaming handler is a function a program registers with `server.addService(svc, impl)`:
//! the implementation is an object literal, a variable holding one, an instance of a class, or
//! the object a factory returns. Its kind comes from the service definition (`.proto`,
//! generated `_grpc_pb.js`, ts-proto), else from the declared parameter type
//! (`ServerDuplexStream`…), else from how the registered function uses its call.

use tree_sitter::{Node, Tree};

use super::{StreamKind, identifiers, type_name};
use crate::handlers::{Found, ProgramView};
use crate::syntax::{
    Binding, Class, Func, InterceptorRef, ObjectLit, Param, ParsedFile, Registration, Span,
    ancestor, call_of, field, last_ident, loop_of, text, walk_tree,
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

const CLASS_KINDS: &[&str] = &["class_declaration", "class", "abstract_class_declaration"];

/// `grpc.max_connection_idle_ms` is not one: it only fires once a connection has no open stream.
const LIFETIME_OPTIONS: &[&str] = &["grpc.max_connection_age_ms"];

pub(crate) fn extract(file: &mut ParsedFile, tree: &Tree) {
    let src = file.text.clone();
    let src = src.as_str();
    let grpc = mentions_grpc(src);
    let (mut funcs, mut calls, mut loops, mut yields) = (vec![], vec![], vec![], vec![]);
    let (mut imports, mut bindings, mut objects, mut classes) = (vec![], vec![], vec![], vec![]);
    let mut server = crate::syntax::ServerFacts::default();
    walk_tree(tree, |node| match node.kind() {
        k if FUNCTION_KINDS.contains(&k) => funcs.push(function(node, src)),
        "call_expression" | "new_expression" => {
            let Some(c) = call_of(node, src) else { return };
            if ["require", "import"].contains(&c.callee.as_str())
                && let Some(spec) = string_arg(node, src)
            {
                imports.push(spec);
            }
            if grpc {
                server_call(node, src, &c, &mut server);
            }
            calls.push(c);
        }
        "import_statement" | "export_statement" => {
            if let Some(s) = node.child_by_field_name("source") {
                imports.push(unquote(text(s, src)).to_string());
            }
        }
        "variable_declarator" => {
            let name = node.child_by_field_name("name");
            if let (Some(n), Some(v)) = (name, node.child_by_field_name("value"))
                && n.kind() == "identifier"
            {
                bindings.push(Binding {
                    name: text(n, src).to_string(),
                    value: v.byte_range(),
                });
            }
        }
        "assignment_expression" => {
            // `client = new proto.Backend(…)`, `this.client = …`: bound to the last name.
            if let (Some(l), Some(r)) = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            ) {
                let name = last_ident(text(l, src));
                if !name.is_empty() {
                    bindings.push(Binding {
                        name: name.to_string(),
                        value: r.byte_range(),
                    });
                }
            }
        }
        // A module's whole export is kept even without a mention of gRPC: a handler module
        // need not import grpc-js to be registered by one that does.
        "object" if grpc || exported_whole(node, src) || may_implement(node) == Some(true) => {
            let returned =
                may_implement(node).or_else(|| exported_whole(node, src).then_some(false));
            if let Some(returned) = returned {
                objects.push(object(node, src, returned));
            }
        }
        k if CLASS_KINDS.contains(&k) => {
            let heritage = node
                .named_children(&mut node.walk())
                .find(|c| c.kind() == "class_heritage")
                .map(|h| text(h, src).to_string())
                .unwrap_or_default();
            classes.push(Class {
                name: field(node, "name", src).to_string(),
                bases: heritage,
            });
        }
        "pair" if grpc && unquote(field(node, "key", src)) == "interceptors" => {
            if let Some(v) = node.child_by_field_name("value") {
                let value = text(v, src);
                server.interceptors.push(InterceptorRef {
                    names: identifiers(value).take(8).map(str::to_string).collect(),
                    span: v.byte_range(),
                });
            }
        }
        "string" if grpc => {
            let t = unquote(text(node, src));
            if LIFETIME_OPTIONS.contains(&t) {
                server.lifetime.push((node.start_byte(), t.to_string()));
            }
        }
        "for_in_statement" | "for_statement" | "while_statement" => {
            loops.extend(loop_of(node, &["right"]))
        }
        // `do { … } while (cond)`: the condition comes after the body.
        "do_statement" => loops.extend(loop_of(node, &["condition"])),
        "yield_expression" => yields.push(node.byte_range()),
        _ => {}
    });
    file.funcs = funcs;
    file.calls = calls;
    file.loops = loops;
    file.yields = yields;
    file.imports = imports;
    file.bindings = bindings;
    file.objects = objects;
    file.classes = classes;
    file.server = server;
}

fn mentions_grpc(src: &str) -> bool {
    src.contains("grpc") || src.contains(".addService(")
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(['\'', '"', '`'])
}

/// The string literal first argument of `require('x')` / `import('x')`.
fn string_arg(node: Node<'_>, src: &str) -> Option<String> {
    let args = node.child_by_field_name("arguments")?;
    let first = args.named_child(0)?;
    (first.kind() == "string").then(|| unquote(text(first, src)).to_string())
}

/// Registrations, server constructions and interceptors seen in one call.
fn server_call(
    node: Node<'_>,
    src: &str,
    c: &crate::syntax::Call,
    server: &mut crate::syntax::ServerFacts,
) {
    let args = node.child_by_field_name("arguments");
    if c.name == "addService" {
        let Some(args) = args else { return };
        let mut cursor = args.walk();
        let mut named = args
            .named_children(&mut cursor)
            .filter(|n| n.kind() != "comment");
        if let (Some(svc), Some(imp)) = (named.next(), named.next()) {
            server.registrations.push(Registration {
                service: service_of(text(svc, src)),
                implementation: imp.byte_range(),
                at: node.start_byte(),
            });
        }
    } else if node.kind() == "new_expression" && c.name == "Server" {
        server.constructions.push(node.start_byte());
    }
}

/// The service name in `addService`'s first argument: `routeguide.RouteGuide.service` →
/// `RouteGuide`, `services.RouteGuideService` → `RouteGuideService`.
fn service_of(arg: &str) -> String {
    let a = arg.trim();
    let a = a.strip_suffix(".service").unwrap_or(a);
    let a = a.split('(').next().unwrap_or(a);
    last_ident(a).to_string()
}

/// Object literals that can be a service implementation: bound to a name, returned, passed
/// to a call, assigned or exported. `Some(true)` when it is returned from a function.
fn may_implement(node: Node<'_>) -> Option<bool> {
    let mut p = node.parent();
    for _ in 0..3 {
        let n = p?;
        match n.kind() {
            "return_statement" | "arrow_function" => return Some(true),
            "variable_declarator" | "arguments" | "assignment_expression" | "export_statement" => {
                return Some(false);
            }
            "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "await_expression" => p = n.parent(),
            _ => return None,
        }
    }
    None
}

fn object(node: Node<'_>, src: &str, returned: bool) -> ObjectLit {
    let mut entries = Vec::new();
    let mut c = node.walk();
    for child in node.named_children(&mut c) {
        match child.kind() {
            "pair" => {
                if let Some(v) = child.child_by_field_name("value") {
                    let key = unquote(field(child, "key", src)).to_string();
                    entries.push((key, v.byte_range()));
                }
            }
            "shorthand_property_identifier" => {
                entries.push((text(child, src).to_string(), child.byte_range()))
            }
            "method_definition" => {
                let key = unquote(field(child, "name", src)).to_string();
                entries.push((key, child.byte_range()));
            }
            _ => {}
        }
    }
    ObjectLit {
        span: node.byte_range(),
        entries,
        returned,
    }
}

fn function(node: Node<'_>, src: &str) -> Func {
    let mut wrapped_by = None;
    let (name, name_at) = match node.child_by_field_name("name") {
        Some(n) => (unquote(text(n, src)).to_string(), n.start_byte()),
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
    let container = ancestor(node, CLASS_KINDS, 3).map(|c| field(c, "name", src).to_string());
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
                let key = unquote(field(parent, "key", src));
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

/// The handlers behind `server.addService(svc, impl)`.
pub(crate) fn implementations(view: &ProgramView<'_>, fi: usize, reg: &Registration) -> Vec<Found> {
    let service = view.service_name(&reg.service);
    let mut entries = Vec::new();
    impl_entries(view, fi, &reg.implementation, reg.at, 0, &mut entries);
    let mut out = Vec::new();
    for entry in entries {
        let Some((hf, func, wrapper)) = entry_func(view, &entry) else {
            continue;
        };
        let file = &view.files[hf];
        let f = &file.funcs[func];
        let Some(p) = f.params.first() else { continue };
        if p.name.is_empty() || !p.name.chars().all(crate::syntax::is_ident_char) {
            continue;
        }
        let kind = match view.defined_kind(&service, &entry.method) {
            Some(defined) => defined,
            // A method of the implementation class the service does not define
            // (`openSession(call)`, a helper) is not a handler.
            None if entry.class.is_some() && view.catalog.knows(&service) => continue,
            None => declared_kind(&p.ty).or_else(|| used_kind(file, f, &p.name)),
        };
        if let Some(kind) = kind {
            out.push(Found {
                file: hf,
                func,
                service: service.clone(),
                kind,
                stream: p.name.clone(),
                wrapper,
            });
        }
    }
    out
}

/// A function of the tree: (file, function index).
type FuncRef = (usize, usize);

/// One method of an implementation: its name and the expression that implements it.
struct Entry {
    method: String,
    file: usize,
    value: Span,
    /// The class the method belongs to, when the implementation is a class instance.
    class: Option<String>,
}

/// The methods an implementation expression stands for (object literal, variable, class
/// instance, factory call), following at most four hops.
fn impl_entries(
    view: &ProgramView<'_>,
    fi: usize,
    span: &Span,
    before: usize,
    depth: usize,
    out: &mut Vec<Entry>,
) {
    if depth > 4 {
        return;
    }
    let file = &view.files[fi];
    let raw = file.src(span).trim();
    if let Some(obj) = file
        .objects
        .iter()
        .find(|o| o.span == *span || trimmed_eq(file, &o.span, raw))
    {
        out.extend(obj.entries.iter().map(|(k, v)| Entry {
            method: k.clone(),
            file: fi,
            value: v.clone(),
            class: None,
        }));
        return;
    }
    let expr = strip_expr(raw);
    // A handler module: `require('./handlers/telemetry')` → the object it exports.
    if let Some(spec) = expr
        .strip_prefix("require(")
        .and_then(|r| r.strip_suffix(')'))
    {
        let spec = unquote(spec.trim());
        let target = crate::program::js_import_with(&file.key, spec, |key| {
            view.program
                .files
                .iter()
                .copied()
                .find(|&pf| view.files[pf].key == key)
        });
        if let Some((pf, exported)) =
            target.and_then(|pf| Some((pf, exported_object(&view.files[pf])?)))
        {
            impl_entries(view, pf, &exported, exported.start, depth + 1, out);
        }
        return;
    }
    // A member of a module's export: `scores.handlers` with `scores = require('./lib/scores')`.
    if let Some((base, member)) = expr.split_once('.')
        && !base.is_empty()
        && base.chars().all(crate::syntax::is_ident_char)
        && member.chars().all(crate::syntax::is_ident_char)
        && let Some(b) = file.binding(base, before)
        && file.src(&b.value).trim_start().starts_with("require(")
    {
        let mut module = Vec::new();
        let value = b.value.clone();
        impl_entries(view, fi, &value, value.start, depth + 1, &mut module);
        if let Some(e) = module.into_iter().find(|e| e.method == member) {
            impl_entries(view, e.file, &e.value, e.value.start, depth + 1, out);
        }
        return;
    }
    if let Some(rest) = expr.strip_prefix("new ") {
        let class = last_ident(rest.split('(').next().unwrap_or(rest));
        // `import { ImagingService as ImagingImpl } from './services/imaging'`: the class is
        // declared under its own name.
        let class = if view.classes().any(|(_, c)| c.name == class) {
            class
        } else {
            imported_as(&file.text, class).unwrap_or(class)
        };
        class_entries(view, class, out);
        return;
    }
    if expr.chars().all(crate::syntax::is_ident_char) && !expr.is_empty() {
        if let Some(b) = file.binding(expr, before) {
            let value = b.value.clone();
            impl_entries(view, fi, &value, value.start, depth + 1, out);
            return;
        }
        if view.classes().any(|(_, c)| c.name == expr) {
            class_entries(view, expr, out);
            return;
        }
        for &pf in &view.program.files {
            if pf == fi {
                continue;
            }
            if let Some(b) = view.files[pf].bindings.iter().find(|b| b.name == expr) {
                let value = b.value.clone();
                impl_entries(view, pf, &value, value.start, depth + 1, out);
                return;
            }
        }
    }
    // A factory: `makeImplementation(…)` → the object literal it returns.
    if let Some(callee) = expr.strip_suffix(')').and_then(|e| e.split('(').next()) {
        let name = last_ident(callee);
        for (hf, hi) in view.funcs_named(name, fi).into_iter().take(2) {
            let h = &view.files[hf];
            let body = h.funcs[hi].span.clone();
            let returned = h
                .objects
                .iter()
                .find(|o| o.returned && crate::lang::contains(&body, &o.span))
                .map(|o| o.span.clone());
            if let Some(r) = returned {
                impl_entries(view, hf, &r, r.start, depth + 1, out);
                return;
            }
        }
    }
}

/// Whether an object literal is `module.exports = { … }` or `export default { … }`.
/// Objects one key deep in it count too (`module.exports = { handlers: { … } }`).
fn exported_whole(node: Node<'_>, src: &str) -> bool {
    let Some(p) = node.parent() else { return false };
    match p.kind() {
        "assignment_expression" => field(p, "left", src) == "module.exports",
        "export_statement" => true,
        "pair" => p
            .parent()
            .filter(|o| o.kind() == "object")
            .is_some_and(|o| {
                o.parent().is_some_and(|op| match op.kind() {
                    "assignment_expression" => field(op, "left", src) == "module.exports",
                    "export_statement" => true,
                    _ => false,
                })
            }),
        _ => false,
    }
}

/// The object literal a CommonJS or ES module exports whole: `module.exports = { … }`,
/// `export default { … }`.
fn exported_object(file: &ParsedFile) -> Option<Span> {
    file.objects
        .iter()
        .find(|o| {
            let before = file.text[..o.span.start].trim_end();
            let before = before
                .strip_suffix('=')
                .map(str::trim_end)
                .unwrap_or(before);
            ["module.exports", "export default"]
                .iter()
                .any(|w| before.ends_with(w))
        })
        .map(|o| o.span.clone())
}

fn trimmed_eq(file: &ParsedFile, span: &Span, raw: &str) -> bool {
    !raw.is_empty() && file.src(span).trim() == raw
}

/// `await x`, `(x)`, `x as any`, `x!` → `x`.
fn strip_expr(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let before = s;
        s = s.strip_prefix("await ").unwrap_or(s).trim();
        if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            s = inner.trim();
        }
        if let Some(i) = s.find(" as ") {
            s = s[..i].trim();
        }
        s = s.trim_end_matches('!');
        if s == before {
            return s;
        }
    }
}

/// The methods of a class (and of the class it extends, one level) as entries.
fn class_entries(view: &ProgramView<'_>, class: &str, out: &mut Vec<Entry>) {
    let mut names = vec![class.to_string()];
    if let Some((_, c)) = view.classes().find(|(_, c)| c.name == class)
        && let Some(ext) = c.bases.split("extends").nth(1)
    {
        let base = ext.split_whitespace().next().unwrap_or("");
        names.push(type_name(base).to_string());
    }
    for n in names {
        for (hf, hi) in view.methods_of(&n) {
            let f = &view.files[hf].funcs[hi];
            out.push(Entry {
                method: f.name.clone(),
                file: hf,
                value: f.span.clone(),
                class: Some(n.clone()),
            });
        }
    }
}

/// The function implementing an entry, and the function it is wrapped in: the function literal
/// itself, a function referenced by name (`routeChat`, `this.routeChat.bind(this)`), or the one
/// a wrapper receives (`withAuth(liveQuery)`, `wrap(function (call) {…})`).
fn entry_func(view: &ProgramView<'_>, e: &Entry) -> Option<(usize, usize, Option<FuncRef>)> {
    let file = &view.files[e.file];
    if let Some(i) = file.func_at(&e.value) {
        return Some((e.file, i, None));
    }
    let t = strip_expr(file.src(&e.value));
    // A handler module: `watchPatient: require('./handlers/watchPatient')`, or a name bound to
    // one (`const watch = require(…)`) → the function the module exports whole.
    let required = match require_spec(t) {
        Some(spec) => Some(spec),
        None if !t.is_empty() && t.chars().all(crate::syntax::is_ident_char) => file
            .binding(t, e.value.start)
            .and_then(|b| require_spec(strip_expr(file.src(&b.value)))),
        None => None,
    };
    if let Some(spec) = required
        && let Some(found) = module_export_func(view, e.file, spec)
    {
        return Some((found.0, found.1, None));
    }
    if let Some((callee, args)) = t.strip_suffix(')').and_then(|x| x.split_once('(')) {
        let wrapper = view
            .funcs_named(last_ident(callee), e.file)
            .first()
            .copied();
        let inner = args
            .split(',')
            .map(str::trim)
            .filter(|a| {
                !a.is_empty()
                    && a.chars()
                        .all(|c| crate::syntax::is_ident_char(c) || c == '.')
            })
            .find_map(|a| view.funcs_named(last_ident(a), e.file).first().copied())
            // `withRider(makeRideSession())`: the function the factory returns.
            .or_else(|| {
                args.split(',').map(str::trim).find_map(|a| {
                    let factory = a.strip_suffix(')')?.split_once('(')?.0;
                    if factory.is_empty()
                        || !factory
                            .chars()
                            .all(|c| crate::syntax::is_ident_char(c) || c == '.')
                    {
                        return None;
                    }
                    let name = last_ident(factory);
                    view.funcs_named(name, e.file)
                        .into_iter()
                        .take(2)
                        .find_map(|(ff, fi)| {
                            returned_function(&view.files[ff], fi).map(|i| (ff, i))
                        })
                })
            });
        if let Some((hf, hi)) = inner {
            return Some((hf, hi, wrapper));
        }
        // `readerFeed: makeReaderFeed({ raceId })`: the function the factory itself returns
        // (when it is handed no function literal to wrap: `withAuth(function (call) {…})` is
        // that literal, below).
        let wraps_a_literal = file
            .funcs
            .iter()
            .any(|f| crate::lang::contains(&e.value, &f.span));
        if !wraps_a_literal
            && let Some((ff, fi)) = wrapper
            && let Some(i) = returned_function(&view.files[ff], fi)
        {
            return Some((ff, i, None));
        }
    }
    let t = t.strip_suffix(".bind(this)").unwrap_or(t);
    let t = t.split(".bind(").next().unwrap_or(t);
    if !t.is_empty()
        && t.chars()
            .all(|c| crate::syntax::is_ident_char(c) || c == '.')
    {
        let name = last_ident(t);
        let found = view.funcs_named(name, e.file);
        let pick = found
            .iter()
            .find(|&&(hf, hi)| {
                let c = &view.files[hf].funcs[hi].container;
                match &e.class {
                    Some(cls) => c.as_deref() == Some(cls.as_str()),
                    None => t.starts_with("this.") || c.is_none(),
                }
            })
            .or(found.first());
        return pick.map(|&(f, i)| (f, i, None));
    }
    // A wrapper: `wrap(function (call) {…})` → the outermost function inside.
    file.funcs
        .iter()
        .enumerate()
        .filter(|(_, f)| crate::lang::contains(&e.value, &f.span))
        .min_by_key(|(_, f)| f.span.start)
        .map(|(i, _)| (e.file, i, None))
}

/// The function a factory returns (`return function rideSession(call, rider) {…}`, `return
/// (call) => {…}`): the outermost function nested in it that a `return` hands back.
fn returned_function(file: &ParsedFile, factory: usize) -> Option<usize> {
    let outer = &file.funcs[factory];
    file.funcs
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            *i != factory
                && crate::lang::contains(&outer.body, &f.span)
                && file.text[..f.span.start].trim_end().ends_with("return")
        })
        .min_by_key(|(_, f)| f.span.start)
        .map(|(i, _)| i)
}

/// The name an ES import renames to `alias` (`import { A as alias } from …` → `A`).
fn imported_as<'t>(text: &'t str, alias: &str) -> Option<&'t str> {
    let pattern = format!(" as {alias}");
    text.lines()
        .filter(|l| l.trim_start().starts_with("import"))
        .find_map(|l| {
            let at = l.find(&pattern)?;
            let after = l[at + pattern.len()..].chars().next();
            if after.is_some_and(crate::syntax::is_ident_char) {
                return None;
            }
            let name = last_ident(l[..at].trim_end());
            (!name.is_empty()).then_some(name)
        })
}

/// `'./x'` of `require('./x')`.
fn require_spec(expr: &str) -> Option<&str> {
    let inner = expr.strip_prefix("require(")?.strip_suffix(')')?;
    Some(unquote(inner))
}

/// The function a module exports whole: `module.exports = watchPatient` (a function of that
/// module), `module.exports = function (call) {…}`, `export default function …`.
fn module_export_func(view: &ProgramView<'_>, importer: usize, spec: &str) -> Option<FuncRef> {
    let key = &view.files[importer].key;
    let mf = crate::program::js_import_with(key, spec, |k| {
        view.program
            .files
            .iter()
            .copied()
            .find(|&pf| view.files[pf].key == k)
    })?;
    let m = &view.files[mf];
    for b in m.bindings.iter().filter(|b| b.name == "exports") {
        let before = m.text[..b.value.start].trim_end();
        let before = before
            .strip_suffix('=')
            .map(str::trim_end)
            .unwrap_or(before);
        if !before.ends_with("module.exports") {
            continue;
        }
        if let Some(i) = m.func_at(&b.value) {
            return Some((mf, i));
        }
        let name = strip_expr(m.src(&b.value));
        if let Some(i) = m
            .funcs
            .iter()
            .position(|f| f.name == name && f.container.is_none())
        {
            return Some((mf, i));
        }
    }
    // `export default function watchPatient(call) {…}` / `export default watchPatient;`
    let at = m.text.find("export default ")?;
    let rest = &m.text[at + "export default ".len()..];
    if let Some(i) = m
        .funcs
        .iter()
        .position(|f| f.span.start >= at + "export default ".len() && f.span.start <= at + 32)
    {
        return Some((mf, i));
    }
    let name: String = rest
        .chars()
        .take_while(|c| crate::syntax::is_ident_char(*c))
        .collect();
    m.funcs
        .iter()
        .position(|f| f.name == name && f.container.is_none())
        .map(|i| (mf, i))
}

/// The kind a TypeScript parameter type declares.
fn declared_kind(ty: &str) -> Option<StreamKind> {
    if ty.contains("ServerDuplexStream") {
        Some(StreamKind::Bidi)
    } else if ty.contains("ServerReadableStream") {
        Some(StreamKind::Client)
    } else if ty.contains("ServerWritableStream") {
        Some(StreamKind::Server)
    } else {
        None
    }
}

/// The kind a registered function's use of its call shows: reads (`call.on('data')`,
/// `for await (… of call)`) and writes (`call.write`).
fn used_kind(file: &ParsedFile, f: &Func, stream: &str) -> Option<StreamKind> {
    let on = format!("{stream}.on");
    let write = format!("{stream}.write");
    let mut reads = false;
    let mut writes = false;
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
    StreamKind::from_usage(reads, writes)
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
