//! Checked-in prost/tonic output (regenerate with `cargo run --bin regen-protos`).
#[path = "esports.v1.rs"]
pub mod esports_v1;
pub use esports_v1::*;
