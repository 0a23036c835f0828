pub mod pb {
    include!("pb/bindery.v1.rs");
}
pub mod keys;
pub mod line;
pub mod mis;
