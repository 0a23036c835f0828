//! Per-language extraction: tree-sitter tree → [`ParsedFile`] facts, project signals, and the
//! streaming handlers of a file.

pub(crate) mod go;
pub(crate) mod js;
pub(crate) mod python;
pub(crate) mod rust;

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::syntax::{ParsedFile, Span};

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

/// What a file says about its whole project (server options, the streamguard layer, registrations).
#[derive(Debug, Default, Clone)]
pub(crate) struct FamilySignals {
    /// The family's gRPC framework is imported somewhere.
    pub grpc: bool,
    /// A server option bounds stream lifetime (max connection age/idle), or the streamguard layer.
    pub lifetime_limit: bool,
    /// streamguard's own layer or session is used (tonic).
    pub streamguard: bool,
    /// An interceptor that verifies the token once per stream: `authStream (main.go:15)`.
    pub auth_interceptor: Option<String>,
    /// Identifiers passed to `addService` / `add_…Servicer_to_server` / `Register…Server`.
    pub registered: HashSet<String>,
}

impl FamilySignals {
    pub fn merge(&mut self, other: FamilySignals) {
        self.grpc |= other.grpc;
        self.lifetime_limit |= other.lifetime_limit;
        self.streamguard |= other.streamguard;
        if self.auth_interceptor.is_none() {
            self.auth_interceptor = other.auth_interceptor;
        }
        self.registered.extend(other.registered);
    }
}

/// The signals one file contributes to its family.
pub(crate) fn file_signals(file: &ParsedFile) -> FamilySignals {
    match file.language.family() {
        LanguageFamily::Js => js::signals(file),
        LanguageFamily::Rust => rust::signals(file),
        LanguageFamily::Go => go::signals(file),
        LanguageFamily::Python => python::signals(file),
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

/// A streaming RPC handler found in a file.
#[derive(Debug, Clone)]
pub(crate) struct Handler {
    pub file: usize,
    pub func: usize,
    /// `Class.method`, `Type.Method` or the bound name.
    pub name: String,
    /// The parameter holding the call/stream/request object.
    pub stream: String,
    pub kind: StreamKind,
}

/// The streaming handlers of a file, given what the whole family's project says.
pub(crate) fn handlers(file_idx: usize, file: &ParsedFile, sig: &FamilySignals) -> Vec<Handler> {
    let mut found = match file.language.family() {
        LanguageFamily::Js => js::handlers(file_idx, file, sig),
        LanguageFamily::Rust => rust::handlers(file_idx, file, sig),
        LanguageFamily::Go => go::handlers(file_idx, file, sig),
        LanguageFamily::Python => python::handlers(file_idx, file, sig),
    };
    // A handler nested in another one (a callback) is part of the outer one.
    found.sort_by_key(|h| file.funcs[h.func].span.start);
    let mut kept: Vec<Handler> = Vec::new();
    for h in found {
        let span = &file.funcs[h.func].span;
        if !kept
            .iter()
            .any(|k| contains(&file.funcs[k.func].span, span))
        {
            kept.push(h);
        }
    }
    kept
}

pub(crate) fn contains(outer: &Span, inner: &Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
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
        Some(c) if !c.is_empty() => format!("{c}.{name}"),
        _ => name.to_string(),
    }
}
