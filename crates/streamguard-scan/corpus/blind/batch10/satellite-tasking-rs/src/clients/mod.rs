pub mod archive;
pub mod scheduler;
