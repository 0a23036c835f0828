#[allow(clippy::all)]
#[path = "telemetry.v1.rs"]
pub mod telemetry_v1;

pub use telemetry_v1::*;
