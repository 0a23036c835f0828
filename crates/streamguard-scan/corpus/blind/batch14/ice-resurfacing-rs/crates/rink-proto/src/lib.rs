pub mod fleet {
    tonic::include_proto!("rink.fleet.v1");
}
