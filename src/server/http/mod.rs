//! HTTP plumbing every route shares: negotiation, caching and ETags, the origin, the reader's
//! language, refusals, security headers, the request log and the replay of kept answers.

pub mod cache;
pub mod error;
pub mod formats;
pub mod language;
pub mod log;
pub mod negotiate;
pub mod origin;
pub mod replay;
pub mod security;
