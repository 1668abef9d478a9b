//! The toolkit every area's pages use: how things are written (`format`), and the request's view of its Pemda
//! (`TenantView`: the unit tree, unit names, the units a user may see for a permission). An area never borrows these
//! from another area.

pub mod format;
mod tenant;

pub use tenant::TenantView;
