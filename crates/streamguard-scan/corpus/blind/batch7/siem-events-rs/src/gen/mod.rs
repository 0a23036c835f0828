//! Checked-in prost/tonic output (regenerate with `cargo run -p xtask -- codegen`; the build does not
//! need protoc).

#[rustfmt::skip]
#[path = "siem.v1.rs"]
pub mod siem;

#[rustfmt::skip]
#[path = "backends.v1.rs"]
pub mod backends;
