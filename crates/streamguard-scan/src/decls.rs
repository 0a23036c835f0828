//! Declarations the handler analysis looks up by name while it resolves receivers and judges
//! interceptors: type aliases (`type T = U`), field types (`origin: Arc<Origin>`) and the lines
//! that may list a method as exempt from auth. They are read off every file's lines once, when
//! the project is built: a lookup then costs a few hash probes, where reading the program's
//! files again on every lookup made large programs quadratic.
//!
//! Each file's declarations are read by the worker that parses it ([`FileDecls`]); the project
//! then gathers them into one index that keeps, per name, the first declaration of every file
//! in file order. A program's files are sorted by index, so the first entry that belongs to the
//! program is the one a walk over the program's files, line by line, would have met first.

use std::collections::{HashMap, HashSet};

use crate::analysis::{bare_type, field_decl, mentions};
use crate::lang::LanguageFamily;
use crate::program::Program;
use crate::syntax::{ParsedFile, is_ident_char};

/// Words that mark a table of methods let through without a credential.
const EXEMPT_WORDS: &[&str] = &[
    "whitelist",
    "allowlist",
    "publicmethods",
    "public_methods",
    "noauth",
    "no_auth",
    "unauthenticated",
    "skipauth",
    "skip_auth",
    "exempt",
    // A table named for skipping (`Skip: map[string]bool{`, `skip_methods = {`).
    "skip:",
    "skip =",
    "skip_methods",
    "skipmethods",
    "skiplist",
    "skip_list",
    "bypass",
    "anonymous",
];

/// How many lines above a method's full name an exemption word may stand.
const EXEMPT_WINDOW: usize = 30;

/// Per name, the first declaration in each file: `(file, what it declares)`, files ascending.
type ByName = HashMap<String, Vec<(usize, String)>>;

/// The declarations of every file, by name.
#[derive(Debug, Default)]
pub(crate) struct DeclIndex {
    /// `type T = U<…>;` → `U`, keyed by `T`.
    aliases: ByName,
    /// The declared type of a field, keyed by the field's name (see [`field_decl`]).
    fields: ByName,
    /// Per file, its lines (lowercased) that hold a quoted `"/…` path and have an exemption
    /// word in the lines just above: the only lines where a method can be listed as exempt.
    exempt_lines: Vec<Vec<String>>,
    /// The default of a configured duration (`accept_timeout_s: float = 2.0` in a settings
    /// class, `revocationCheckMs: 60_000,` in a config object), keyed by the setting's name.
    durations: ByName,
}

/// The declarations of one file, each name's first only, in line order.
#[derive(Debug, Default)]
pub(crate) struct FileDecls {
    aliases: Vec<(String, String)>,
    fields: Vec<(String, String)>,
    exempt_lines: Vec<String>,
    durations: Vec<(String, String)>,
}

impl FileDecls {
    pub fn read(text: &str, family: LanguageFamily) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let mut decls = Self::default();
        let mut aliased = HashSet::new();
        let mut typed = HashSet::new();
        for l in &lines {
            for (name, target) in alias_decls(l) {
                if aliased.insert(name) {
                    decls.aliases.push((name.to_string(), target));
                }
            }
            if let Some((name, default)) = duration_setting(l)
                && !decls.durations.iter().any(|(n, _)| n == name)
            {
                decls
                    .durations
                    .push((name.to_string(), default.to_string()));
            }
            for name in field_candidates(l).into_iter().flatten() {
                if typed.contains(name) {
                    continue;
                }
                let declared =
                    field_decl(l, name, family).or_else(|| injected_type(text, l, name, family));
                if let Some(ty) = declared {
                    typed.insert(name);
                    decls.fields.push((name.to_string(), ty));
                }
            }
        }
        decls.exempt_lines = exempt_lines(&lines);
        decls
    }
}

impl DeclIndex {
    /// Gathers the declarations the files' workers read (leaving theirs empty).
    pub fn gather(files: &mut [ParsedFile]) -> Self {
        let mut idx = Self::default();
        for (fi, file) in files.iter_mut().enumerate() {
            let decls = std::mem::take(&mut file.decls);
            for (name, target) in decls.aliases {
                idx.aliases.entry(name).or_default().push((fi, target));
            }
            for (name, ty) in decls.fields {
                idx.fields.entry(name).or_default().push((fi, ty));
            }
            for (name, default) in decls.durations {
                idx.durations.entry(name).or_default().push((fi, default));
            }
            idx.exempt_lines.push(decls.exempt_lines);
        }
        idx
    }

    /// `U` when the program declares `type t = U<…>` (its first such declaration).
    pub fn alias(&self, program: &Program, t: &str) -> Option<&str> {
        first_in_program(&self.aliases, program, t)
    }

    /// The type file `fi` declares for `field` (its first declaration of it).
    pub fn field_in_file(&self, fi: usize, field: &str) -> Option<&str> {
        let decls = self.fields.get(field)?;
        let k = decls.binary_search_by_key(&fi, |&(f, _)| f).ok()?;
        Some(decls[k].1.as_str())
    }

    /// The type the program's first file declaring `field` gives it.
    pub fn field_in_program(&self, program: &Program, field: &str) -> Option<&str> {
        first_in_program(&self.fields, program, field)
    }

    /// The default the program's first declaration of the duration setting `name` gives it
    /// (`es_search_timeout_s: float = 5.0` → `5.0`).
    pub fn duration_setting(&self, program: &Program, name: &str) -> Option<&str> {
        first_in_program(&self.durations, program, name)
    }

    /// The lowercased lines of file `fi` that may list a method as exempt from auth.
    pub fn exempt_lines(&self, fi: usize) -> &[String] {
        self.exempt_lines.get(fi).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn first_in_program<'i>(index: &'i ByName, program: &Program, name: &str) -> Option<&'i str> {
    index
        .get(name)?
        .iter()
        .find(|&&(f, _)| program.contains(f))
        .map(|(_, d)| d.as_str())
}

/// Every `(T, U)` such that the line reads `type T = U…` (after indentation and `pub `): one
/// per ` = ` in it, since `T` is matched as written.
fn alias_decls(line: &str) -> Vec<(&str, String)> {
    let l = line.trim_start();
    let l = l.strip_prefix("pub ").unwrap_or(l);
    let Some(rest) = l.strip_prefix("type ") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(j) = rest[from..].find(" = ") {
        let i = from + j;
        let target = &rest[i + " = ".len()..];
        out.push((
            &rest[..i],
            bare_type(target.trim_end_matches(';')).to_string(),
        ));
        from = i + 1;
    }
    out
}

/// The type of a Python field set from a constructor parameter with an annotation:
/// `self._influx = influx` with `influx: InfluxWriter` in the signature (the first such
/// annotation of the file). The dependencies a servicer is given are its helpers.
fn injected_type(text: &str, line: &str, field: &str, family: LanguageFamily) -> Option<String> {
    if family != LanguageFamily::Python {
        return None;
    }
    let value = line
        .trim_start()
        .strip_prefix("self.")?
        .strip_prefix(field)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    if value.is_empty() || !value.chars().all(is_ident_char) {
        return None;
    }
    let annotation = format!("{value}: ");
    text.match_indices(&annotation).find_map(|(i, _)| {
        if text[..i].chars().next_back().is_some_and(is_ident_char) {
            return None;
        }
        let ty: String = text[i + annotation.len()..]
            .chars()
            .take_while(|&c| is_ident_char(c) || c == '.')
            .collect();
        let ty = ty.rsplit('.').next().unwrap_or("");
        ty.starts_with(|c: char| c.is_ascii_uppercase())
            .then(|| ty.to_string())
    })
}

/// A declared setting whose name says it is a duration (a timeout, or a name ending in a
/// unit or `interval`/`period`), with its default: `accept_timeout_s: float =
/// float(os.environ.get("X", "2.0"))` (a dataclass or settings field), `readonly
/// saveTimeoutMs: number = 10_000`, `revocationCheckMs: 60_000,` (a config object's key, with a
/// numeric value only).
fn duration_setting(line: &str) -> Option<(&str, &str)> {
    const UNITS: &[&str] = &["ms", "_s", "seconds", "secs", "interval", "period"];
    let t = line.trim_start();
    let t = t.strip_prefix("readonly ").unwrap_or(t);
    let name = leading_ident(t)?;
    let lower = name.to_ascii_lowercase();
    if !lower.contains("timeout") && !UNITS.iter().any(|u| lower.ends_with(u)) {
        return None;
    }
    let rest = t[name.len()..].trim_start().strip_prefix(':')?;
    let default = match rest.split_once('=') {
        Some((_, d)) => d,
        None => {
            let v = rest.trim().trim_end_matches(',').trim();
            let numeric = v.starts_with(|c: char| c.is_ascii_digit())
                && v.chars()
                    .all(|c| c.is_ascii_digit() || " _*.()".contains(c));
            if !numeric {
                return None;
            }
            v
        }
    };
    let default = default.split('#').next().unwrap_or("").trim();
    let default = default.trim_end_matches([';', ',']).trim();
    (!default.is_empty() && !default.starts_with(['=', '>'])).then_some((name, default))
}

/// The names [`field_decl`] can match on this line: the identifier that starts it (after
/// indentation, and after `pub(crate) `/`pub ` for Rust), or the one after `self.`/`this.`.
/// A declared field is always followed by a character that cannot be part of its name (`:`,
/// a space), so it is the whole leading identifier.
fn field_candidates(line: &str) -> [Option<&str>; 4] {
    let t = line.trim_start();
    [
        leading_ident(t),
        t.strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub "))
            .and_then(leading_ident),
        t.strip_prefix("self.").and_then(leading_ident),
        t.strip_prefix("this.").and_then(leading_ident),
    ]
}

/// The identifier `s` starts with, if any.
fn leading_ident(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
    (end > 0).then(|| &s[..end])
}

/// The lines (lowercased) holding a quoted `"/…` path with an exemption word within the
/// [`EXEMPT_WINDOW`] lines above.
fn exempt_lines(lines: &[&str]) -> Vec<String> {
    if !lines.iter().any(|l| l.contains("\"/")) {
        return Vec::new();
    }
    let marked: Vec<bool> = lines.iter().map(|l| mentions(l, EXEMPT_WORDS)).collect();
    lines
        .iter()
        .enumerate()
        .filter(|&(k, l)| {
            l.contains("\"/") && marked[k.saturating_sub(EXEMPT_WINDOW)..k].contains(&true)
        })
        .map(|(_, l)| l.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Language;
    use crate::program::ProgramFacts;

    fn file(language: Language, text: &str) -> ParsedFile {
        let mut f = ParsedFile::new("f".to_string(), language, text.to_string());
        f.decls = FileDecls::read(text, language.family());
        f
    }

    fn program(files: Vec<usize>) -> Program {
        Program {
            name: "p".to_string(),
            family: LanguageFamily::Rust,
            files,
            registered: true,
            facts: ProgramFacts::default(),
        }
    }

    #[test]
    fn an_alias_is_the_first_one_the_programs_files_declare() {
        let mut files = [
            file(Language::Rust, "type Classifier = OtherClient<Channel>;\n"),
            file(
                Language::Rust,
                "fn f() {}\npub type Classifier = ClassifierClient<Channel>;\n",
            ),
            file(Language::Rust, "type Classifier = LaterClient;\n"),
        ];
        let idx = DeclIndex::gather(&mut files);
        assert_eq!(
            idx.alias(&program(vec![1, 2]), "Classifier"),
            Some("ClassifierClient")
        );
        assert_eq!(
            idx.alias(&program(vec![0, 1]), "Classifier"),
            Some("OtherClient")
        );
        assert_eq!(
            idx.alias(&program(vec![2]), "Classifier"),
            Some("LaterClient")
        );
        assert_eq!(idx.alias(&program(vec![1]), "Other"), None);
    }

    #[test]
    fn a_field_type_is_the_first_declaration_in_the_file_or_the_program() {
        let mut files = [
            file(
                Language::Rust,
                "struct S {\n    origin: Arc<Origin>,\n    origin: Other,\n}\n",
            ),
            file(Language::Go, "type s struct {\n\tstore *Store\n}\n"),
            file(
                Language::Python,
                "        self.meta = MetadataClient(channel)\n",
            ),
        ];
        let idx = DeclIndex::gather(&mut files);
        assert_eq!(idx.field_in_file(0, "origin"), Some("Origin"));
        assert_eq!(idx.field_in_file(1, "origin"), None);
        assert_eq!(
            idx.field_in_program(&program(vec![1, 2]), "store"),
            Some("Store")
        );
        assert_eq!(
            idx.field_in_program(&program(vec![0, 2]), "meta"),
            Some("MetadataClient")
        );
        assert_eq!(idx.field_in_program(&program(vec![0]), "store"), None);
    }

    #[test]
    fn a_method_path_is_an_exemption_candidate_only_below_an_exemption_word() {
        let far = "\n".repeat(EXEMPT_WINDOW);
        let text = format!(
            "var whitelist = map[string]bool{{\n\t\"/pkg.Svc/Watch\": true,\n}}\n{far}\t\"/pkg.Svc/Late\"\n"
        );
        let idx = DeclIndex::gather(&mut [file(Language::Go, &text)]);
        assert_eq!(idx.exempt_lines(0), ["\t\"/pkg.svc/watch\": true,"]);
    }

    #[test]
    fn duration_settings_are_declared_durations_with_their_defaults() {
        assert_eq!(
            duration_setting("    search_timeout_s: float = 5.0  # seconds"),
            Some(("search_timeout_s", "5.0"))
        );
        assert_eq!(
            duration_setting("  readonly saveTimeoutMs: number = 10_000;"),
            Some(("saveTimeoutMs", "10_000"))
        );
        assert_eq!(
            duration_setting("  revocationCheckMs: 60_000,"),
            Some(("revocationCheckMs", "60_000"))
        );
        assert_eq!(
            duration_setting("  maxWatchMs: 10 * 60_000,"),
            Some(("maxWatchMs", "10 * 60_000"))
        );
        assert_eq!(duration_setting("  pollMs: opts.pollMs,"), None);
        assert_eq!(duration_setting("    retries: int = 3"), None);
        assert_eq!(duration_setting("    timeout = 5"), None);
    }
}
