#[path = "mcp.v1.rs"]
pub mod v1;

pub use v1::*;
