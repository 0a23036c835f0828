#[allow(clippy::all)]
#[rustfmt::skip]
#[path = "captions.v1.rs"]
pub mod captions_v1;
