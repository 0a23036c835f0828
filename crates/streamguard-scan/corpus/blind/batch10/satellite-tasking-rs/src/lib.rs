pub mod auth;
pub mod clients;
pub mod limits;
pub mod revocation;
pub mod service;
pub mod session;

pub mod pb {
    tonic::include_proto!("imagery.tasking.v1");
}
