pub mod feed;
pub mod replay;

#[allow(clippy::all)]
pub mod gen {
    include!("gen/market.v1.rs");
}
