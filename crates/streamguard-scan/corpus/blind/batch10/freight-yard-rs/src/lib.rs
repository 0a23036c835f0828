pub mod apikey;
pub mod clients;
pub mod service;

pub mod pb {
    include!("pb/freight.yard.v1.rs");
}
