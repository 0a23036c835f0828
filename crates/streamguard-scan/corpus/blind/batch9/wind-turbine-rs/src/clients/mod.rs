pub mod archive;
pub mod plc;
pub mod power_curve;
