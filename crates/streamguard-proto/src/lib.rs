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
