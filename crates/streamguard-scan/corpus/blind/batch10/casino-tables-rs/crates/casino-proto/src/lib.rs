pub mod tables {
    tonic::include_proto!("casino.tables.v1");
}

pub mod surveillance {
    tonic::include_proto!("casino.surveillance.v1");
}
