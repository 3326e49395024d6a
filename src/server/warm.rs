//! What the server builds once, on the blocking pool, while it serves: the pages' index and
//! the lookup index right after it starts listening (at ×100, 876 000 triples, they took about
//! four seconds, which a SPARQL client need not wait for), each dump and its compressed forms
//! when first asked for. A request that needs one before it is ready waits, without holding a
//! thread, for that same build; one that goes away (a client that disconnects) leaves the build
//! running and its result kept ([`once`]).

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
        let build = Arc::clone(&self.build);
        let what = self.what;
        once(&self.cell, move || Ok(build()), what).await
    }
}

/// The value of `cell`, initialised by `build` on the blocking pool if it is empty. The
/// initialisation runs in a task of its own, which the caller only awaits: when the caller's
/// future is dropped (its client gone) the build goes on and its result is kept, instead of
/// being thrown away and started again by the next request. `what` names it in an error.
pub async fn once<T: Clone + Send + Sync + 'static>(
    cell: &Arc<OnceCell<T>>,
    build: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    what: &'static str,
) -> Result<T, AppError> {
    if let Some(value) = cell.get() {
        return Ok(value.clone());
    }
    let shared = Arc::clone(cell);
    tokio::spawn(async move {
        shared
            .get_or_try_init(|| async move {
                tokio::task::spawn_blocking(build)
                    .await
                    .map_err(|e| AppError::Internal(format!("building {what}: {e}")))?
            })
            .await
            .cloned()
    })
    .await
    .map_err(|e| AppError::Internal(format!("building {what}: {e}")))?
}
