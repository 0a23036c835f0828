pub mod judging {
    pub mod v1 {
        tonic::include_proto!("judging.v1");
    }
}

pub use judging::v1::*;
