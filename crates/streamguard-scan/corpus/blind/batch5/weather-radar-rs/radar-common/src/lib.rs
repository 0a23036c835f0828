pub mod auth;

pub mod pb {
    tonic::include_proto!("radar.v1");
}

pub mod archive {
    tonic::include_proto!("archive.v1");
}
