//! The project (all parsed files, their programs and handlers) and the view a rule gets of one
//! handler: its own body plus the wrapper it is passed to and the helpers it calls, resolved
//! only among the files of the handler's program.

use streamguard_report::FindingId;

use crate::decls::DeclIndex;
use crate::handlers::{self, NameIndex, ProgramView};
use crate::lang::{self, Handler};
use crate::program::{GoModule, Program, Topology};
use crate::services::Catalog;
use crate::syntax::{Call, Func, ParsedFile, Span};

/// All parsed files, the service definitions, the programs and their handlers.
pub(crate) struct Project {
    pub files: Vec<ParsedFile>,
    pub catalog: Catalog,
    pub programs: Vec<Program>,
    pub handlers: Vec<Handler>,
    index: NameIndex,
    decls: DeclIndex,
}

impl Project {
    pub fn new(mut files: Vec<ParsedFile>, modules: &[GoModule], catalog: Catalog) -> Self {
        let mut topo = Topology::discover(&files, modules);
        let index = NameIndex::new(&files);
        let decls = DeclIndex::gather(&mut files);
        let handlers = handlers::detect(&files, &catalog, &index, &mut topo);
        Self {
            files,
            catalog,
            programs: topo.programs,
            handlers,
            index,
            decls,
        }
    }

    pub fn view(&self, program: usize) -> ProgramView<'_> {
        ProgramView {
            files: &self.files,
            program: &self.programs[program],
            catalog: &self.catalog,
            index: &self.index,
        }
    }
}

/// Names too common to resolve to a project helper by name alone.
const STOP_NAMES: &[&str] = &[
    "new",
    "get",
    "set",
    "has",
    "write",
    "end",
    "on",
    "once",
    "emit",
    "send",
    "Send",
    "Recv",
    "recv",
    "next",
    "map",
    "then",
    "catch",
    "push",
    "call",
    "apply",
    "bind",
    "main",
    "init",
    "run",
    "close",
    "destroy",
    "handle",
    "process",
    "execute",
    "default",
    "from",
    "into",
    "clone",
    "log",
    "error",
    "info",
    "debug",
    "warn",
    "String",
    "Error",
    "Context",
    "len",
    "unwrap",
    "await",
    "filter",
    "add",
    "remove",
    "delete",
    "update",
    "append",
    "extend",
    "insert",
    "pop",
    "keys",
    "values",
    "items",
    "size",
    "length",
    "toString",
    "format",
    "join",
    "split",
    "slice",
    "includes",
    "indexOf",
    "forEach",
    "reduce",
    "some",
    "every",
    "find",
    "sort",
    "Lock",
    "Unlock",
    "lock",
    "unlock",
    "Done",
    "Err",
    "Close",
    "Write",
    "Read",
    "Get",
    "Set",
    "Add",
    "Del",
    "Load",
    "Store",
    "Wait",
    "Now",
    "Since",
    "Sleep",
    "Printf",
    "Println",
    "Errorf",
    "Sprintf",
    "New",
    "Is",
    "As",
    "RecvMsg",
    "SendMsg",
    "Header",
    "SetHeader",
    "SetTrailer",
    "SendHeader",
    "read",
    "cancel",
    "Cancel",
    "result",
    "wait",
    "start",
    "stop",
    "Start",
    "Stop",
    "serve",
    "Serve",
    "listen",
    "Listen",
    "connect",
    "Connect",
    "with",
    "copy",
    "encode",
    "decode",
    "Marshal",
    "Unmarshal",
    "dumps",
    "loads",
    "json",
    "text",
    "equals",
    "Equal",
];

/// How a piece of code relates to the handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The handler's own body (with its nested callbacks).
    Own,
    /// A function the handler is passed to (`createStreamingHandler(function (call) {…})`).
    Wrapper,
    /// A function the handler calls by name.
    Helper,
}

#[derive(Debug, Clone)]
pub(crate) struct Piece {
    pub file: usize,
    pub span: Span,
    pub role: Role,
}

/// How sure a rule is of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Confidence {
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
        }
    }
}

/// A finding before suppressions are applied.
#[derive(Debug, Clone)]
pub(crate) struct RawFinding {
    pub id: FindingId,
    pub file: usize,
    pub byte: usize,
    pub message: String,
    pub confidence: Confidence,
    pub handler: String,
    /// Index of the handler in the project's handlers.
    pub handler_idx: usize,
    /// Line of the handler's name: a suppression above it covers the whole handler.
    pub handler_line: u32,
}

/// One handler, as a rule sees it.
pub(crate) struct HandlerCtx<'p> {
    pub project: &'p Project,
    pub handler: &'p Handler,
    pub handler_idx: usize,
    /// The program that registers the handler: the only place facts and helpers come from.
    pub program: &'p Program,
    pub file: &'p ParsedFile,
    pub func: &'p Func,
    pub pieces: Vec<Piece>,
}

const MAX_PIECES: usize = 12;

impl<'p> HandlerCtx<'p> {
    pub fn new(project: &'p Project, handler_idx: usize) -> Self {
        let handler = &project.handlers[handler_idx];
        let registered = &project.files[handler.file].funcs[handler.func];
        // A handler that only hands its stream on is judged by the function that does the work;
        // its own code (and what wraps it) still counts, as a wrapper.
        let (body_file, body_func) = handler.body.unwrap_or((handler.file, handler.func));
        let file = &project.files[body_file];
        let func = &file.funcs[body_func];
        let mut ctx = Self {
            project,
            handler,
            handler_idx,
            program: &project.programs[handler.program],
            file,
            func,
            pieces: Vec::new(),
        };
        ctx.pieces.push(Piece {
            file: body_file,
            span: func.span.clone(),
            role: Role::Own,
        });
        if handler.body.is_some() {
            ctx.pieces.push(Piece {
                file: handler.file,
                span: registered.span.clone(),
                role: Role::Wrapper,
            });
        }
        if let Some((fi, i)) = handler.wrapper {
            let span = project.files[fi].funcs[i].span.clone();
            ctx.pieces.push(Piece {
                file: fi,
                span,
                role: Role::Wrapper,
            });
        }
        if let Some(w) = &registered.wrapped_by {
            for (fi, i) in ctx.resolve(w, handler.file, |_| true) {
                let span = project.files[fi].funcs[i].span.clone();
                ctx.pieces.push(Piece {
                    file: fi,
                    span,
                    role: Role::Wrapper,
                });
            }
        }
        let mut next = 0;
        for _depth in 0..2 {
            let end = ctx.pieces.len();
            for k in next..end {
                let p = ctx.pieces[k].clone();
                for (fi, span) in ctx.helpers_in(p.file, &p.span) {
                    if ctx.pieces.len() < MAX_PIECES
                        && !ctx.pieces.iter().any(|q| q.file == fi && q.span == span)
                    {
                        ctx.pieces.push(Piece {
                            file: fi,
                            span,
                            role: Role::Helper,
                        });
                    }
                }
            }
            next = end;
        }
        ctx
    }

    /// Functions of the program named `name` (at most three, else the name is too common to
    /// tell), those of file `prefer` first, that satisfy `keep`.
    fn resolve(
        &self,
        name: &str,
        prefer: usize,
        keep: impl Fn(&Func) -> bool,
    ) -> Vec<(usize, usize)> {
        if name.len() < 3 || STOP_NAMES.contains(&name) {
            return Vec::new();
        }
        let found: Vec<(usize, usize)> = self
            .project
            .view(self.handler.program)
            .funcs_named(name, prefer)
            .into_iter()
            .filter(|&(f, i)| keep(&self.project.files[f].funcs[i]))
            .collect();
        if found.len() <= 3 { found } else { Vec::new() }
    }

    /// Program functions called by name from `span` of file `fi` (not nested in the span
    /// itself): `helper(…)` resolves to free functions, `this.helper(…)` / `self.helper(…)` /
    /// `s.helper(…)` (Go receiver) to methods of the handler's own type, and `obj.helper(…)`
    /// (`auth.verify(…)`, `s.hub.broadcast(…)`) to any function or method of that name — a
    /// handler often works through a helper object.
    pub fn helpers_in(&self, fi: usize, span: &Span) -> Vec<(usize, Span)> {
        let file = &self.project.files[fi];
        let mut out: Vec<(usize, Span)> = file
            .calls_in(span)
            .iter()
            .flat_map(|c| self.resolve_call(fi, span, c))
            .collect();
        // Functions handed to a pool, a thread or a task run for the handler too:
        // `pool.submit(self._put, doc)`, `Thread(target=self._pump)`.
        for c in file.calls_in(span) {
            if ![
                "submit",
                "Thread",
                "run_in_executor",
                "start_new_thread",
                "apply_async",
                "spawn",
                "map",
            ]
            .contains(&c.name.as_str())
            {
                continue;
            }
            for arg in file.src(&c.args).trim_matches(['(', ')']).split(',') {
                let arg = arg.trim().trim_start_matches("target=");
                let (recv, name) = arg.rsplit_once('.').unwrap_or(("", arg));
                if name.is_empty()
                    || !name.chars().all(crate::syntax::is_ident_char)
                    || !["", "self", "this"].contains(&recv)
                {
                    continue;
                }
                let own_type = self.func.container.as_deref().map(lang::type_name);
                let keep = |f: &Func| {
                    recv.is_empty() && f.container.is_none()
                        || !recv.is_empty()
                            && f.container.as_deref().map(lang::type_name) == own_type
                };
                for (hf, hi) in self.resolve(name, fi, keep) {
                    out.push((hf, self.project.files[hf].funcs[hi].span.clone()));
                }
            }
        }
        out
    }

    /// The program functions one call resolves to (not those of the calls nested in it).
    pub fn helpers_of(&self, fi: usize, c: &Call) -> Vec<(usize, Span)> {
        self.resolve_call(fi, &c.span, c)
    }

    /// What `c`, a call inside `span` of file `fi`, resolves to (see [`Self::helpers_in`]).
    fn resolve_call(&self, fi: usize, span: &Span, c: &Call) -> Vec<(usize, Span)> {
        let file = &self.project.files[fi];
        let recv_var = match file.language.family() {
            crate::lang::LanguageFamily::Go => self.func.container_bases.as_deref().unwrap_or(""),
            _ => "",
        };
        let own_type = self.func.container.as_deref().map(lang::type_name);
        let r = c.receiver();
        let on_self =
            ["this", "self", "Self"].contains(&r) || (!recv_var.is_empty() && r == recv_var);
        let keep = |f: &Func| match (on_self, r.is_empty(), f.container.as_deref()) {
            (true, _, Some(c)) => Some(lang::type_name(c)) == own_type,
            (true, _, None) => own_type.is_none(),
            (false, true, c) => c.is_none(),
            (false, false, _) => true,
        };
        // `origin.get(&url)` with `let origin = self.origin.clone()` and `origin: Arc<Origin>`:
        // the method of that type, however common its name; none when the type is not the
        // program's (`self.http.post(…)` on a `reqwest::Client`).
        let typed = (!on_self && !r.is_empty())
            .then(|| self.receiver_type(fi, c.span.start, r))
            .flatten()
            .or_else(|| self.static_receiver(r));
        let mut found = match &typed {
            // `devicetoken.Verifier`, `*auth.Verifier`: the methods of `Verifier`.
            Some(t) => self
                .project
                .view(self.handler.program)
                .methods_of(lang::type_name(t))
                .into_iter()
                .filter(|&(hf, hi)| self.project.files[hf].funcs[hi].name == c.name)
                .collect(),
            None => self.resolve(&c.name, fi, keep),
        };
        // `new Broadcaster(call)`, `Relay(context)`: the object the handler works through.
        if found.is_empty() && c.name.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            let methods = self.project.view(self.handler.program).methods_of(&c.name);
            if methods.len() <= 8 {
                found = methods;
            }
        }
        found
            .into_iter()
            .map(|(hf, hi)| (hf, self.project.files[hf].funcs[hi].span.clone()))
            .filter(|(hf, hspan)| {
                !(*hf == fi && (lang::contains(span, hspan) || lang::contains(hspan, span)))
            })
            .collect()
    }

    /// A class of the program named as the receiver of a static call (`Caller.of(call)`,
    /// `AggregatorSession.open(context)`): its methods, however short their names.
    fn static_receiver(&self, r: &str) -> Option<String> {
        let upper = r.starts_with(|c: char| c.is_ascii_uppercase());
        (upper
            && r.chars().all(crate::syntax::is_ident_char)
            && !self
                .project
                .view(self.handler.program)
                .methods_of(r)
                .is_empty())
        .then(|| r.to_string())
    }

    /// The type of a receiver expression (`origin`, `self.sink`, `classifier.clone()`), from the
    /// binding or parameter that names it or the field it reads, aliases followed
    /// (`type Classifier = ClassifierClient<Channel>` → `ClassifierClient`). `None` when unknown.
    pub fn receiver_type(&self, fi: usize, at: usize, recv: &str) -> Option<String> {
        let file = &self.project.files[fi];
        let mut at = at;
        let mut expr = recv.trim().trim_start_matches('&').trim().to_string();
        for _ in 0..4 {
            let e = strip_clone(&expr).to_string();
            // The object itself: `self`/`this`, or a Go method's receiver (`s.store`).
            let go_receiver = file
                .func_containing(at)
                .and_then(|f| file.funcs[f].container_bases.as_deref())
                .filter(|_| file.language.family() == crate::lang::LanguageFamily::Go)
                .unwrap_or("");
            if let Some(field) = field_of(&e, go_receiver) {
                return self.field_type(fi, field).map(|t| self.unaliased(t));
            }
            if e.is_empty() || !e.chars().all(crate::syntax::is_ident_char) {
                return None;
            }
            // A parameter with a declared type (`venue: &mut VenueClient`).
            if let Some(f) = file.func_containing(at)
                && let Some(p) = file.funcs[f].params.iter().find(|p| p.name == e)
                && !p.ty.is_empty()
            {
                return Some(self.unaliased(bare_type(&p.ty).to_string()));
            }
            let b = file.local_binding(&e, at)?;
            let value = file.src(&b.value).trim();
            if let Some(t) = constructed_type(value) {
                return Some(self.unaliased(t.to_string()));
            }
            // `let mut classifier = classifier.clone();`: the earlier binding it copies.
            at = b.value.start;
            expr = value.to_string();
        }
        None
    }

    /// The declared type of a field named `field`: in `prefer`'s file when it declares one
    /// (`inner: Arc<Mutex<Inner>>`), else anywhere in the program.
    fn field_type(&self, prefer: usize, field: &str) -> Option<String> {
        let decls = &self.project.decls;
        decls
            .field_in_file(prefer, field)
            .or_else(|| decls.field_in_program(self.program, field))
            .map(str::to_string)
    }

    /// The default of the program's setting `name` when it is a declared duration (see
    /// [`DeclIndex::duration_setting`]).
    pub fn duration_setting(&self, name: &str) -> Option<&'p str> {
        self.project.decls.duration_setting(self.program, name)
    }

    /// The seconds of a duration read from a setting of the program (`config.revocationCheckMs`,
    /// `self._cfg.recheck_seconds`): its declared default, a bare number counting `plain_unit`
    /// seconds, or the numeric default of the environment variable it reads.
    pub fn setting_secs(&self, expr: &str, plain_unit: f64) -> Option<f64> {
        let (owner, name) = expr.trim().rsplit_once('.')?;
        if owner.is_empty() || name.is_empty() || !name.chars().all(crate::syntax::is_ident_char) {
            return None;
        }
        let default = self.duration_setting(name)?;
        crate::rules::recheck::duration_secs(default, plain_unit).or_else(|| {
            if !mentions(default, &["environ", "getenv", "process.env"]) {
                return None;
            }
            let n: f64 = default
                .rsplit(['"', '\''])
                .nth(1)?
                .replace('_', "")
                .parse()
                .ok()?;
            Some(n * plain_unit)
        })
    }

    /// `T` for an alias `type T = U<…>` of the program, `U`; else `T`.
    fn unaliased(&self, t: String) -> String {
        match self.project.decls.alias(self.program, &t) {
            Some(u) => u.to_string(),
            None => t,
        }
    }

    /// The program's auth interceptor, unless it lets this method through unchecked: a method
    /// listed by its full name (`"/lnrpc.State/SubscribeState"`) in a whitelist, allowlist or
    /// public-methods table.
    pub fn auth_interceptor(&self) -> Option<&'p crate::program::AuthInterceptor> {
        let interceptor = self.program.facts.auth_interceptor.as_ref()?;
        let method = self.func.name.replace('_', "").to_ascii_lowercase();
        let service = self.handler.service.to_ascii_lowercase();
        let full_name_end = format!("/{method}\"");
        let exempt = self.program.files.iter().any(|&fi| {
            self.project.decls.exempt_lines(fi).iter().any(|lower| {
                lower.match_indices(&full_name_end).any(|(i, _)| {
                    let head = &lower[..i];
                    head.ends_with(&service)
                        && head[..head.len() - service.len()]
                            .trim_end_matches(|c: char| crate::syntax::is_ident_char(c) || c == '.')
                            .ends_with("\"/")
                })
            })
        });
        // An interceptor that lets every method but some through untouched
        // (`if (methodDescriptor.path !== '/timing.v1.RaceTiming/ReaderFeed') return …`) covers
        // only those.
        let text = self.project.files[interceptor.file]
            .src(&interceptor.span)
            .to_ascii_lowercase();
        let only: Vec<&str> = ["!== '/", "!== \"/", "!= \"/", "!= '/"]
            .iter()
            .flat_map(|op| text.match_indices(op).map(move |(i, _)| i + op.len() - 1))
            .filter_map(|start| {
                let rest = &text[start..];
                let end = rest.find(['\'', '"'])?;
                Some(&rest[..end])
            })
            .collect();
        let not_covered = !only.is_empty()
            && !only.iter().any(|path| {
                path.rsplit('/').next() == Some(method.as_str())
                    && path.contains(&format!("{service}/"))
            });
        (!exempt && !not_covered).then_some(interceptor)
    }

    pub fn file_of(&self, piece: &Piece) -> &'p ParsedFile {
        &self.project.files[piece.file]
    }

    /// Every call in the handler, its wrapper and its helpers.
    pub fn calls(&self) -> impl Iterator<Item = (&'p ParsedFile, &'p Call)> + '_ {
        self.pieces.iter().flat_map(move |p| {
            let f = self.file_of(p);
            f.calls_in(&p.span).iter().map(move |c| (f, c))
        })
    }

    /// Calls in the handler's own body.
    pub fn own_calls(&self) -> &'p [Call] {
        self.file.calls_in(&self.func.span)
    }

    /// Whether any piece's text satisfies `pred`.
    pub fn any_text(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.pieces
            .iter()
            .any(|p| pred(self.file_of(p).src(&p.span)))
    }

    /// The handler's own text.
    pub fn own_text(&self) -> &'p str {
        self.file.src(&self.func.span)
    }

    /// The text of a span plus that of the helpers it calls (one level).
    pub fn text_with_helpers(&self, fi: usize, span: &Span) -> String {
        let file = &self.project.files[fi];
        let mut s = file.src(span).to_string();
        for (hf, hspan) in self.helpers_in(fi, span).into_iter().take(6) {
            s.push('\n');
            s.push_str(self.project.files[hf].src(&hspan));
        }
        s
    }

    pub fn finding(
        &self,
        id: FindingId,
        file: &ParsedFile,
        byte: usize,
        confidence: Confidence,
        message: String,
    ) -> RawFinding {
        let file_idx = self
            .project
            .files
            .iter()
            .position(|f| std::ptr::eq(f, file))
            .unwrap_or(self.handler.file);
        RawFinding {
            id,
            file: file_idx,
            byte,
            message,
            confidence,
            handler: self.handler.name.clone(),
            handler_idx: self.handler_idx,
            handler_line: {
                let file = &self.project.files[self.handler.file];
                file.position(file.funcs[self.handler.func].name_at).0
            },
        }
    }

    /// `line 12` when `file` is the handler's own file, else `src/auth.js:12`.
    pub fn place(&self, file: &ParsedFile, byte: usize) -> String {
        let (line, _) = file.position(byte);
        if std::ptr::eq(file, self.file) {
            format!("line {line}")
        } else {
            format!("{}:{line}", file.key)
        }
    }

    /// A finding located at the handler's name.
    /// The file of the code that does the handler's work (its own, or its delegate's).
    pub fn body_file(&self) -> usize {
        self.pieces
            .first()
            .map(|p| p.file)
            .unwrap_or(self.handler.file)
    }

    /// A finding about the handler as a whole, at the name of the function its program
    /// registers.
    pub fn at_handler(&self, id: FindingId, confidence: Confidence, message: String) -> RawFinding {
        let file = &self.project.files[self.handler.file];
        let at = file.funcs[self.handler.func].name_at;
        self.finding(id, file, at, confidence, message)
    }
}

/// `x.clone()`, `Arc::clone(&x)`, `x.as_ref()` → `x`.
fn strip_clone(e: &str) -> &str {
    let mut e = e.trim();
    loop {
        let next = e
            .strip_suffix(".clone()")
            .or_else(|| e.strip_suffix(".as_ref()"))
            .or_else(|| {
                e.strip_prefix("Arc::clone(&")
                    .or_else(|| e.strip_prefix("Rc::clone(&"))
                    .and_then(|r| r.strip_suffix(')'))
            });
        match next {
            Some(n) => e = n.trim(),
            None => return e,
        }
    }
}

/// The field a receiver reads on the object itself: `self.sink`, `this.client`, `s.store` (with
/// `go_receiver` the Go method's receiver name).
fn field_of<'e>(e: &'e str, go_receiver: &str) -> Option<&'e str> {
    let (obj, path) = e.split_once('.')?;
    let own = ["self", "this"].contains(&obj) || (!go_receiver.is_empty() && obj == go_receiver);
    // A field of a field (`self.down.aei`): the type declared for the last one.
    let field = path.rsplit('.').next().unwrap_or(path);
    let idents = path
        .split('.')
        .all(|s| !s.is_empty() && s.chars().all(crate::syntax::is_ident_char));
    (own && idents).then_some(field)
}

/// The type a line declares for `field`: `origin: Arc<Origin>,` (Rust), `store *Store` (Go),
/// `self._metadata = MetadataClient(…)` (Python), `this.client = new Backend(…)` (JS).
pub(crate) fn field_decl(
    line: &str,
    field: &str,
    family: crate::lang::LanguageFamily,
) -> Option<String> {
    use crate::lang::LanguageFamily as F;
    let t = line.trim_start();
    match family {
        F::Rust => {
            let t = t
                .strip_prefix("pub(crate) ")
                .or_else(|| t.strip_prefix("pub "))
                .unwrap_or(t);
            let ty = t.strip_prefix(field)?.strip_prefix(':')?;
            (!ty.starts_with(':')).then(|| bare_type(ty.trim().trim_end_matches(',')).to_string())
        }
        F::Go => {
            let rest = t.strip_prefix(field)?;
            let ty = rest.strip_prefix([' ', '\t'])?.trim();
            let first = ty.split_whitespace().next()?;
            (!first.starts_with(['=', ':', '(', '{', ','])).then(|| bare_type(first).to_string())
        }
        F::Python | F::Js => {
            let v = [format!("self.{field} = "), format!("this.{field} = ")]
                .iter()
                .find_map(|p| t.strip_prefix(p.as_str()))?;
            constructed_type(v).map(str::to_string)
        }
    }
}

/// The type an expression constructs: `Type::new(…)`, `Type::connect(…)`, `new Type(…)`,
/// `Type(…)` (Python), `pb::XClient::new(…)`.
fn constructed_type(value: &str) -> Option<&str> {
    let v = value.trim().trim_start_matches("await ");
    // A Go composite literal: `&leaseProxyStream{…}`, `pb.Event{…}`.
    let lit = v.trim_start_matches('&');
    if let Some(i) = lit.find('{') {
        let ty = &lit[..i];
        if !ty.is_empty()
            && ty
                .chars()
                .all(|c| crate::syntax::is_ident_char(c) || c == '.')
        {
            return Some(ty.rsplit('.').next().unwrap_or(ty));
        }
    }
    let v = v.strip_prefix("new ").unwrap_or(v);
    let callee = v.split('(').next()?.trim();
    if callee.len() == v.len() {
        return None;
    }
    let ty = match callee.rsplit_once("::") {
        Some((path, ctor))
            if [
                "new",
                "connect",
                "builder",
                "default",
                "from_env",
                "with_config",
            ]
            .contains(&ctor) =>
        {
            path.rsplit("::").next()?
        }
        Some(_) => return None,
        None => callee.rsplit('.').next()?,
    };
    ty.starts_with(|c: char| c.is_ascii_uppercase())
        .then_some(ty)
}

/// `Arc<Mutex<Inner>>` → `Inner`, `*Store` → `Store`, `&mut pb::VenueClient<Channel>` →
/// `VenueClient`.
pub(crate) fn bare_type(t: &str) -> &str {
    let mut t = t.trim();
    loop {
        t = t
            .trim_start_matches(['&', '*'])
            .trim_start_matches("mut ")
            .trim_start_matches("dyn ")
            .trim();
        let inner = [
            "Arc<", "Rc<", "Box<", "Option<", "Mutex<", "RwLock<", "RefCell<",
        ]
        .iter()
        .find_map(|w| {
            t.rsplit("::")
                .next()
                .and_then(|last| last.strip_prefix(w))
                .or_else(|| t.strip_prefix(w))
        });
        match inner {
            Some(i) => t = i.strip_suffix('>').unwrap_or(i),
            None => break,
        }
    }
    lang::type_name(t).trim_end_matches('>')
}

/// `text` of a call's first line, shortened for a message: `jwt.verify(…)`.
pub(crate) fn snippet(call: &Call) -> String {
    format!("{}(…)", call.callee)
}

/// Lowercase `s` contains any of `words`.
pub(crate) fn mentions(s: &str, words: &[&str]) -> bool {
    let l = s.to_ascii_lowercase();
    words.iter().any(|w| l.contains(w))
}
