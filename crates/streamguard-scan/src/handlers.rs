//! Streaming handlers, found from what each program registers (failure class 2 of issue 12):
//! a registration names a service and an implementation; the implementation's methods that
//! the service definition (or the method's own declared types) says stream are the handlers.
//!
//! A method whose own declaration says it is a streaming handler (a Go stream parameter, a
//! tonic service trait impl, a grpcio `…Servicer` subclass) but that no program registers is
//! kept in a program of its own marked unregistered: its server is not in the scanned files.

use std::collections::{HashMap, HashSet};

use crate::lang::{self, Handler, StreamKind};
use crate::program::{Program, Topology};
use crate::services::{Catalog, MethodKind};
use crate::syntax::{Class, ParsedFile, Span};

/// Functions by name and methods by the type they belong to, over the whole tree; a
/// [`ProgramView`] filters them to one program.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    funcs: HashMap<String, Vec<(usize, usize)>>,
    methods: HashMap<String, Vec<(usize, usize)>>,
}

impl NameIndex {
    pub fn new(files: &[ParsedFile]) -> Self {
        let mut idx = Self::default();
        for (fi, file) in files.iter().enumerate() {
            for (i, f) in file.funcs.iter().enumerate() {
                if f.name != "<anonymous>" {
                    idx.funcs.entry(f.name.clone()).or_default().push((fi, i));
                }
                if let Some(c) = &f.container {
                    idx.methods
                        .entry(lang::type_name(c).to_string())
                        .or_default()
                        .push((fi, i));
                }
            }
        }
        idx
    }

    pub fn funcs(&self, name: &str) -> &[(usize, usize)] {
        self.funcs.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn methods(&self, type_name: &str) -> &[(usize, usize)] {
        self.methods
            .get(type_name)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// One program, as handler detection and the rules see it.
pub(crate) struct ProgramView<'a> {
    pub files: &'a [ParsedFile],
    pub program: &'a Program,
    pub catalog: &'a Catalog,
    pub index: &'a NameIndex,
}

impl<'a> ProgramView<'a> {
    /// Functions named `name` in the program, those of `prefer` (a file) first.
    pub fn funcs_named(&self, name: &str, prefer: usize) -> Vec<(usize, usize)> {
        let mut v: Vec<(usize, usize)> = self
            .index
            .funcs(name)
            .iter()
            .copied()
            .filter(|&(f, _)| self.program.contains(f))
            .collect();
        v.sort_by_key(|&(f, _)| f != prefer);
        v
    }

    /// Methods of the type or class `name` in the program.
    pub fn methods_of(&self, name: &str) -> Vec<(usize, usize)> {
        self.index
            .methods(name)
            .iter()
            .copied()
            .filter(|&(f, _)| self.program.contains(f))
            .collect()
    }

    /// Classes of the program.
    pub fn classes(&self) -> impl Iterator<Item = (usize, &'a Class)> + '_ {
        self.program
            .files
            .iter()
            .flat_map(move |&fi| self.files[fi].classes.iter().map(move |c| (fi, c)))
    }

    /// The service a registration names, as the catalog knows it: `RouteGuideService` →
    /// `RouteGuide` when only that is defined.
    pub fn service_name(&self, written: &str) -> String {
        let candidates = [
            Some(written),
            written.strip_suffix("ServiceDefinition"),
            written.strip_suffix("Definition"),
            written.strip_suffix("Service"),
        ];
        candidates
            .iter()
            .flatten()
            .find(|c| self.catalog.knows(c))
            .or(candidates[3].as_ref())
            .unwrap_or(&written)
            .to_string()
    }

    /// The kind the catalog gives a method: `Some(None)` for a unary method.
    pub fn defined_kind(&self, service: &str, method: &str) -> Option<Option<StreamKind>> {
        self.catalog.kind(service, method).map(|k| match k {
            MethodKind::Unary => None,
            MethodKind::Stream(s) => Some(s),
        })
    }
}

/// A handler a language module found for a registration (or from its declaration alone).
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub file: usize,
    pub func: usize,
    pub service: String,
    pub kind: StreamKind,
    /// The parameter holding the call / stream / request iterator.
    pub stream: String,
    /// The function the registration wraps the handler in (`withAuth(liveQuery)`), if any.
    pub wrapper: Option<(usize, usize)>,
}

/// Every handler of every program; programs for unregistered handlers are added to `topo`.
pub(crate) fn detect(
    files: &[ParsedFile],
    catalog: &Catalog,
    index: &NameIndex,
    topo: &mut Topology,
) -> Vec<Handler> {
    let mut handlers = Vec::new();
    let mut attributed: HashSet<(usize, usize)> = HashSet::new();
    for (pi, program) in topo.programs.iter().enumerate() {
        let view = ProgramView {
            files,
            program,
            catalog,
            index,
        };
        let mut seen = HashSet::new();
        for &fi in &program.files {
            for reg in &files[fi].server.registrations {
                if !library_registration_used(files, program, fi, reg) {
                    continue;
                }
                for found in lang::implementations(&view, fi, reg) {
                    if seen.insert((found.file, found.func)) {
                        attributed.insert((found.file, found.func));
                        let body = delegate(&view, &found);
                        // The delegate is analysed as this handler's body: it is not a handler
                        // of a program of its own (`internal/lifts` in a tree whose `main`
                        // registers the forwarding method).
                        attributed.extend(body);
                        let mut h = handler(files, pi, found);
                        h.body = body;
                        handlers.push(h);
                    }
                }
            }
        }
    }
    for (fi, file) in files.iter().enumerate() {
        let found: Vec<Found> = lang::declared_handlers(files, catalog, fi)
            .into_iter()
            .filter(|f| !attributed.contains(&(f.file, f.func)))
            .collect();
        if found.is_empty() {
            continue;
        }
        let pi = topo.orphan(files, fi);
        let _ = file;
        for f in found {
            handlers.push(handler(files, pi, f));
        }
    }
    // A handler nested in another one (a callback) is part of the outer one.
    handlers.sort_by_key(|h| (h.program, h.file, files[h.file].funcs[h.func].span.start));
    let mut kept: Vec<Handler> = Vec::new();
    for h in handlers {
        let span = &files[h.file].funcs[h.func].span;
        let nested = kept.iter().any(|k| {
            k.program == h.program && k.file == h.file && {
                let ks = &files[k.file].funcs[k.func].span;
                ks != span && ks.start <= span.start && span.end <= ks.end
            }
        });
        if !nested {
            kept.push(h);
        }
    }
    kept
}

/// Whether a registration counts for `program`. In Go, one made inside a function of a library
/// package (`func Register(s grpc.ServiceRegistrar, …)` in `orca`) registers the service only
/// for the programs that call that function (`orca.Register(server, …)` from another package,
/// or by name from its own): importing the package (for its client side, say) does not serve
/// its service.
fn library_registration_used(
    files: &[ParsedFile],
    program: &crate::program::Program,
    fi: usize,
    reg: &crate::syntax::Registration,
) -> bool {
    let file = &files[fi];
    if file.language.family() != crate::lang::LanguageFamily::Go {
        return true;
    }
    let dir = |key: &str| {
        std::path::Path::new(key)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let own_dir = dir(&file.key);
    let main_dir = if program.name == "." {
        String::new()
    } else {
        program.name.clone()
    };
    if own_dir == main_dir {
        return true;
    }
    let Some(f) = file.func_containing(reg.at).map(|i| &file.funcs[i]) else {
        return true;
    };
    if f.name.is_empty() || f.name == "<anonymous>" || f.name == "main" {
        return true;
    }
    // The package's name as other packages call it: `orca.Register(…)`, from its `package`
    // clause.
    let package = crate::program::go_package(file);
    let span = f.span.clone();
    program.files.iter().any(|&pf| {
        let same_package = dir(&files[pf].key) == own_dir;
        files[pf].calls.iter().any(|c| {
            // A method (`RegisterWithRootServer`) is called through a value, often an
            // interface: its name is enough.
            c.name == f.name
                && !(pf == fi && span.contains(&c.span.start))
                && (same_package || c.receiver() == package || f.container.is_some())
        })
    })
}

/// The function that does a handler's work when its body only hands its stream to another
/// function of the program under the same name (`return run_exam_session(request_iterator,
/// context, claims)`): the handler is judged by that function's code, and reported as itself.
fn delegate(view: &ProgramView<'_>, found: &Found) -> Option<(usize, usize)> {
    let files = view.files;
    let file = &files[found.file];
    let f = &file.funcs[found.func];
    let statements: Vec<&str> = file
        .src(&f.body)
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('#')
                && !l.starts_with("//")
                && !l.starts_with("\"\"\"")
                && !["{", "}", "):", ":"].contains(l)
        })
        .collect();
    let [only] = statements.as_slice() else {
        return None;
    };
    let call = only
        .trim_start_matches('{')
        .trim()
        .trim_start_matches("return ")
        .trim_start_matches("yield from ")
        .trim_start_matches("await ")
        .trim_end_matches(';')
        .trim();
    let (callee, args) = call.strip_suffix(')')?.split_once('(')?;
    let k = args
        .split(',')
        .map(str::trim)
        .position(|a| a == found.stream)?;
    let name = crate::syntax::last_ident(callee);
    let candidates: Vec<(usize, usize)> = view
        .funcs_named(name, found.file)
        .into_iter()
        .filter(|&(hf, hi)| (hf, hi) != (found.file, found.func))
        .collect();
    let [(hf, hi)] = candidates.as_slice() else {
        return None;
    };
    let target = &files[*hf].funcs[*hi];
    // A method called on `self` takes the receiver first.
    let offset = usize::from(
        target
            .params
            .first()
            .is_some_and(|p| p.name == "self" || p.name == "cls"),
    );
    // The rules follow the stream by its name: only a delegate that keeps it is followed.
    (target.params.get(k + offset)?.name == found.stream).then_some((*hf, *hi))
}

fn handler(files: &[ParsedFile], program: usize, f: Found) -> Handler {
    let file = &files[f.file];
    let func = &file.funcs[f.func];
    Handler {
        program,
        file: f.file,
        func: f.func,
        name: lang::qualified(&func.container, &func.name),
        service: f.service,
        stream: f.stream,
        kind: f.kind,
        wrapper: f.wrapper,
        unimplemented: is_unimplemented(file, &func.body),
        body: None,
    }
}

/// A body that only answers "unimplemented": nothing to judge.
fn is_unimplemented(file: &ParsedFile, body: &Span) -> bool {
    let text = file.src(body);
    let code: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with('#') && !l.starts_with("\"\"\""))
        .collect();
    code.len() < 400
        && file.loops_in(body).next().is_none()
        && [
            "Unimplemented",
            "UNIMPLEMENTED",
            "unimplemented",
            "NotImplementedError",
            "NotImplemented",
            "todo!(",
        ]
        .iter()
        .any(|m| code.contains(m))
}
