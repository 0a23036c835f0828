#[allow(clippy::all)]
#[rustfmt::skip]
pub mod arena_v1;

pub use arena_v1::*;
