#[allow(clippy::all)]
#[rustfmt::skip]
#[path = "mcp.v1.rs"]
pub mod mcp_v1;

pub use mcp_v1::*;
