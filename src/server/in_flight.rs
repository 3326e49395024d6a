//! Answers in flight, bounded in bytes across all connections: an answer's body holds its share
//! of [`InFlight`] until it is sent whole or its connection is gone, and an answer that finds
//! no share left is refused (503) instead of joining the others in memory. With the stall
//! timeout of connections (`Config::write_timeout`), clients that never read cannot pin more
//! than this between them.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use hyper::body::{Frame, SizeHint};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::AppError;

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

    /// `body` as a response body that holds its share until dropped; 503 when the shares are
    /// all taken.
    pub fn hold(&self, body: Bytes) -> Result<Body, AppError> {
        let units = body.len().div_ceil(UNIT);
        let units = u32::try_from(units).map_err(|_| AppError::Busy)?;
        let share = if units == 0 {
            None
        } else {
            Some(
                Arc::clone(&self.shares)
                    .try_acquire_many_owned(units)
                    .map_err(|_| AppError::Busy)?,
            )
        };
        Ok(Body::new(Held {
            body: Some(body),
            _share: share,
        }))
    }

    /// The bytes that may be in flight at once.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The bytes in flight now (rounded up to kibibytes).
    pub fn in_use(&self) -> usize {
        (self.limit.div_ceil(UNIT) - self.shares.available_permits()) * UNIT
    }
}

struct Held {
    body: Option<Bytes>,
    _share: Option<OwnedSemaphorePermit>,
}

impl HttpBody for Held {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.body.take().map(|bytes| Ok(Frame::data(bytes))))
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.body.as_ref().map_or(0, |b| b.len() as u64))
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
