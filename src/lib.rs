//! tenantsim: a PowerShell-compatible shell with SharePoint Online, Exchange Online and
//! Microsoft Graph cmdlets running against a simulation of Microsoft 365 tenants.
//!
//! Data flows one way: text → `lang` (pest grammar, AST) → `engine` (evaluation, binding,
//! formatting, errors) → `cmdlets` → `sim`, and objects back out to formatting.

// Nested `if let` reads better than let-chains in binder and evaluator code.
#![allow(clippy::collapsible_if)]

pub mod cli;
pub mod cmdlets;
pub mod engine;
pub mod lang;
pub mod lint;
pub mod repl;
pub mod sim;
