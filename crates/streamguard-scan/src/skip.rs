//! What `audit scan` leaves out by default, and why: test code, vendored dependencies and
//! generated code are not the server a user wants judged (failure class 6 of issue 12).
//!
//! Every rule looks at the path *below the scan root*, so scanning `myproj/tests/` on purpose
//! still scans it. Generated code is recognised by its name or by the header its generator
//! writes; it is still read for the service definitions it carries (see [`crate::services`]).

use serde::Serialize;

/// Why a file or directory was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Test code (`*_test.go`, `test_*.py`, `*.test.ts`, `tests/`…); `--include-tests` scans it.
    Test,
    /// A dependency directory (`vendor/`, `node_modules/`, `third_party/`).
    Vendored,
    /// Output of a code generator (`*_pb2_grpc.py`, `*.pb.go`, `*_grpc_pb.js`, tonic modules).
    Generated,
    /// Over the size limit.
    TooLarge,
    /// NUL bytes in the first 8 KiB.
    Binary,
    /// Could not be read or parsed.
    Unreadable,
}

impl SkipReason {
    pub const ALL: [SkipReason; 6] = [
        Self::Test,
        Self::Vendored,
        Self::Generated,
        Self::TooLarge,
        Self::Binary,
        Self::Unreadable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Test => "test",
            Self::Vendored => "vendored",
            Self::Generated => "generated",
            Self::TooLarge => "too_large",
            Self::Binary => "binary",
            Self::Unreadable => "unreadable",
        }
    }

    /// How the text summary names it: `12 test files`.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Test => "test",
            Self::Vendored => "vendored",
            Self::Generated => "generated",
            Self::TooLarge => "too large",
            Self::Binary => "binary",
            Self::Unreadable => "unreadable",
        }
    }
}

/// Directories of dependencies: pruned without descending (counted as directories).
const VENDOR_DIRS: &[&str] = &[
    "vendor",
    "node_modules",
    "third_party",
    "third-party",
    "bower_components",
];

/// Directories of tests.
const TEST_DIRS: &[&str] = &[
    "test",
    "tests",
    "__tests__",
    "testdata",
    "spec",
    "__mocks__",
    "testutils",
    "testutil",
    "mocks",
    "fakes",
];

/// Build output and tool state: pruned silently, as before (never source the user wrote).
pub(crate) const BUILD_DIRS: &[&str] = &[".git", "target", "__pycache__", ".venv", "venv", "dist"];

/// The reason a directory below the scan root is pruned, if it is.
pub(crate) fn dir_reason(name: &str, include_tests: bool) -> Option<SkipReason> {
    if VENDOR_DIRS.contains(&name) {
        Some(SkipReason::Vendored)
    } else if !include_tests && TEST_DIRS.contains(&name) {
        Some(SkipReason::Test)
    } else {
        None
    }
}

/// The reason a file is skipped from its name alone, if it is.
pub(crate) fn file_reason(name: &str, include_tests: bool) -> Option<SkipReason> {
    if is_generated_name(name) {
        return Some(SkipReason::Generated);
    }
    if !include_tests && is_test_name(name) {
        return Some(SkipReason::Test);
    }
    None
}

fn is_test_name(name: &str) -> bool {
    let stem_ext = name.rsplit_once('.');
    let stem = stem_ext.map(|(s, _)| s).unwrap_or(name);
    name.ends_with("_test.go")
        || (name.ends_with(".py")
            && (stem.starts_with("test_") || stem.ends_with("_test") || stem == "conftest"))
        || [".test.", ".spec.", "-test.", "-spec."]
            .iter()
            .any(|m| name.contains(m))
        || (name.ends_with(".rs")
            && (stem == "tests"
                || stem == "test"
                || stem.ends_with("_tests")
                || stem.ends_with("_test")))
}

fn is_generated_name(name: &str) -> bool {
    name.ends_with("_pb2_grpc.py")
        || name.ends_with("_pb2.py")
        || name.ends_with("_pb2.pyi")
        || name.ends_with("_pb2_grpc.pyi")
        || name.ends_with(".pb.go")
        || name.ends_with(".pb.gw.go")
        || name.ends_with("_grpc_pb.js")
        || name.ends_with("_grpc_pb.d.ts")
        || name.ends_with("_pb.js")
        || name.ends_with("_pb.d.ts")
        || name.ends_with("_pb.ts")
        || name.ends_with(".pb.rs")
}

/// Whether the first lines of a file carry a generator's "do not edit" header.
pub(crate) fn has_generated_header(text: &str) -> bool {
    let head = text.get(..text.len().min(1024)).unwrap_or("");
    head.lines().take(12).any(|l| {
        let l = l.trim_start();
        let comment =
            l.starts_with("//") || l.starts_with('#') || l.starts_with("/*") || l.starts_with('*');
        comment
            && (l.contains("Code generated") && l.contains("DO NOT EDIT")
                || l.contains("@generated")
                || l.contains("Generated by the gRPC")
                || l.contains("Generated by the protocol buffer compiler")
                || l.contains("GENERATED CODE -- DO NOT EDIT")
                || l.contains("generated by protoc-gen"))
    })
}

/// Counts of what was left out, for the summary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SkipSummary {
    /// Files skipped, by reason.
    pub files: std::collections::BTreeMap<SkipReason, usize>,
    /// Directories pruned without descending, by reason (their files are not counted).
    pub dirs: std::collections::BTreeMap<SkipReason, usize>,
}

impl SkipSummary {
    pub fn total_files(&self) -> usize {
        self.files.values().sum()
    }

    /// `12 test files, 3 generated files, 2 vendored directories`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for r in SkipReason::ALL {
            if let Some(&n) = self.files.get(&r).filter(|&&n| n > 0) {
                parts.push(format!("{n} {} file{}", r.describe(), plural(n)));
            }
            if let Some(&n) = self.dirs.get(&r).filter(|&&n| n > 0) {
                parts.push(format!(
                    "{n} {} director{}",
                    r.describe(),
                    if n == 1 { "y" } else { "ies" }
                ));
            }
        }
        if parts.is_empty() {
            "nothing".to_string()
        } else {
            parts.join(", ")
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_files_of_each_stack_are_recognised() {
        for name in [
            "server_test.go",
            "test_server.py",
            "server_test.py",
            "conftest.py",
            "server.test.ts",
            "server.spec.js",
            "tests.rs",
        ] {
            assert_eq!(file_reason(name, false), Some(SkipReason::Test), "{name}");
            assert_eq!(file_reason(name, true), None, "{name} with --include-tests");
        }
        for name in [
            "server.go",
            "latest.py",
            "contest.ts",
            "attestation.rs",
            "testing.go",
        ] {
            assert_eq!(file_reason(name, false), None, "{name}");
        }
    }

    #[test]
    fn generated_code_is_recognised_by_name_and_header() {
        for name in [
            "mcp_pb2_grpc.py",
            "mcp_grpc.pb.go",
            "mcp.pb.go",
            "mcp_grpc_pb.js",
        ] {
            assert_eq!(
                file_reason(name, true),
                Some(SkipReason::Generated),
                "{name}"
            );
        }
        assert!(has_generated_header(
            "// Code generated by protoc-gen-go-grpc. DO NOT EDIT.\npackage pb\n"
        ));
        assert!(has_generated_header(
            "// This file is @generated by prost-build.\n"
        ));
        assert!(!has_generated_header(
            "package main\n// the code generated here is ours\n"
        ));
    }

    #[test]
    fn dependency_and_test_directories_are_pruned() {
        assert_eq!(dir_reason("node_modules", true), Some(SkipReason::Vendored));
        assert_eq!(dir_reason("tests", false), Some(SkipReason::Test));
        assert_eq!(dir_reason("tests", true), None);
        assert_eq!(dir_reason("src", false), None);
    }
}
