pub mod ils;
pub mod keys;
pub mod service;

pub mod pb {
    include!("pb/library.sorter.v1.rs");
}
