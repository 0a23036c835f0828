// Checked-in output of tonic-build (see scripts/regen.sh); do not edit.
pub mod mempool {
    pub mod v1 {
        include!("mempool.v1.rs");
    }
}
