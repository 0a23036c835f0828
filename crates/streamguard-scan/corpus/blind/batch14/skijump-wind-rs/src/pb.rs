pub mod wind {
    tonic::include_proto!("skijump.wind.v1");
}
pub mod gate {
    tonic::include_proto!("skijump.gate.v1");
}
pub mod calib {
    tonic::include_proto!("skijump.calib.v1");
}
