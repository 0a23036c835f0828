tonic::include_proto!("collab.v2");
