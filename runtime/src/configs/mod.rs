//! Pallet configurations, one file per concern.

pub mod accounts;
pub mod cohorts;
pub mod collators;
pub mod governance;
pub mod monetary;
pub mod system;
pub mod xcm_config;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
