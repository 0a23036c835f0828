pub mod windfarm {
    pub mod v1 {
        tonic::include_proto!("windfarm.v1");
    }
}
pub use windfarm::v1::*;
