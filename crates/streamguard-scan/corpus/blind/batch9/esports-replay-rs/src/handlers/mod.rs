pub mod deadline;
pub mod feed;
pub mod matches;
