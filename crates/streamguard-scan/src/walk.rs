//! Walks the scanned paths in parallel (respecting ignore files) and parses each source file.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Mutex;

use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};
use tree_sitter::Parser;

use crate::syntax::ParsedFile;
use crate::{Language, ScanError, ScanOptions, SkippedFile};

pub(crate) struct Walked {
    pub files: Vec<ParsedFile>,
    pub skipped: Vec<SkippedFile>,
}

/// Directories that hold dependencies or build output, never the server's own code.
const SKIP_DIRS: &[&str] = &[
    "node_modules",
    ".git",
    "target",
    "__pycache__",
    ".venv",
    "venv",
    "dist",
];

pub(crate) fn parse_all(opts: &ScanOptions) -> Result<Walked, ScanError> {
    let (first, rest) = opts.paths.split_first().ok_or(ScanError::NoPaths)?;
    for p in &opts.paths {
        if !p.exists() {
            return Err(ScanError::PathNotFound { path: p.clone() });
        }
    }
    let mut builder = WalkBuilder::new(first);
    for p in rest {
        builder.add(p);
    }
    let respect = opts.respect_ignore_files;
    builder
        .standard_filters(respect)
        .hidden(true)
        .require_git(false)
        .threads(opts.threads)
        .filter_entry(|e| {
            let dir = e.file_type().is_some_and(|t| t.is_dir());
            !(dir
                && e.depth() > 0
                && e.file_name()
                    .to_str()
                    .is_some_and(|n| SKIP_DIRS.contains(&n)))
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

    let files = Mutex::new(Vec::new());
    let skipped = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let mut parsers: HashMap<Language, Parser> = HashMap::new();
        let (files, skipped) = (&files, &skipped);
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err_path(&err);
                    push(
                        skipped,
                        SkippedFile {
                            path: path.into(),
                            reason: err.to_string(),
                        },
                    );
                    return WalkState::Continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let path = entry.path();
            let Some(language) = Language::from_path(path) else {
                return WalkState::Continue;
            };
            if !opts.languages.is_empty() && !opts.languages.contains(&language.family()) {
                return WalkState::Continue;
            }
            match parse_file(path, language, opts.max_file_bytes, &mut parsers) {
                Ok(mut file) => {
                    file.key = root_relative(path, &opts.paths);
                    push(files, file)
                }
                Err(reason) => push(
                    skipped,
                    SkippedFile {
                        path: path.to_path_buf(),
                        reason,
                    },
                ),
            }
            WalkState::Continue
        })
    });
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut skipped = skipped.into_inner().unwrap_or_else(|e| e.into_inner());
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Walked { files, skipped })
}

fn push<T>(v: &Mutex<Vec<T>>, item: T) {
    v.lock().unwrap_or_else(|e| e.into_inner()).push(item);
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

/// Reads, checks and parses one file; the error is a reason a person can act on.
fn parse_file(
    path: &Path,
    language: Language,
    max_bytes: u64,
    parsers: &mut HashMap<Language, Parser>,
) -> Result<ParsedFile, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max_bytes {
        return Err(format!(
            "{len} bytes is over the {max_bytes}-byte limit (generated or minified code?)"
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (NUL bytes)".to_string());
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    let parser = match parsers.entry(language) {
        std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
        std::collections::hash_map::Entry::Vacant(v) => {
            let mut p = Parser::new();
            p.set_language(&language.grammar()).map_err(|e| {
                format!(
                    "tree-sitter grammar for {} failed to load: {e}",
                    language.as_str()
                )
            })?;
            v.insert(p)
        }
    };
    let tree = parser
        .parse(text.as_bytes(), None)
        .ok_or_else(|| "the parser gave up on this file".to_string())?;
    let rel = display_path(path);
    let mut file = ParsedFile::new(path.to_path_buf(), rel, language, text);
    language.extract(&mut file, &tree);
    Ok(file)
}

/// The path under the scan root it was found in; a root that is a file keeps its name.
fn root_relative(path: &Path, roots: &[std::path::PathBuf]) -> String {
    let rel = roots
        .iter()
        .filter_map(|r| path.strip_prefix(r).ok())
        .find(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| path.file_name().map(Path::new).unwrap_or(path));
    display_path(rel)
}

/// `./src/a.js` → `src/a.js`, `\` → `/`.
fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
