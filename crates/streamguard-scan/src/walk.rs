//! Walks the scanned paths in parallel (respecting ignore files), leaves out what the default
//! policy skips ([`crate::skip`]), parses each source file, and reads the service definitions
//! (`.proto`, generated code) and Go module paths the program analysis needs.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};
use tree_sitter::Parser;

use crate::program::GoModule;
use crate::services::Catalog;
use crate::skip::{self, SkipReason, SkipSummary};
use crate::syntax::ParsedFile;
use crate::{Language, ScanError, ScanOptions, SkippedFile};

pub(crate) struct Walked {
    pub files: Vec<ParsedFile>,
    /// Files skipped for a reason the user may need to act on (size, binary, unreadable).
    pub skipped: Vec<SkippedFile>,
    pub summary: SkipSummary,
    pub catalog: Catalog,
    pub modules: Vec<GoModule>,
    /// The directory every reported path is relative to.
    pub base: PathBuf,
}

/// What one walker thread collected.
#[derive(Default)]
struct Collected {
    files: Vec<ParsedFile>,
    skipped: Vec<SkippedFile>,
    summary: SkipSummary,
    catalog: Catalog,
    modules: Vec<GoModule>,
}

impl Collected {
    fn skip(&mut self, reason: SkipReason) {
        *self.summary.files.entry(reason).or_default() += 1;
    }
}

pub(crate) fn parse_all(opts: &ScanOptions) -> Result<Walked, ScanError> {
    let (first, rest) = opts.paths.split_first().ok_or(ScanError::NoPaths)?;
    for p in &opts.paths {
        if !p.exists() {
            return Err(ScanError::PathNotFound { path: p.clone() });
        }
    }
    let roots = Roots::new(&opts.paths);
    let base = roots.base.clone();
    let mut builder = WalkBuilder::new(first);
    for p in rest {
        builder.add(p);
    }
    let respect = opts.respect_ignore_files;
    let include_tests = opts.include_tests;
    let pruned = std::sync::Arc::new(Mutex::new(SkipSummary::default()));
    let pruned_ref = std::sync::Arc::clone(&pruned);
    builder
        .standard_filters(respect)
        .hidden(true)
        .require_git(false)
        .threads(opts.threads)
        .filter_entry(move |e| {
            let dir = e.file_type().is_some_and(|t| t.is_dir());
            if !dir || e.depth() == 0 {
                return true;
            }
            let Some(name) = e.file_name().to_str() else {
                return true;
            };
            if skip::BUILD_DIRS.contains(&name) {
                return false;
            }
            match skip::dir_reason(name, include_tests) {
                Some(reason) => {
                    let mut p = pruned_ref.lock().unwrap_or_else(|e| e.into_inner());
                    *p.dirs.entry(reason).or_default() += 1;
                    false
                }
                None => true,
            }
        });
    if respect {
        builder.add_custom_ignore_filename(".streamguardignore");
    }
    if !opts.exclude.is_empty() {
        let mut ob = OverrideBuilder::new(first);
        for pat in &opts.exclude {
            ob.add(&format!("!{pat}"))
                .map_err(|e| ScanError::BadExclude {
                    pattern: pat.clone(),
                    reason: e.to_string(),
                })?;
        }
        let ov = ob.build().map_err(|e| ScanError::BadExclude {
            pattern: opts.exclude.join(" "),
            reason: e.to_string(),
        })?;
        builder.overrides(ov);
    }

    let all: Mutex<Vec<Collected>> = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let sink = Sink {
            mine: Collected::default(),
            all: &all,
        };
        let mut sink = sink;
        let mut parsers: HashMap<Language, Parser> = HashMap::new();
        let roots = &roots;
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    sink.mine.skip(SkipReason::Unreadable);
                    sink.mine.skipped.push(SkippedFile {
                        path: err_path(&err).into(),
                        reason: err.to_string(),
                    });
                    return WalkState::Continue;
                }
            };
            if entry.file_type().is_some_and(|t| t.is_file()) {
                visit(entry.path(), roots, opts, &mut parsers, &mut sink.mine);
            }
            WalkState::Continue
        })
    });
    let mut out = Collected::default();
    for c in all.into_inner().unwrap_or_else(|e| e.into_inner()) {
        out.files.extend(c.files);
        out.skipped.extend(c.skipped);
        out.catalog.merge(c.catalog);
        out.modules.extend(c.modules);
        for (r, n) in c.summary.files {
            *out.summary.files.entry(r).or_default() += n;
        }
    }
    out.summary.dirs = std::mem::take(&mut pruned.lock().unwrap_or_else(|e| e.into_inner()).dirs);
    out.files.sort_by(|a, b| a.key.cmp(&b.key));
    out.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    out.modules.sort_by(|a, b| a.dir.cmp(&b.dir));
    Ok(Walked {
        files: out.files,
        skipped: out.skipped,
        summary: out.summary,
        catalog: out.catalog,
        modules: out.modules,
        base,
    })
}

/// A walker thread's collection, handed over when the thread's visitor is dropped.
struct Sink<'a> {
    mine: Collected,
    all: &'a Mutex<Vec<Collected>>,
}

impl Drop for Sink<'_> {
    fn drop(&mut self) {
        let mine = std::mem::take(&mut self.mine);
        self.all
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(mine);
    }
}

/// One file: a source file is parsed (or skipped with a reason); a `.proto`, a generated
/// file or a `go.mod` is read for what it defines.
fn visit(
    path: &Path,
    roots: &Roots,
    opts: &ScanOptions,
    parsers: &mut HashMap<Language, Parser>,
    out: &mut Collected,
) {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let key = roots.key(path);
    if name == "go.mod" {
        if let Ok(text) = read_capped(path, 1 << 20)
            && let Some(module) = go_module_path(&text)
        {
            out.modules.push(GoModule {
                dir: Path::new(&key)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
                path: module,
            });
        }
        return;
    }
    if name.ends_with(".proto") {
        if let Ok(text) = read_capped(path, opts.max_file_bytes) {
            out.catalog.merge(crate::services::read(name, &text));
        }
        return;
    }
    let Some(language) = Language::from_path(path) else {
        return;
    };
    if !opts.languages.is_empty() && !opts.languages.contains(&language.family()) {
        return;
    }
    match skip::file_reason(name, opts.include_tests) {
        Some(SkipReason::Generated) => {
            if let Ok(text) = read_capped(path, opts.max_file_bytes) {
                out.catalog.merge(crate::services::read(name, &text));
            }
            out.skip(SkipReason::Generated);
            return;
        }
        Some(reason) => {
            out.skip(reason);
            return;
        }
        None => {}
    }
    match parse_file(path, key, language, opts.max_file_bytes, parsers) {
        Ok(Parsed::Source(file)) => out.files.push(*file),
        Ok(Parsed::Generated(text)) => {
            out.catalog.merge(crate::services::read(name, &text));
            out.skip(SkipReason::Generated);
        }
        Err((reason, why)) => {
            out.skip(reason);
            out.skipped.push(SkippedFile {
                path: path.to_path_buf(),
                reason: why,
            });
        }
    }
}

fn err_path(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { path, .. } => path.display().to_string(),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            err_path(err)
        }
        _ => String::new(),
    }
}

/// `module example.com/x` in a go.mod.
fn go_module_path(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("module "))
        .map(|m| m.trim().trim_matches('"').to_string())
        .filter(|m| !m.is_empty())
}

fn read_capped(path: &Path, max: u64) -> Result<String, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    f.take(max)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

enum Parsed {
    Source(Box<ParsedFile>),
    /// A file whose header says a generator wrote it.
    Generated(String),
}

/// Reads, checks and parses one file; the error is a reason a person can act on.
fn parse_file(
    path: &Path,
    key: String,
    language: Language,
    max_bytes: u64,
    parsers: &mut HashMap<Language, Parser>,
) -> Result<Parsed, (SkipReason, String)> {
    let unreadable = |e: std::io::Error| (SkipReason::Unreadable, format!("cannot read: {e}"));
    let f = std::fs::File::open(path).map_err(unreadable)?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_bytes {
        return Err((
            SkipReason::TooLarge,
            format!("{len} bytes is over the {max_bytes}-byte limit (generated or minified code?)"),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    f.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err((SkipReason::Binary, "binary file (NUL bytes)".to_string()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if skip::has_generated_header(&text) {
        return Ok(Parsed::Generated(text));
    }
    let parser = match parsers.entry(language) {
        std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
        std::collections::hash_map::Entry::Vacant(v) => {
            let mut p = Parser::new();
            p.set_language(&language.grammar()).map_err(|e| {
                (
                    SkipReason::Unreadable,
                    format!(
                        "tree-sitter grammar for {} failed to load: {e}",
                        language.as_str()
                    ),
                )
            })?;
            v.insert(p)
        }
    };
    let tree = parser.parse(text.as_bytes(), None).ok_or_else(|| {
        (
            SkipReason::Unreadable,
            "the parser gave up on this file".to_string(),
        )
    })?;
    let mut file = ParsedFile::new(key, language, text);
    language.extract(&mut file, &tree);
    Ok(Parsed::Source(Box::new(file)))
}

/// The scanned paths and the directory every reported path is relative to.
struct Roots {
    /// The deepest directory holding every scanned path (absolute when it can be).
    base: PathBuf,
    /// Each path as given, with its own place below `base`.
    roots: Vec<(PathBuf, PathBuf)>,
}

impl Roots {
    fn new(paths: &[PathBuf]) -> Self {
        let canon: Vec<(PathBuf, PathBuf)> = paths
            .iter()
            .map(|p| {
                let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
                let abs = abs.canonicalize().unwrap_or(abs);
                (p.clone(), abs)
            })
            .collect();
        let mut base = match canon.first() {
            Some((_, a)) if a.is_file() => a.parent().map(Path::to_path_buf).unwrap_or_default(),
            Some((_, a)) => a.clone(),
            None => PathBuf::new(),
        };
        for (_, a) in &canon {
            while !a.starts_with(&base) {
                if !base.pop() {
                    break;
                }
            }
        }
        let roots = canon
            .into_iter()
            .map(|(given, abs)| {
                let below = abs
                    .strip_prefix(&base)
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (given, below)
            })
            .collect();
        Self { base, roots }
    }

    /// The path below the base, `/`-separated.
    fn key(&self, path: &Path) -> String {
        let rel = self
            .roots
            .iter()
            .find_map(|(given, below)| {
                let rest = path.strip_prefix(given).ok()?;
                Some(if rest.as_os_str().is_empty() {
                    // A root that is a file: its own place below the base.
                    below.clone()
                } else {
                    below.join(rest)
                })
            })
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| path.file_name().map(PathBuf::from).unwrap_or_default());
        let s = rel.to_string_lossy().replace('\\', "/");
        s.strip_prefix("./").map(str::to_string).unwrap_or(s)
    }
}
