// Checked-in output of `cargo run --bin regen` (prost-build 0.13 / tonic-build 0.12).
#[rustfmt::skip]
#[path = "pharmacy.dispense.v1.rs"]
pub mod dispense_v1;
