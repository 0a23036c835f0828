pub mod auth;
pub mod feed;
pub mod gen;
pub mod keys;
pub mod node_rpc;
pub mod relay;
pub mod service;

pub use gen::mempool::v1 as pb;
