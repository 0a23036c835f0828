pub mod pb {
    include!("pb/parcel.lockers.v1.rs");
}
pub mod apikey;
pub mod deadline;
pub mod hub;
