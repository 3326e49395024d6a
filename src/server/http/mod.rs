//! HTTP plumbing every route shares: negotiation, caching and ETags, the origin, the reader's
//! language, refusals, security headers, the request log and the replay of kept answers.

pub(crate) mod cache;
pub(crate) mod error;
pub(crate) mod formats;
pub(crate) mod language;
pub(crate) mod log;
pub(crate) mod negotiate;
pub(crate) mod origin;
pub(crate) mod replay;
pub(crate) mod security;
