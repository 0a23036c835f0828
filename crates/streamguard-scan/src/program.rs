//! Programs: the unit every fact about a server is scoped to (failure class 1 of issue 12).
//!
//! A program starts at an entry — a Go `package main` directory, a Rust crate root, a JS/TS or
//! Python file that constructs a gRPC server — and holds every file that entry reaches through
//! imports (Go packages of the same or a nested module, Rust `mod` declarations and the
//! package's library, relative JS imports, Python imports resolved in the tree). A registration
//! that no entry reaches starts a program of its own.
//!
//! Rules never look at the tree as a whole: they ask the handler's program for its facts —
//! the interceptors and lifetime options its server is built with — and resolve helper
//! functions only among its files.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use crate::lang::{self, LanguageFamily};
use crate::syntax::{Func, ParsedFile, Span};

/// A Go module found in the tree: its directory (relative to the scan base) and path.
#[derive(Debug, Clone)]
pub(crate) struct GoModule {
    pub dir: PathBuf,
    pub path: String,
}

/// One program.
#[derive(Debug)]
pub(crate) struct Program {
    /// Where it starts, relative to the scan root: a directory (Go) or a file.
    pub name: String,
    pub family: LanguageFamily,
    /// Indices of its files, sorted.
    pub files: Vec<usize>,
    /// False for the handlers nobody registers: their server is not in the scanned files.
    pub registered: bool,
    pub facts: ProgramFacts,
}

/// What a program's server is built with.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProgramFacts {
    /// A server option bounding connection lifetime: `` `MaxConnectionAge` (main.go:40) ``.
    pub lifetime_limit: Option<String>,
    /// The interceptor that checks the caller's token when a stream opens.
    pub auth_interceptor: Option<AuthInterceptor>,
    /// streamguard's own layer wraps the server (tonic).
    pub streamguard: bool,
    /// Where the server is constructed: `main.go:48`.
    pub server_at: Option<String>,
}

/// An interceptor (or tower layer, or `withAuth` wrapper) that checks the caller's token when a
/// stream opens: the rules judge from its code whether it also ends the stream at expiry.
#[derive(Debug, Clone)]
pub(crate) struct AuthInterceptor {
    /// `` interceptor `authStream` (main.go:14) ``.
    pub what: String,
    pub file: usize,
    /// Its code: the function, or the inline closure handed to the server.
    pub span: Span,
}

impl Program {
    pub fn contains(&self, file: usize) -> bool {
        self.files.binary_search(&file).is_ok()
    }

    /// Whether the server that serves its handlers is built in the scanned files, so that its
    /// options (lifetime limits) are known. A library's `Register(s)` helper, or handlers
    /// nobody registers, leave them unknown.
    pub fn server_known(&self) -> bool {
        self.registered && self.facts.server_at.is_some()
    }
}

/// How the files of the tree reach one another, and the programs that start in it.
pub(crate) struct Topology {
    graph: Graph,
    pub programs: Vec<Program>,
}

impl Topology {
    /// Finds the programs of the tree, in family then path order.
    pub fn discover(files: &[ParsedFile], modules: &[GoModule]) -> Self {
        let graph = Graph::new(files, modules);
        let mut programs = Vec::new();
        for family in LanguageFamily::ALL {
            programs.extend(family_programs(files, &graph, family));
        }
        Self { graph, programs }
    }

    /// A program of its own for handlers no registration reaches (a library, or a server built
    /// outside the scanned files): the handler's unit and what it imports. Returns its index.
    pub fn orphan(&mut self, files: &[ParsedFile], file: usize) -> usize {
        let unit = self.graph.unit_of(file);
        let name = self.graph.unit_name(unit);
        if let Some(i) = self
            .programs
            .iter()
            .position(|p| !p.registered && p.name == name)
        {
            return i;
        }
        self.programs.push(Program {
            name,
            family: files[file].language.family(),
            files: self.graph.closure(unit),
            registered: false,
            facts: ProgramFacts::default(),
        });
        self.programs.len() - 1
    }
}

fn family_programs(files: &[ParsedFile], graph: &Graph, family: LanguageFamily) -> Vec<Program> {
    let of_family = (0..files.len()).filter(|&i| files[i].language.family() == family);
    let registers = |i: usize| !files[i].server.registrations.is_empty();
    let mut entries: Vec<usize> = of_family
        .clone()
        .filter(|&i| match family {
            LanguageFamily::Go => files[i].is_entry,
            LanguageFamily::Rust => !graph.is_module_child(i),
            LanguageFamily::Js | LanguageFamily::Python => {
                !files[i].server.constructions.is_empty()
            }
        })
        .collect();
    // A Rust library that registers is its own program before the binaries that link it; of
    // entries that reach the same server, the one nearest to where it is made or registered
    // runs it (`cmd/lnd` calls the server package; `cmd/lncli` reaches it through commands).
    let serves = |u: usize| {
        graph.members[u]
            .iter()
            .any(|&f| registers(f) || !files[f].server.constructions.is_empty())
    };
    entries.sort_by_cached_key(|&i| (files[i].is_entry, graph.distance(graph.unit_of(i), serves)));
    let registering: Vec<usize> = of_family.filter(|&i| registers(i)).collect();
    let mut covered = vec![false; files.len()];
    let mut seen: HashSet<Vec<usize>> = HashSet::new();
    let mut programs = Vec::new();
    // Entries first; then each registering file no entry reaches starts a program of its own.
    for root in entries.iter().chain(registering.iter()).copied() {
        if covered[root] && !entries.contains(&root) {
            continue;
        }
        let unit = graph.unit_of(root);
        let set = graph.closure(unit);
        // Nothing registered here that an earlier program does not already serve. A Go main
        // package that reaches a registration is a program of its own even so: two binaries may
        // serve one library's service (which of them calls its `Register` decides, see
        // `handlers::detect`).
        let go_entry = family == LanguageFamily::Go
            && entries.contains(&root)
            && calls_a_registering_function(files, &graph.members[unit], &set);
        if !set
            .iter()
            .any(|&f| registers(f) && (!covered[f] || go_entry))
        {
            continue;
        }
        for &f in &set {
            covered[f] = true;
        }
        if !seen.insert(set.clone()) {
            continue;
        }
        programs.push(Program {
            name: graph.unit_name(unit),
            family,
            facts: facts(files, &set),
            files: set,
            registered: true,
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

/// Whether the files of a main package call, by name, a function of `set` that makes a
/// registration (`metrics.Register(s)` with `func Register(s …) { pb.RegisterMetricsServer(s, …) }`).
fn calls_a_registering_function(files: &[ParsedFile], unit: &[usize], set: &[usize]) -> bool {
    set.iter().any(|&f| {
        let file = &files[f];
        file.server.registrations.iter().any(|reg| {
            let Some(func) = file.func_containing(reg.at).map(|i| &file.funcs[i]) else {
                return false;
            };
            // `lnd.Main(…)` calls lnd's `Main`, `commands.Main()` does not; a method is called
            // through a value.
            let package = go_package(file);
            let calls = |c: &crate::syntax::Call| {
                c.name == func.name && (func.container.is_some() || c.receiver() == package)
            };
            func.name != "main"
                && unit
                    .iter()
                    .any(|&u| u != f && files[u].calls.iter().any(calls))
        })
    })
}

/// The name in a Go file's `package` clause.
pub(crate) fn go_package(file: &ParsedFile) -> &str {
    file.text
        .lines()
        .find_map(|l| l.strip_prefix("package "))
        .and_then(|p| p.split_whitespace().next())
        .unwrap_or("")
}

/// The facts of a program, from the server options written in its files.
fn facts(files: &[ParsedFile], set: &[usize]) -> ProgramFacts {
    let mut out = ProgramFacts::default();
    for &fi in set {
        let f = &files[fi];
        let s = &f.server;
        if out.lifetime_limit.is_none()
            && let Some((byte, name)) = s.lifetime.first()
        {
            out.lifetime_limit = Some(format!("`{name}` ({}:{})", f.key, f.position(*byte).0));
        }
        if out.server_at.is_none()
            && let Some(&byte) = s.constructions.first()
        {
            out.server_at = Some(format!("{}:{}", f.key, f.position(byte).0));
        }
        out.streamguard |= s.streamguard.is_some();
    }
    out.auth_interceptor = auth_interceptor(files, set);
    out
}

/// The first interceptor handed to the server that checks the caller's token (in its own
/// code or in the functions it calls).
fn auth_interceptor(files: &[ParsedFile], set: &[usize]) -> Option<AuthInterceptor> {
    for &fi in set {
        let f = &files[fi];
        for r in &f.server.interceptors {
            // An inline closure is judged from its own calls first.
            let inline = || {
                let (line, _) = f.position(r.span.start);
                Some(AuthInterceptor {
                    what: format!("interceptor at {}:{line}", f.key),
                    file: fi,
                    span: r.span.clone(),
                })
            };
            if lang::checks_token(f, &r.span) {
                return inline();
            }
            // A function named there (`authStream`, or the factory `guard(tokens, revoked)`
            // whose returned closure checks the token): its whole code is the interceptor's.
            for name in &r.names {
                for (hf, func) in interceptor_bodies(files, set, f.language.family(), name) {
                    let h = &files[hf];
                    if checks_token(files, set, hf, &func.span) {
                        let (line, _) = h.position(func.name_at);
                        let what = match &func.container {
                            Some(c) if func.name == "intercept_service" || func.name == "call" => {
                                lang::type_name(c).to_string()
                            }
                            _ => func.name.clone(),
                        };
                        return Some(AuthInterceptor {
                            what: format!("interceptor `{what}` ({}:{line})", h.key),
                            file: hf,
                            span: func.span.clone(),
                        });
                    }
                }
            }
            if checks_token(files, set, fi, &r.span) {
                return inline();
            }
        }
    }
    None
}

/// Whether the code at `span` checks the caller's token, itself or through a function of the
/// program it calls by name (`parse(ctx)`, `validateAuthorizationMetadata(md)`).
fn checks_token(files: &[ParsedFile], set: &[usize], fi: usize, span: &Span) -> bool {
    let f = &files[fi];
    if lang::checks_token(f, span) {
        return true;
    }
    f.calls_in(span).iter().any(|c| {
        c.name.len() > 2
            && set.iter().any(|&hf| {
                let h = &files[hf];
                h.language.family() == f.language.family()
                    && h.funcs
                        .iter()
                        .filter(|g| {
                            g.name == c.name && !(hf == fi && crate::lang::contains(span, &g.span))
                        })
                        .take(3)
                        .any(|g| lang::checks_token(h, &g.span))
            })
    })
}

/// The functions an interceptor name stands for in the program: a function of that name, or
/// the `intercept_service` (Python) / `call` (tonic `Interceptor`) method of a class of that name.
fn interceptor_bodies<'a>(
    files: &'a [ParsedFile],
    set: &[usize],
    family: LanguageFamily,
    name: &str,
) -> Vec<(usize, &'a Func)> {
    let mut out = Vec::new();
    if name.len() < 3 {
        return out;
    }
    for &fi in set {
        let f = &files[fi];
        if f.language.family() != family {
            continue;
        }
        for func in &f.funcs {
            let own = func.name == name;
            let method = func
                .container
                .as_deref()
                .is_some_and(|c| lang::type_name(c) == name)
                && ["intercept_service", "call", "intercept", "interceptStream"]
                    .contains(&func.name.as_str());
            if own || method {
                out.push((fi, func));
            }
        }
    }
    // A tower layer (`AuthLayer`) does its work in the `call` of the service it wraps around the
    // inner one, defined beside it.
    if out.is_empty() && name.starts_with(|c: char| c.is_ascii_uppercase()) {
        for &fi in set {
            let f = &files[fi];
            let defines = f
                .funcs
                .iter()
                .any(|g| g.container.as_deref().map(lang::type_name) == Some(name));
            if defines && f.language.family() == family {
                out.extend(
                    f.funcs
                        .iter()
                        .filter(|g| {
                            g.name == "call"
                                && g.container_bases
                                    .as_deref()
                                    .is_some_and(|t| t.contains("Service"))
                        })
                        .map(|g| (fi, g)),
                );
            }
        }
    }
    out.truncate(4);
    out
}

/// How files reach one another.
struct Graph {
    /// Unit of each file: its directory for Go, itself otherwise.
    unit: Vec<usize>,
    /// Files of each unit.
    members: Vec<Vec<usize>>,
    names: Vec<String>,
    edges: Vec<Vec<usize>>,
    module_child: Vec<bool>,
}

impl Graph {
    fn new(files: &[ParsedFile], modules: &[GoModule]) -> Self {
        let mut unit = vec![0; files.len()];
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut names = Vec::new();
        let mut dir_units: HashMap<PathBuf, usize> = HashMap::new();
        let mut by_path: HashMap<String, usize> = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            by_path.insert(f.key.clone(), i);
            if f.language.family() == LanguageFamily::Go {
                let dir = parent(&f.key);
                let u = *dir_units.entry(dir.clone()).or_insert_with(|| {
                    members.push(Vec::new());
                    names.push(display_dir(&dir));
                    members.len() - 1
                });
                unit[i] = u;
                members[u].push(i);
            } else {
                unit[i] = members.len();
                members.push(vec![i]);
                names.push(f.key.clone());
            }
        }
        let py = PythonModules::new(files);
        let mut edges = vec![Vec::new(); members.len()];
        let mut module_child = vec![false; files.len()];
        for (i, f) in files.iter().enumerate() {
            let targets: Vec<usize> = match f.language.family() {
                LanguageFamily::Go => f
                    .imports
                    .iter()
                    .filter_map(|imp| go_import_dir(&f.key, imp, modules))
                    .filter_map(|d| dir_units.get(&d).copied())
                    .collect(),
                LanguageFamily::Js => f
                    .imports
                    .iter()
                    .filter_map(|imp| js_import(&f.key, imp, &by_path))
                    .map(|t| unit[t])
                    .collect(),
                LanguageFamily::Python => f
                    .imports
                    .iter()
                    .flat_map(|imp| py.resolve(&f.key, imp))
                    .map(|t| unit[t])
                    .collect(),
                LanguageFamily::Rust => {
                    let mut t: Vec<usize> = f
                        .imports
                        .iter()
                        .filter_map(|m| rust_mod(&f.key, m, &by_path))
                        .collect();
                    for &c in &t {
                        module_child[c] = true;
                    }
                    t.extend(rust_package_lib(&f.key, &by_path).filter(|&l| l != i));
                    t.into_iter().map(|x| unit[x]).collect()
                }
            };
            let u = unit[i];
            for t in targets {
                if t != u && !edges[u].contains(&t) {
                    edges[u].push(t);
                }
            }
        }
        Self {
            unit,
            members,
            names,
            edges,
            module_child,
        }
    }

    fn unit_of(&self, file: usize) -> usize {
        self.unit[file]
    }

    fn unit_name(&self, unit: usize) -> String {
        self.names[unit].clone()
    }

    /// Whether another Rust file declares this one as a module.
    fn is_module_child(&self, file: usize) -> bool {
        self.module_child[file]
    }

    /// How many imports away from `start` the nearest unit that is `target` lies
    /// (`usize::MAX` when none is reachable).
    fn distance(&self, start: usize, target: impl Fn(usize) -> bool) -> usize {
        let mut seen = vec![false; self.members.len()];
        let mut queue = VecDeque::from([(start, 0)]);
        seen[start] = true;
        while let Some((u, d)) = queue.pop_front() {
            if target(u) {
                return d;
            }
            for &t in &self.edges[u] {
                if !seen[t] {
                    seen[t] = true;
                    queue.push_back((t, d + 1));
                }
            }
        }
        usize::MAX
    }

    /// The files of every unit reachable from `start`, sorted.
    fn closure(&self, start: usize) -> Vec<usize> {
        let mut seen = vec![false; self.members.len()];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        let mut out = Vec::new();
        while let Some(u) = queue.pop_front() {
            out.extend(self.members[u].iter().copied());
            for &t in &self.edges[u] {
                if !seen[t] {
                    seen[t] = true;
                    queue.push_back(t);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

fn parent(key: &str) -> PathBuf {
    Path::new(key)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn display_dir(dir: &Path) -> String {
    let s = dir.to_string_lossy().replace('\\', "/");
    if s.is_empty() { ".".to_string() } else { s }
}

/// `a/b/../c` → `a/c`, keeping the result relative.
fn normalize(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

/// The directory of a Go import inside the tree: through the module whose path is its longest
/// prefix, unless that module encloses the importer's own (a `replace ../` of the library the
/// program merely uses).
fn go_import_dir(importer: &str, import: &str, modules: &[GoModule]) -> Option<PathBuf> {
    let own = modules
        .iter()
        .filter(|m| Path::new(importer).starts_with(&m.dir) || m.dir.as_os_str().is_empty())
        .max_by_key(|m| m.dir.as_os_str().len());
    let target = modules
        .iter()
        .filter(|m| import == m.path || import.starts_with(&format!("{}/", m.path)))
        .max_by_key(|m| m.path.len())?;
    if let Some(own) = own
        && own.dir != target.dir
        && own.dir.starts_with(&target.dir)
    {
        return None;
    }
    let rest = import[target.path.len()..].trim_start_matches('/');
    Some(if rest.is_empty() {
        target.dir.clone()
    } else {
        target.dir.join(rest)
    })
}

/// The file a relative JS/TS import names.
fn js_import(importer: &str, spec: &str, by_path: &HashMap<String, usize>) -> Option<usize> {
    js_import_with(importer, spec, |c| by_path.get(c).copied())
}

/// The file a relative JS import names, `find` telling which file (if any) has a given key.
pub(crate) fn js_import_with(
    importer: &str,
    spec: &str,
    find: impl Fn(&str) -> Option<usize>,
) -> Option<usize> {
    if !spec.starts_with('.') {
        return None;
    }
    let base = normalize(&parent(importer).join(spec));
    let stem = base
        .strip_suffix(".js")
        .or_else(|| base.strip_suffix(".mjs"))
        .or_else(|| base.strip_suffix(".cjs"))
        .unwrap_or(&base);
    let mut candidates = vec![base.clone()];
    for ext in ["ts", "tsx", "js", "mjs", "cjs", "jsx", "mts", "cts"] {
        candidates.push(format!("{stem}.{ext}"));
        candidates.push(format!("{base}/index.{ext}"));
    }
    candidates.iter().find_map(|c| find(c))
}

/// The file of `mod name;` declared in `importer`.
fn rust_mod(importer: &str, name: &str, by_path: &HashMap<String, usize>) -> Option<usize> {
    let dir = parent(importer);
    let stem = Path::new(importer)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own_dir = dir.join(&stem);
    [
        dir.join(format!("{name}.rs")),
        dir.join(name).join("mod.rs"),
        own_dir.join(format!("{name}.rs")),
        own_dir.join(name).join("mod.rs"),
    ]
    .iter()
    .find_map(|c| by_path.get(&normalize(c)).copied())
}

/// `src/lib.rs` of the package a binary root (`src/main.rs`, `src/bin/x.rs`) belongs to.
fn rust_package_lib(file: &str, by_path: &HashMap<String, usize>) -> Option<usize> {
    let p = Path::new(file);
    let src = p
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "src"))?;
    let is_bin = p.file_name().is_some_and(|n| n == "main.rs") || p.starts_with(src.join("bin"));
    if !is_bin {
        return None;
    }
    by_path.get(&normalize(&src.join("lib.rs"))).copied()
}

/// Python modules by dotted name suffix, to resolve `import a.b` and `from .x import y`.
struct PythonModules {
    by_dotted: HashMap<String, Vec<usize>>,
    by_path: HashMap<String, usize>,
    keys: Vec<String>,
}

impl PythonModules {
    fn new(files: &[ParsedFile]) -> Self {
        let mut by_dotted: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_path = HashMap::new();
        let keys = files.iter().map(|f| f.key.clone()).collect();
        for (i, f) in files.iter().enumerate() {
            if f.language.family() != LanguageFamily::Python {
                continue;
            }
            by_path.insert(f.key.clone(), i);
            let no_ext = f.key.trim_end_matches(".pyi").trim_end_matches(".py");
            let no_init = no_ext.strip_suffix("/__init__").unwrap_or(no_ext);
            let parts: Vec<&str> = no_init.split('/').filter(|s| !s.is_empty()).collect();
            for k in 0..parts.len() {
                let dotted = parts[k..].join(".");
                let v = by_dotted.entry(dotted).or_default();
                if v.len() < 16 {
                    v.push(i);
                }
            }
        }
        Self {
            by_dotted,
            by_path,
            keys,
        }
    }

    /// The files an import names: for `from a import b`, `a.b` (a module) and `a` (a package).
    fn resolve(&self, importer: &str, import: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(rel) = import.strip_prefix('.') {
            let ups = rel.chars().take_while(|&c| c == '.').count();
            let rest = &rel[ups..];
            let mut dir = parent(importer);
            for _ in 0..ups {
                dir = dir.parent().map(Path::to_path_buf).unwrap_or_default();
            }
            let sub = rest.replace('.', "/");
            let base = if sub.is_empty() {
                dir.clone()
            } else {
                dir.join(&sub)
            };
            for c in [
                format!("{}.py", base.display()),
                format!("{}/__init__.py", base.display()),
            ] {
                if let Some(&i) = self.by_path.get(&normalize(Path::new(&c))) {
                    out.push(i);
                }
            }
            return out;
        }
        let Some(cands) = self.by_dotted.get(import) else {
            return out;
        };
        // The candidate sharing the longest directory prefix with the importer.
        let imp_dir = parent(importer);
        if let Some(&best) = cands
            .iter()
            .max_by_key(|&&c| common_prefix(&imp_dir, &self.keys[c]))
        {
            out.push(best);
        }
        out
    }
}

fn common_prefix(a: &Path, b: &str) -> usize {
    a.components()
        .zip(Path::new(b).components())
        .take_while(|(x, y)| x == y)
        .count()
}
