//! Generated types and tonic stubs for streamguard's proto contract.
//!
//! - [`mcp::v1`]: MCP over gRPC (`Mcp`, `McpStreaming`, `McpJsonRpc`).
//! - [`backend::v1`]: the downstream `ToolBackend` the reference server calls.
//! - [`FILE_DESCRIPTOR_SET`]: both files encoded, for server reflection and message inspection.

#![allow(clippy::all, missing_docs)]

pub mod mcp {
    pub mod v1 {
        tonic::include_proto!("mcp.v1");
    }
}

pub mod backend {
    pub mod v1 {
        tonic::include_proto!("backend.v1");
    }
}

/// The encoded `FileDescriptorSet` of `proto/` (including `google/protobuf/struct.proto`).
pub const FILE_DESCRIPTOR_SET: &[u8] =
    tonic::include_file_descriptor_set!("streamguard_descriptor");

/// The canonical upper-case name of a gRPC status code (`PERMISSION_DENIED`): the spelling of
/// `ToolError.status` and of status names in reports.
pub fn status_name(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "CANCELLED",
        Unknown => "UNKNOWN",
        InvalidArgument => "INVALID_ARGUMENT",
        DeadlineExceeded => "DEADLINE_EXCEEDED",
        NotFound => "NOT_FOUND",
        AlreadyExists => "ALREADY_EXISTS",
        PermissionDenied => "PERMISSION_DENIED",
        ResourceExhausted => "RESOURCE_EXHAUSTED",
        FailedPrecondition => "FAILED_PRECONDITION",
        Aborted => "ABORTED",
        OutOfRange => "OUT_OF_RANGE",
        Unimplemented => "UNIMPLEMENTED",
        Internal => "INTERNAL",
        Unavailable => "UNAVAILABLE",
        DataLoss => "DATA_LOSS",
        Unauthenticated => "UNAUTHENTICATED",
    }
}
