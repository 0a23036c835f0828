//! Per-language extraction: tree-sitter tree → [`ParsedFile`] facts, project signals, and the
//! streaming handlers of a file.

pub(crate) mod go;
pub(crate) mod js;
pub(crate) mod python;
pub(crate) mod rust;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::decls::FileDecls;
use crate::handlers::{Found, ProgramView};
use crate::services::Catalog;
use crate::syntax::{ParsedFile, Registration, Span};

/// A source language the scanner parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    JavaScript,
    TypeScript,
    Tsx,
    Rust,
    Go,
    Python,
}

/// Languages that share one set of rules (JS, TS and TSX are one family: grpc-js).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageFamily {
    /// `@grpc/grpc-js` in JavaScript, TypeScript and TSX.
    Js,
    /// tonic.
    Rust,
    /// grpc-go.
    Go,
    /// grpcio (sync and `grpc.aio`).
    Python,
}

impl Language {
    /// The language of a file, from its extension; `None` for files the scanner skips.
    pub fn from_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        if name.ends_with(".min.js") || name.ends_with(".d.ts") {
            return None;
        }
        match path.extension()?.to_str()? {
            "js" | "mjs" | "cjs" | "jsx" => Some(Self::JavaScript),
            "ts" | "mts" | "cts" => Some(Self::TypeScript),
            "tsx" => Some(Self::Tsx),
            "rs" => Some(Self::Rust),
            "go" => Some(Self::Go),
            "py" | "pyi" => Some(Self::Python),
            _ => None,
        }
    }

    pub fn family(self) -> LanguageFamily {
        match self {
            Self::JavaScript | Self::TypeScript | Self::Tsx => LanguageFamily::Js,
            Self::Rust => LanguageFamily::Rust,
            Self::Go => LanguageFamily::Go,
            Self::Python => LanguageFamily::Python,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::JavaScript => "javascript",
            Self::TypeScript => "typescript",
            Self::Tsx => "tsx",
            Self::Rust => "rust",
            Self::Go => "go",
            Self::Python => "python",
        }
    }

    pub(crate) fn grammar(self) -> tree_sitter::Language {
        match self {
            Self::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Self::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Self::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Self::Rust => tree_sitter_rust::LANGUAGE.into(),
            Self::Go => tree_sitter_go::LANGUAGE.into(),
            Self::Python => tree_sitter_python::LANGUAGE.into(),
        }
    }

    /// Fills the functions, calls and loops of `file` from its tree.
    pub(crate) fn extract(self, file: &mut ParsedFile, tree: &tree_sitter::Tree) {
        match self.family() {
            LanguageFamily::Js => js::extract(file, tree),
            LanguageFamily::Rust => rust::extract(file, tree),
            LanguageFamily::Go => go::extract(file, tree),
            LanguageFamily::Python => python::extract(file, tree),
        }
        file.calls.sort_by_key(|c| c.span.start);
        file.decls = FileDecls::read(&file.text, self.family());
    }
}

impl LanguageFamily {
    pub const ALL: [LanguageFamily; 4] = [Self::Js, Self::Rust, Self::Go, Self::Python];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Js => "js",
            Self::Rust => "rust",
            Self::Go => "go",
            Self::Python => "python",
        }
    }

    /// Parses `js`/`javascript`/`ts`/`typescript`, `rust`/`rs`, `go`, `python`/`py`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "js" | "javascript" | "ts" | "typescript" | "tsx" | "node" | "grpc-js" => {
                Some(Self::Js)
            }
            "rust" | "rs" | "tonic" => Some(Self::Rust),
            "go" | "golang" | "grpc-go" => Some(Self::Go),
            "python" | "py" | "grpcio" => Some(Self::Python),
            _ => None,
        }
    }

    /// The gRPC framework the rules of this family know.
    pub fn framework(self) -> &'static str {
        match self {
            Self::Js => "@grpc/grpc-js",
            Self::Rust => "tonic",
            Self::Go => "grpc-go",
            Self::Python => "grpcio",
        }
    }
}

/// The shape of a streaming RPC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamKind {
    /// One request, a stream of responses.
    Server,
    /// A stream of requests, one response.
    Client,
    /// Streams both ways.
    Bidi,
}

impl StreamKind {
    pub(crate) fn from_usage(reads: bool, writes: bool) -> Option<Self> {
        match (reads, writes) {
            (true, true) => Some(Self::Bidi),
            (true, false) => Some(Self::Client),
            (false, true) => Some(Self::Server),
            (false, false) => None,
        }
    }

    /// Whether the handler receives a stream of messages (client streaming or bidi).
    pub fn reads(self) -> bool {
        matches!(self, Self::Client | Self::Bidi)
    }

    /// `bidirectional stream`, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Server => "server-streaming RPC",
            Self::Client => "client-streaming RPC",
            Self::Bidi => "bidirectional stream",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Server => "server_streaming",
            Self::Client => "client_streaming",
            Self::Bidi => "bidi_streaming",
        }
    }
}

/// A streaming RPC handler of a program.
#[derive(Debug, Clone)]
pub(crate) struct Handler {
    /// The program that registers it (index into the project's programs).
    pub program: usize,
    pub file: usize,
    pub func: usize,
    /// `Class.method`, `Type.Method` or the bound name.
    pub name: String,
    /// The service it implements, as registered (`RouteGuide`).
    pub service: String,
    /// The parameter holding the call/stream/request object.
    pub stream: String,
    pub kind: StreamKind,
    /// The function the registration wraps it in (`withAuth(liveQuery)`), if any.
    pub wrapper: Option<(usize, usize)>,
    /// Its body only answers "unimplemented": listed, not judged.
    pub unimplemented: bool,
    /// The function that does its work when its body only hands the stream on
    /// (`return run_exam_session(request_iterator, context, claims)`): (file, function).
    pub body: Option<(usize, usize)>,
}

/// The handlers a registration of a program stands for.
pub(crate) fn implementations(
    view: &ProgramView<'_>,
    file: usize,
    reg: &Registration,
) -> Vec<Found> {
    match view.files[file].language.family() {
        LanguageFamily::Js => js::implementations(view, file, reg),
        LanguageFamily::Rust => rust::implementations(view, file, reg),
        LanguageFamily::Go => go::implementations(view, file, reg),
        LanguageFamily::Python => python::implementations(view, file, reg),
    }
}

/// Handlers a file declares as such by their own types (Go stream parameters, tonic service
/// traits, grpcio servicer subclasses), registered or not. grpc-js has none: a JS function is a
/// handler only when a program registers it.
pub(crate) fn declared_handlers(
    files: &[ParsedFile],
    catalog: &Catalog,
    file: usize,
) -> Vec<Found> {
    match files[file].language.family() {
        LanguageFamily::Js => Vec::new(),
        LanguageFamily::Rust => rust::declared_handlers(files, catalog, file),
        LanguageFamily::Go => go::declared_handlers(files, catalog, file),
        LanguageFamily::Python => python::declared_handlers(files, catalog, file),
    }
}

/// Whether the calls in `span` check the caller's token (the family's `is_auth`).
pub(crate) fn checks_token(file: &ParsedFile, span: &Span) -> bool {
    let is_auth = match file.language.family() {
        LanguageFamily::Js => crate::rules::js::is_auth,
        LanguageFamily::Rust => crate::rules::rust::is_auth,
        LanguageFamily::Go => crate::rules::go::is_auth,
        LanguageFamily::Python => crate::rules::python::is_auth,
    };
    file.calls_in(span).iter().any(|c| is_auth(file, c))
}

/// The bare name of a type or trait: `pb::route_guide_server::RouteGuide<T>` → `RouteGuide`,
/// `*server` → `server`.
pub(crate) fn type_name(t: &str) -> &str {
    let t = t.split('<').next().unwrap_or(t);
    let t = t.split('[').next().unwrap_or(t);
    let t = t.rsplit("::").next().unwrap_or(t);
    t.rsplit('.')
        .next()
        .unwrap_or(t)
        .trim()
        .trim_start_matches(['*', '&'])
}

/// Identifiers in a piece of text (for registrations).
pub(crate) fn identifiers(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !crate::syntax::is_ident_char(c))
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
        })
}

/// The qualified handler name.
pub(crate) fn qualified(container: &Option<String>, name: &str) -> String {
    match container {
        Some(c) if !c.is_empty() => format!("{}.{name}", type_name(c)),
        _ => name.to_string(),
    }
}

/// Whether `inner` lies within `outer`.
pub(crate) fn contains(outer: &Span, inner: &Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
