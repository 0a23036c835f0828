pub mod keys;

pub mod pb {
    tonic::include_proto!("buildlogs");
}
