//! Answers in flight, bounded in bytes across all connections: an answer's bytes hold their
//! share of [`InFlight`] until they are sent whole or their connection is gone, and an answer that finds
//! no share left is refused (503) instead of joining the others in memory. With the stall
//! timeout of connections (`Config::write_timeout`), clients that never read cannot pin more
//! than this between them.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::server::http::error::AppError;

/// Shares are counted in kibibytes: a semaphore's permits are bounded, bytes would not fit.
const UNIT: usize = 1024;

pub struct InFlight {
    shares: Arc<Semaphore>,
    limit: usize,
}

impl InFlight {
    /// At most `bytes` of answers held by connections at once (at least one unit).
    pub fn new(bytes: usize) -> Self {
        let units = bytes.div_ceil(UNIT).clamp(1, Semaphore::MAX_PERMITS);
        Self {
            shares: Arc::new(Semaphore::new(units)),
            limit: bytes,
        }
    }

    /// `body` as a response body whose bytes hold their share until the last of them is
    /// dropped (hyper keeps a body's bytes in its write queue after the body itself is gone);
    /// 503 when the shares are all taken.
    pub fn hold(&self, body: Bytes) -> Result<Body, AppError> {
        let units = body.len().div_ceil(UNIT);
        if units == 0 {
            return Ok(Body::from(body));
        }
        let units = u32::try_from(units).map_err(|_| AppError::Busy)?;
        let share = Arc::clone(&self.shares)
            .try_acquire_many_owned(units)
            .map_err(|_| AppError::Busy)?;
        Ok(Body::from(Bytes::from_owner(Held {
            bytes: body,
            _share: share,
        })))
    }

    /// The bytes in flight now (rounded up to kibibytes).
    pub fn in_use(&self) -> usize {
        (self.limit.div_ceil(UNIT) - self.shares.available_permits()) * UNIT
    }
}

/// An answer's bytes with their share of the bytes in flight.
struct Held {
    bytes: Bytes,
    _share: OwnedSemaphorePermit,
}

impl AsRef<[u8]> for Held {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_holds_its_share_until_dropped_and_none_is_left_for_more() {
        let in_flight = InFlight::new(10 * UNIT);
        let first = in_flight.hold(Bytes::from(vec![0; 6 * UNIT])).unwrap();
        assert_eq!(in_flight.in_use(), 6 * UNIT);
        assert!(matches!(
            in_flight.hold(Bytes::from(vec![0; 5 * UNIT])),
            Err(AppError::Busy)
        ));
        let small = in_flight.hold(Bytes::from(vec![0; 4 * UNIT])).unwrap();
        drop(first);
        drop(small);
        assert_eq!(in_flight.in_use(), 0);
        assert!(in_flight.hold(Bytes::new()).is_ok());
    }
}
