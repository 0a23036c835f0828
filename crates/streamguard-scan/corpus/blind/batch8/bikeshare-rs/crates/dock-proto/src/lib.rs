pub mod docks {
    pub mod v1 {
        tonic::include_proto!("docks.v1");
    }
}
pub use docks::v1 as pb;
