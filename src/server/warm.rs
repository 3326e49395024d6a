//! What the server builds once, after it starts listening: the pages' index and the lookup
//! index. At ×100 (872 000 triples) they took about four seconds, which a SPARQL client need
//! not wait for. They are started as soon as the server is built (on the blocking pool); a
//! request that needs one before it is ready waits, without holding a thread, for that same
//! build.

use std::sync::Arc;

use tokio::sync::OnceCell;

use crate::server::http::error::AppError;

/// One value built once on the blocking pool; cheap to clone (the clones share it).
pub struct Warm<T> {
    cell: Arc<OnceCell<Arc<T>>>,
    build: Arc<dyn Fn() -> Arc<T> + Send + Sync>,
    what: &'static str,
}

impl<T> Clone for Warm<T> {
    fn clone(&self) -> Self {
        Self {
            cell: Arc::clone(&self.cell),
            build: Arc::clone(&self.build),
            what: self.what,
        }
    }
}

impl<T: Send + Sync + 'static> Warm<T> {
    /// `what` (for the log, if the build fails) is built by `build` when first needed.
    pub fn new(what: &'static str, build: impl Fn() -> Arc<T> + Send + Sync + 'static) -> Self {
        Self {
            cell: Arc::new(OnceCell::new()),
            build: Arc::new(build),
            what,
        }
    }

    /// Starts the build now, when there is a runtime to run it (a server has one; a state
    /// built outside any, as some tests do, builds on the first request instead).
    pub fn start(&self) {
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let warm = self.clone();
            runtime.spawn(async move {
                // A failed build is logged by the request that meets it.
                let _ = warm.get().await;
            });
        }
    }

    /// The value, built by this call or by the one already under way.
    pub async fn get(&self) -> Result<Arc<T>, AppError> {
        self.cell
            .get_or_try_init(|| async {
                let build = Arc::clone(&self.build);
                tokio::task::spawn_blocking(move || build())
                    .await
                    .map_err(|e| AppError::Internal(format!("building {}: {e}", self.what)))
            })
            .await
            .cloned()
    }
}
