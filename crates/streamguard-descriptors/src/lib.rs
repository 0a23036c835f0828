//! Message types of a gRPC target, for the probe and the gateway: from server reflection on the
//! target (v1, then v1alpha), a protoset file (`protoc --descriptor_set_out --include_imports`),
//! or `.proto` files compiled in-process (no `protoc` needed).
//!
//! Both consumers name the same config keys (`[descriptors] source`, `protoset`, `proto_files`,
//! `include_paths`), so errors name the key the user wrote.
//!
//! ```no_run
//! # async fn f(channel: tonic::transport::Channel) -> Result<(), streamguard_descriptors::DescriptorError> {
//! use streamguard_descriptors::{DescriptorsConfig, load, find_method};
//! let config = DescriptorsConfig::default(); // reflection
//! let pool = load("descriptors", &config, &channel, &["pkg.Service".into()]).await?;
//! let method = find_method(&pool, "methods.method", "pkg.Service/Method")?;
//! # Ok(()) }
//! ```

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use prost::Message as _;
use prost_reflect::{DescriptorPool, MethodDescriptor};
use prost_types::{FileDescriptorProto, FileDescriptorSet};
use serde::Deserialize;
use tonic::transport::Channel;

/// Where the message types come from (`[descriptors]` in the probe and gateway configs).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescriptorsConfig {
    #[serde(default)]
    pub source: DescriptorSource,
    /// For `source = "protoset"`: a `FileDescriptorSet` file (`protoc --descriptor_set_out`).
    #[serde(default)]
    pub protoset: Option<PathBuf>,
    /// For `source = "proto"`: `.proto` files compiled in-process (no `protoc` needed).
    #[serde(default)]
    pub proto_files: Vec<PathBuf>,
    /// For `source = "proto"`: import paths (default: the directory of each file).
    #[serde(default)]
    pub include_paths: Vec<PathBuf>,
    /// An encoded `FileDescriptorSet` given in code (e.g. the reference server's).
    #[serde(skip)]
    pub encoded: Option<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescriptorSource {
    /// gRPC server reflection (v1, then v1alpha) on the target itself.
    #[default]
    Reflection,
    Protoset,
    Proto,
}

impl DescriptorsConfig {
    /// Makes relative paths relative to `dir` (the config file's directory).
    pub fn resolve_paths(&mut self, dir: &Path) {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = dir.join(&*p);
            }
        };
        if let Some(p) = &mut self.protoset {
            fix(p);
        }
        self.proto_files.iter_mut().for_each(fix);
        self.include_paths.iter_mut().for_each(fix);
    }

    /// Checks what can be checked without the target; `key` is the section's config key.
    pub fn check(&self, key: &str) -> Result<(), DescriptorError> {
        match self.source {
            DescriptorSource::Protoset if self.protoset.is_none() && self.encoded.is_none() => {
                Err(DescriptorError::invalid(
                    format!("{key}.protoset"),
                    "source = \"protoset\" needs protoset = \"FILE\" (from protoc --descriptor_set_out --include_imports)",
                ))
            }
            DescriptorSource::Proto if self.proto_files.is_empty() => {
                Err(DescriptorError::invalid(
                    format!("{key}.proto_files"),
                    "source = \"proto\" needs proto_files = [\"a.proto\", …] (and include_paths for imports)",
                ))
            }
            _ => Ok(()),
        }
    }
}

/// Why descriptors could not be had.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DescriptorError {
    /// The config (or what it points at) is wrong: the message names the key and what to do.
    #[error("config key `{key}`: {message}")]
    Invalid { key: String, message: String },
    /// The transport failed while talking reflection: the target is not reachable.
    #[error("server reflection on the target failed: {0}")]
    Unreachable(String),
}

impl DescriptorError {
    pub fn invalid(key: impl Into<String>, message: impl Into<String>) -> Self {
        DescriptorError::Invalid {
            key: key.into(),
            message: message.into(),
        }
    }

    /// The config key the error is about, when there is one.
    pub fn key(&self) -> Option<&str> {
        match self {
            DescriptorError::Invalid { key, .. } => Some(key),
            DescriptorError::Unreachable(_) => None,
        }
    }
}

/// Builds the pool named by `config`; `symbols` are the services reflection must resolve.
/// `channel` is used only for `source = "reflection"`.
pub async fn load(
    key: &str,
    config: &DescriptorsConfig,
    channel: &Channel,
    symbols: &[String],
) -> Result<DescriptorPool, DescriptorError> {
    if let Some(bytes) = &config.encoded {
        return DescriptorPool::decode(bytes.as_slice()).map_err(|e| {
            DescriptorError::invalid(key, format!("the embedded descriptor set is invalid: {e}"))
        });
    }
    match config.source {
        DescriptorSource::Reflection => reflect(key, channel, symbols).await,
        _ => load_offline(key, config),
    }
}

/// Builds the pool from a protoset or `.proto` files, without talking to the target.
pub fn load_offline(
    key: &str,
    config: &DescriptorsConfig,
) -> Result<DescriptorPool, DescriptorError> {
    if let Some(bytes) = &config.encoded {
        return DescriptorPool::decode(bytes.as_slice()).map_err(|e| {
            DescriptorError::invalid(key, format!("the embedded descriptor set is invalid: {e}"))
        });
    }
    match config.source {
        DescriptorSource::Protoset => {
            let path = config.protoset.as_ref().ok_or_else(|| {
                DescriptorError::invalid(
                    format!("{key}.protoset"),
                    "missing: set protoset = \"FILE\"",
                )
            })?;
            let bytes = std::fs::read(path).map_err(|e| {
                DescriptorError::invalid(
                    format!("{key}.protoset"),
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            DescriptorPool::decode(bytes.as_slice()).map_err(|e| {
                DescriptorError::invalid(
                    format!("{key}.protoset"),
                    format!("{} is not a complete FileDescriptorSet ({e}); make it with protoc --include_imports --descriptor_set_out", path.display()),
                )
            })
        }
        DescriptorSource::Proto => {
            let includes: Vec<_> = if config.include_paths.is_empty() {
                let mut dirs: Vec<_> = config
                    .proto_files
                    .iter()
                    .filter_map(|f| f.parent().map(|p| p.to_path_buf()))
                    .collect();
                dirs.dedup();
                dirs
            } else {
                config.include_paths.clone()
            };
            let fds = protox::compile(&config.proto_files, &includes).map_err(|e| {
                DescriptorError::invalid(
                    format!("{key}.proto_files"),
                    format!("cannot compile: {e}"),
                )
            })?;
            DescriptorPool::from_file_descriptor_set(fds).map_err(|e| {
                DescriptorError::invalid(
                    format!("{key}.proto_files"),
                    format!("invalid descriptors: {e}"),
                )
            })
        }
        DescriptorSource::Reflection => Err(DescriptorError::invalid(
            format!("{key}.source"),
            "source = \"reflection\" needs the target: use load()",
        )),
    }
}

/// Asks the target's reflection service (v1, then v1alpha) for the files defining `symbols`
/// and, transitively, the files they import.
async fn reflect(
    key: &str,
    channel: &Channel,
    symbols: &[String],
) -> Result<DescriptorPool, DescriptorError> {
    let mut files: HashMap<String, FileDescriptorProto> = HashMap::new();
    let mut v1alpha = false;
    let mut pending: Vec<Query> = symbols.iter().map(|s| Query::Symbol(s.clone())).collect();
    let mut asked: BTreeSet<String> = BTreeSet::new();
    while let Some(q) = pending.pop() {
        let label = q.label();
        if !asked.insert(label.clone()) {
            continue;
        }
        let got = match ask(channel, &q, v1alpha).await {
            Err(s) if s.code() == tonic::Code::Unimplemented && !v1alpha => {
                v1alpha = true;
                ask(channel, &q, true).await
            }
            other => other,
        };
        let protos = match got {
            Ok(p) => p,
            Err(s) if s.code() == tonic::Code::Unimplemented => {
                return Err(DescriptorError::invalid(
                    format!("{key}.source"),
                    "the target does not serve gRPC server reflection; set source = \"protoset\" or \"proto\" and give its descriptors",
                ));
            }
            Err(s)
                if matches!(
                    s.code(),
                    tonic::Code::Unavailable
                        | tonic::Code::Unknown
                        | tonic::Code::Internal
                        | tonic::Code::DeadlineExceeded
                ) =>
            {
                return Err(DescriptorError::Unreachable(format!(
                    "{}: {}",
                    s.code(),
                    s.message()
                )));
            }
            Err(s) => {
                let what = match &q {
                    Query::Symbol(sym) => format!(
                        "the target's reflection does not know `{sym}` ({}: {}); check the method name, or give descriptors with source = \"protoset\" or \"proto\"",
                        s.code(),
                        s.message()
                    ),
                    Query::File(f) => format!(
                        "reflection could not give `{f}` ({}: {})",
                        s.code(),
                        s.message()
                    ),
                };
                return Err(DescriptorError::invalid(key, what));
            }
        };
        for fd in protos {
            for dep in &fd.dependency {
                if !files.contains_key(dep) {
                    pending.push(Query::File(dep.clone()));
                }
            }
            files.insert(fd.name().to_string(), fd);
        }
    }
    let set = FileDescriptorSet {
        file: files.into_values().collect(),
    };
    DescriptorPool::from_file_descriptor_set(set).map_err(|e| {
        DescriptorError::invalid(
            key,
            format!(
                "reflection gave incomplete descriptors ({e}); give them with source = \"protoset\""
            ),
        )
    })
}

enum Query {
    Symbol(String),
    File(String),
}

impl Query {
    fn label(&self) -> String {
        match self {
            Self::Symbol(s) => format!("symbol:{s}"),
            Self::File(f) => format!("file:{f}"),
        }
    }
}

async fn ask(
    channel: &Channel,
    q: &Query,
    v1alpha: bool,
) -> Result<Vec<FileDescriptorProto>, tonic::Status> {
    use tokio_stream::StreamExt as _;
    macro_rules! ask_with {
        ($pb:path) => {{
            use pb::{
                server_reflection_request::MessageRequest,
                server_reflection_response::MessageResponse,
            };
            use $pb as pb;
            let req = pb::ServerReflectionRequest {
                host: String::new(),
                message_request: Some(match q {
                    Query::Symbol(s) => MessageRequest::FileContainingSymbol(s.clone()),
                    Query::File(f) => MessageRequest::FileByFilename(f.clone()),
                }),
            };
            let mut client =
                pb::server_reflection_client::ServerReflectionClient::new(channel.clone());
            let mut stream = client
                .server_reflection_info(tokio_stream::once(req))
                .await?
                .into_inner();
            let resp = stream.next().await.ok_or_else(|| {
                tonic::Status::unknown("reflection stream ended without an answer")
            })??;
            match resp.message_response {
                Some(MessageResponse::FileDescriptorResponse(f)) => f
                    .file_descriptor_proto
                    .iter()
                    .map(|b| {
                        FileDescriptorProto::decode(b.as_slice()).map_err(|e| {
                            tonic::Status::internal(format!("bad descriptor from reflection: {e}"))
                        })
                    })
                    .collect(),
                Some(MessageResponse::ErrorResponse(e)) => Err(tonic::Status::new(
                    tonic::Code::from(e.error_code),
                    e.error_message,
                )),
                _ => Err(tonic::Status::internal("unexpected reflection answer")),
            }
        }};
    }
    let timeout = std::time::Duration::from_secs(10);
    let fut = async {
        if v1alpha {
            ask_with!(tonic_reflection::pb::v1alpha)
        } else {
            ask_with!(tonic_reflection::pb::v1)
        }
    };
    tokio::time::timeout(timeout, fut)
        .await
        .unwrap_or_else(|_| {
            Err(tonic::Status::deadline_exceeded(
                "reflection did not answer within 10 s",
            ))
        })
}

/// Every service the target's reflection lists (v1, then v1alpha), reflection itself included.
pub async fn list_services(channel: &Channel) -> Result<Vec<String>, DescriptorError> {
    let listed = match list_with(channel, false).await {
        Err(s) if s.code() == tonic::Code::Unimplemented => list_with(channel, true).await,
        other => other,
    };
    listed.map_err(|s| match s.code() {
        tonic::Code::Unimplemented => DescriptorError::invalid(
            "descriptors.source",
            "the target does not serve gRPC server reflection; give its descriptors with source = \"protoset\" or \"proto\"",
        ),
        _ => DescriptorError::Unreachable(format!("{}: {}", s.code(), s.message())),
    })
}

async fn list_with(channel: &Channel, v1alpha: bool) -> Result<Vec<String>, tonic::Status> {
    use tokio_stream::StreamExt as _;
    macro_rules! list_with {
        ($pb:path) => {{
            use pb::{
                server_reflection_request::MessageRequest,
                server_reflection_response::MessageResponse,
            };
            use $pb as pb;
            let req = pb::ServerReflectionRequest {
                host: String::new(),
                message_request: Some(MessageRequest::ListServices(String::new())),
            };
            let mut client =
                pb::server_reflection_client::ServerReflectionClient::new(channel.clone());
            let mut stream = client
                .server_reflection_info(tokio_stream::once(req))
                .await?
                .into_inner();
            let resp = stream.next().await.ok_or_else(|| {
                tonic::Status::unknown("reflection stream ended without an answer")
            })??;
            match resp.message_response {
                Some(MessageResponse::ListServicesResponse(l)) => {
                    Ok(l.service.into_iter().map(|s| s.name).collect())
                }
                Some(MessageResponse::ErrorResponse(e)) => Err(tonic::Status::new(
                    tonic::Code::from(e.error_code),
                    e.error_message,
                )),
                _ => Err(tonic::Status::internal("unexpected reflection answer")),
            }
        }};
    }
    let fut = async {
        if v1alpha {
            list_with!(tonic_reflection::pb::v1alpha)
        } else {
            list_with!(tonic_reflection::pb::v1)
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), fut)
        .await
        .unwrap_or_else(|_| {
            Err(tonic::Status::deadline_exceeded(
                "reflection did not answer within 10 s",
            ))
        })
}

/// `pkg.Service/Method`, `/pkg.Service/Method` or `pkg.Service.Method` → (service, method).
pub fn split_method(name: &str) -> Option<(&str, &str)> {
    let name = name.trim().trim_start_matches('/');
    if let Some((svc, m)) = name.split_once('/') {
        return (!svc.is_empty() && !m.is_empty()).then_some((svc, m));
    }
    let (svc, m) = name.rsplit_once('.')?;
    (!svc.is_empty() && !m.is_empty()).then_some((svc, m))
}

/// Looks a method up in the pool; the error names the key and what exists.
pub fn find_method(
    pool: &DescriptorPool,
    key: &str,
    name: &str,
) -> Result<MethodDescriptor, DescriptorError> {
    let (svc, m) = split_method(name).ok_or_else(|| {
        DescriptorError::invalid(
            key,
            format!("`{name}` is not a method name; write package.Service/Method"),
        )
    })?;
    let service = pool.get_service_by_name(svc).ok_or_else(|| {
        let known: Vec<_> = pool.services().map(|s| s.full_name().to_string()).collect();
        DescriptorError::invalid(
            key,
            format!(
                "no service `{svc}` in the target's descriptors (known: {})",
                known.join(", ")
            ),
        )
    })?;
    service.methods().find(|x| x.name() == m).ok_or_else(|| {
        let known: Vec<_> = service.methods().map(|x| x.name().to_string()).collect();
        DescriptorError::invalid(
            key,
            format!(
                "service `{svc}` has no method `{m}` (it has: {})",
                known.join(", ")
            ),
        )
    })
}

/// Every method of the pool that streams in at least one direction, as `pkg.Service/Method`.
pub fn streaming_methods(pool: &DescriptorPool) -> Vec<String> {
    pool.services()
        .flat_map(|s| s.methods().collect::<Vec<_>>())
        .filter(|m| m.is_client_streaming() || m.is_server_streaming())
        .map(|m| format!("{}/{}", m.parent_service().full_name(), m.name()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_parse_in_all_three_spellings() {
        assert_eq!(
            split_method("mcp.v1.McpStreaming/WatchResource"),
            Some(("mcp.v1.McpStreaming", "WatchResource"))
        );
        assert_eq!(
            split_method("/mcp.v1.McpStreaming/WatchResource"),
            Some(("mcp.v1.McpStreaming", "WatchResource"))
        );
        assert_eq!(
            split_method("mcp.v1.McpStreaming.WatchResource"),
            Some(("mcp.v1.McpStreaming", "WatchResource"))
        );
        assert_eq!(split_method("Watch"), None);
    }

    #[test]
    fn streaming_methods_are_listed_by_full_name() {
        let pool = DescriptorPool::decode(streamguard_proto::FILE_DESCRIPTOR_SET).unwrap();
        let methods = streaming_methods(&pool);
        assert!(methods.contains(&"mcp.v1.McpStreaming/WatchResource".to_string()));
        assert!(methods.contains(&"mcp.v1.McpJsonRpc/Exchange".to_string()));
        assert!(
            !methods.iter().any(|m| m.ends_with("/CallTool")),
            "{methods:?}"
        );
    }

    #[tokio::test]
    async fn list_services_names_every_service_the_reflection_of_a_real_server_lists() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let reflection = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(streamguard_proto::FILE_DESCRIPTOR_SET)
            .build_v1()
            .unwrap();
        let server = tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(reflection)
                .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
        );
        let channel = Channel::from_shared(format!("http://{addr}"))
            .unwrap()
            .connect()
            .await
            .unwrap();
        let services = list_services(&channel).await.unwrap();
        for s in [
            "mcp.v1.McpStreaming",
            "mcp.v1.Mcp",
            "backend.v1.ToolBackend",
        ] {
            assert!(services.iter().any(|x| x == s), "{s} in {services:?}");
        }
        let pool = load(
            "descriptors",
            &DescriptorsConfig::default(),
            &channel,
            &services,
        )
        .await
        .unwrap();
        assert!(streaming_methods(&pool).contains(&"mcp.v1.McpJsonRpc/Exchange".to_string()));
        server.abort();
    }

    #[test]
    fn a_protoset_source_without_a_file_names_the_key() {
        let c = DescriptorsConfig {
            source: DescriptorSource::Protoset,
            ..DescriptorsConfig::default()
        };
        assert_eq!(
            c.check("descriptors").unwrap_err().key(),
            Some("descriptors.protoset")
        );
    }

    #[test]
    fn unknown_method_error_lists_what_the_service_has() {
        let pool = DescriptorPool::decode(streamguard_proto::FILE_DESCRIPTOR_SET).unwrap();
        let err =
            find_method(&pool, "probes.expiry.method", "mcp.v1.McpStreaming/Watch").unwrap_err();
        assert_eq!(err.key(), Some("probes.expiry.method"));
        assert!(err.to_string().contains("WatchResource"), "{err}");
        let err = find_method(&pool, "k", "mcp.v9.Nope/X")
            .unwrap_err()
            .to_string();
        assert!(err.contains("mcp.v1.McpStreaming"), "{err}");
    }
}
