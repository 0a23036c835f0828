//! Generated gRPC types for the ground segment.

pub mod v1 {
    tonic::include_proto!("groundstation.v1");
}
