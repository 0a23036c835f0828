//! Message types of the target: from server reflection, a protoset file or `.proto` files.

use std::collections::{BTreeSet, HashMap};

use prost::Message as _;
use prost_reflect::{DescriptorPool, MethodDescriptor};
use prost_types::{FileDescriptorProto, FileDescriptorSet};
use tonic::transport::Channel;

use crate::config::{ConfigError, DescriptorSource, DescriptorsConfig};

/// Why descriptors could not be had from the target.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DescriptorError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The transport failed while talking reflection: the target is not reachable.
    #[error("server reflection on the target failed: {0}")]
    Unreachable(String),
}

/// Builds the pool named by `config`; `symbols` are the services reflection must resolve.
pub(crate) async fn load(
    key: &str,
    config: &DescriptorsConfig,
    channel: &Channel,
    symbols: &[String],
) -> Result<DescriptorPool, DescriptorError> {
    if let Some(bytes) = &config.encoded {
        return DescriptorPool::decode(bytes.as_slice()).map_err(|e| {
            ConfigError::invalid(key, format!("the embedded descriptor set is invalid: {e}")).into()
        });
    }
    match config.source {
        DescriptorSource::Protoset => {
            let path = config.protoset.as_ref().ok_or_else(|| {
                ConfigError::invalid(
                    format!("{key}.protoset"),
                    "missing: set protoset = \"FILE\"",
                )
            })?;
            let bytes = std::fs::read(path).map_err(|e| {
                ConfigError::invalid(
                    format!("{key}.protoset"),
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            Ok(DescriptorPool::decode(bytes.as_slice()).map_err(|e| {
                ConfigError::invalid(
                    format!("{key}.protoset"),
                    format!("{} is not a complete FileDescriptorSet ({e}); make it with protoc --include_imports --descriptor_set_out", path.display()),
                )
            })?)
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
                ConfigError::invalid(format!("{key}.proto_files"), format!("cannot compile: {e}"))
            })?;
            Ok(DescriptorPool::from_file_descriptor_set(fds).map_err(|e| {
                ConfigError::invalid(
                    format!("{key}.proto_files"),
                    format!("invalid descriptors: {e}"),
                )
            })?)
        }
        DescriptorSource::Reflection => reflect(key, channel, symbols).await,
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
                return Err(ConfigError::invalid(
                    format!("{key}.source"),
                    "the target does not serve gRPC server reflection; set source = \"protoset\" or \"proto\" and give its descriptors",
                )
                .into());
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
                return Err(ConfigError::invalid(key, what).into());
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
    Ok(DescriptorPool::from_file_descriptor_set(set).map_err(|e| {
        ConfigError::invalid(
            key,
            format!(
                "reflection gave incomplete descriptors ({e}); give them with source = \"protoset\""
            ),
        )
    })?)
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

/// `pkg.Service/Method`, `/pkg.Service/Method` or `pkg.Service.Method` → (service, method).
pub(crate) fn split_method(name: &str) -> Option<(&str, &str)> {
    let name = name.trim().trim_start_matches('/');
    if let Some((svc, m)) = name.split_once('/') {
        return (!svc.is_empty() && !m.is_empty()).then_some((svc, m));
    }
    let (svc, m) = name.rsplit_once('.')?;
    (!svc.is_empty() && !m.is_empty()).then_some((svc, m))
}

/// Looks a method up in the pool; the error names the key and what exists.
pub(crate) fn find_method(
    pool: &DescriptorPool,
    key: &str,
    name: &str,
) -> Result<MethodDescriptor, ConfigError> {
    let (svc, m) = split_method(name).ok_or_else(|| {
        ConfigError::invalid(
            key,
            format!("`{name}` is not a method name; write package.Service/Method"),
        )
    })?;
    let service = pool.get_service_by_name(svc).ok_or_else(|| {
        let known: Vec<_> = pool.services().map(|s| s.full_name().to_string()).collect();
        ConfigError::invalid(
            key,
            format!(
                "no service `{svc}` in the target's descriptors (known: {})",
                known.join(", ")
            ),
        )
    })?;
    service.methods().find(|x| x.name() == m).ok_or_else(|| {
        let known: Vec<_> = service.methods().map(|x| x.name().to_string()).collect();
        ConfigError::invalid(
            key,
            format!(
                "service `{svc}` has no method `{m}` (it has: {})",
                known.join(", ")
            ),
        )
    })
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
