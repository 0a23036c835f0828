//! Generated gRPC types for the UTM service and its downstream dependencies.

pub mod utm {
    tonic::include_proto!("utm.v1");
}

pub mod notam {
    tonic::include_proto!("notam.v1");
}

pub mod clearance {
    tonic::include_proto!("clearance.v1");
}
