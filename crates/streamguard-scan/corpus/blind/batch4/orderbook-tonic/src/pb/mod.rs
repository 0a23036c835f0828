#![allow(clippy::all)]
include!("orderbook.v1.rs");
