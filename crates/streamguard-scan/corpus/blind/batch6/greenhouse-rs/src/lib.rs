pub mod actuators;
pub mod auth;
pub mod climate;
pub mod guard;
pub mod limiter;
pub mod revocation;
pub mod sensors;

pub mod pb {
    tonic::include_proto!("greenhouse.v1");
}
