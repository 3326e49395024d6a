//! Light queries ([`crate::store::checks::Weight::light`]) evaluated on the runtime thread that
//! received them, not handed to a worker: for a query of a fraction of a millisecond, waking a
//! worker and then waking the receiver with its answer cost more than the evaluation (unseen
//! query 04 of the gallery at one connection, 2-core VM, five rounds taking turns: 405–559 µs
//! of server CPU a request through a worker, 218–374 µs in place).
//!
//! Only while one client is connected ([`InPlace::connect`], [`InPlace::alone`]): with
//! several, a worker finds its next job without sleeping, and a query evaluated in place holds
//! up the other connections' reads and writes.
//!
//! A runtime thread cannot be preempted, so the estimate that a query is light is not trusted
//! alone: one query at a time runs in place (the runtime always has a thread for everything
//! else), and a watchdog thread cancels it past [`BUDGET`]. The caller then hands the query
//! to a worker like any other, where it runs under the query's own timeout.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

/// The longest a query runs in place before it is cancelled and sent to a worker: 25 times
/// the longest light query of the gallery (information security at ×1, 0.37 ms in-process).
pub const BUDGET: Duration = Duration::from_millis(10);

/// How often the watchdog looks at the query in place while queries come.
const TICK: Duration = Duration::from_millis(5);

/// How long the watchdog keeps ticking after the last query in place, before it sleeps until
/// the next: under load it is never woken, idle it costs nothing.
const LINGER: Duration = Duration::from_secs(1);

/// The turn to run in place and its watchdog. Dropping it stops the watchdog.
pub struct InPlace {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    /// Open connections ([`InPlace::connect`]).
    connections: AtomicUsize,
}

#[derive(Default)]
struct State {
    running: Option<Running>,
    /// The watchdog ticks (else it waits to be woken).
    awake: bool,
    stopped: bool,
}

struct Running {
    token: CancellationToken,
    deadline: Instant,
    expired: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing panics while the lock is held; a poisoned lock's state is whole.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl InPlace {
    /// Starts the watchdog thread (it sleeps until a query runs in place).
    pub fn start() -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            connections: AtomicUsize::new(0),
        });
        let watched = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("sco-kg-watch".into())
            .spawn(move || watch(&watched))?;
        Ok(Self { shared })
    }

    /// Counts a connection as open until the guard is dropped (`sco-kg serve`'s connection
    /// loop; a router served otherwise counts none).
    pub fn connect(&self) -> Connection {
        self.shared.connections.fetch_add(1, Ordering::Relaxed);
        Connection(Arc::clone(&self.shared))
    }

    /// Whether at most one connection is open: only then is running in place worth it. With
    /// several clients, a worker finds its next job without sleeping, and a query evaluated
    /// in place holds up the other connections' reads and writes (at 8 connections, queries
    /// in place took 10–75 % more CPU a request, whether or not other queries were running).
    pub fn alone(&self) -> bool {
        self.shared.connections.load(Ordering::Relaxed) <= 1
    }

    /// The turn to run a query in place, cancelled through `token` past [`BUDGET`]; `None`
    /// while another query has it.
    pub fn enter(&self, token: &CancellationToken) -> Option<Turn<'_>> {
        let mut state = self.shared.lock();
        if state.running.is_some() || state.stopped {
            return None;
        }
        state.running = Some(Running {
            token: token.clone(),
            deadline: Instant::now() + BUDGET,
            expired: false,
        });
        if !state.awake {
            state.awake = true;
            self.shared.wake.notify_one();
        }
        Some(Turn { owner: self })
    }
}

impl Drop for InPlace {
    fn drop(&mut self) {
        self.shared.lock().stopped = true;
        self.shared.wake.notify_one();
    }
}

/// An open connection, counted until dropped.
pub struct Connection(Arc<Shared>);

impl Drop for Connection {
    fn drop(&mut self) {
        self.0.connections.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A query's turn in place, given back when dropped.
pub struct Turn<'a> {
    owner: &'a InPlace,
}

impl Turn<'_> {
    /// Gives the turn back; whether the watchdog cancelled the query.
    pub fn end(self) -> bool {
        let expired = self
            .owner
            .shared
            .lock()
            .running
            .take()
            .is_some_and(|running| running.expired);
        // Given back here: dropped, the turn would clear the next query's.
        std::mem::forget(self);
        expired
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.owner.shared.lock().running = None;
    }
}

fn watch(shared: &Shared) {
    let mut state = shared.lock();
    let mut idle_since = None;
    loop {
        if state.stopped {
            return;
        }
        let now = Instant::now();
        match &mut state.running {
            Some(running) => {
                idle_since = None;
                if now >= running.deadline && !running.expired {
                    running.token.cancel();
                    running.expired = true;
                }
            }
            None if now.duration_since(*idle_since.get_or_insert(now)) >= LINGER => {
                state.awake = false;
                state = shared
                    .wake
                    .wait_while(state, |s| !s.awake && !s.stopped)
                    .unwrap_or_else(PoisonError::into_inner);
                idle_since = None;
                continue;
            }
            None => {}
        }
        state = shared
            .wake
            .wait_timeout(state, TICK)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_turn_at_a_time_and_the_watchdog_cancels_past_the_budget() {
        let in_place = InPlace::start().unwrap();
        let token = CancellationToken::new();
        let started = Instant::now();
        let turn = in_place.enter(&token).unwrap();
        assert!(in_place.enter(&CancellationToken::new()).is_none());
        while !token.is_cancelled() {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "never cancelled"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(started.elapsed() >= BUDGET);
        assert!(turn.end());
        // The turn is free again, and a query that ends in time is not cancelled.
        let quick = CancellationToken::new();
        let turn = in_place.enter(&quick).unwrap();
        assert!(!turn.end());
        assert!(!quick.is_cancelled());
        // A turn dropped without `end` (a panic) is given back too.
        drop(in_place.enter(&CancellationToken::new()).unwrap());
        assert!(in_place.enter(&CancellationToken::new()).is_some());
    }

    #[test]
    fn the_watchdog_sleeps_when_idle_and_wakes_for_the_next_query() {
        let in_place = InPlace::start().unwrap();
        assert!(!in_place.enter(&CancellationToken::new()).unwrap().end());
        // Past LINGER, the watchdog waits to be woken; a new turn must wake it.
        let idle = Instant::now();
        while in_place.shared.lock().awake {
            assert!(idle.elapsed() < Duration::from_secs(10), "never slept");
            std::thread::sleep(Duration::from_millis(10));
        }
        let token = CancellationToken::new();
        let turn = in_place.enter(&token).unwrap();
        let started = Instant::now();
        while !token.is_cancelled() {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "never cancelled"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(turn.end());
    }
}
