#[allow(clippy::all)]
#[rustfmt::skip]
pub mod flags_v1 {
    include!("flags.v1.rs");
}
