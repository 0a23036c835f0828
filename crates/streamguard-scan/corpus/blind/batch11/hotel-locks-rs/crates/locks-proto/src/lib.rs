pub mod v1 {
    tonic::include_proto!("hotel.locks.v1");
}
