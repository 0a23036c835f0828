tonic::include_proto!("lift.v2");
