//! Generated protobuf and tonic code for coldchain.v1.
pub mod coldchain {
    pub mod v1 {
        tonic::include_proto!("coldchain.v1");
    }
}
pub use coldchain::v1::*;
