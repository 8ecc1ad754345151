//! One file per call and per concern: claims, revenue deposits, membership changes, a history
//! checked against a straightforward computation, random sequences checking conservation of
//! funds, and the cost at 100,000 members.

mod accrual;
mod claim;
mod delegation;
mod deposit;
mod hooks;
mod licences_paying;
mod property;
mod scale;
