//! The memory a query may take: every byte its thread allocates while it runs is counted, and
//! past its budget the query is cancelled, whatever its shape.
//!
//! Estimates made before evaluation (the guards) refuse the shapes known to explode, but a
//! query can always find a shape they did not foresee: an OPTIONAL whose right side is a
//! product, a GROUP_CONCAT over millions of rows, a REPLACE that multiplies its input. The
//! evaluator and the answer's writer run on one thread ([`super::KnowledgeGraph`] evaluates on
//! the caller's thread), so counting that thread's allocations bounds all of them; the patched
//! evaluator (`vendor/spareval`) checks its cancellation token before every row it hands on,
//! so the query stops within a row of crossing the line.
//!
//! Counting needs [`CountingAllocator`] as the program's global allocator (the `sco-kg` binary
//! has it); without it [`is_counting`] is false and budgets are not enforced.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use oxigraph::sparql::CancellationToken;

/// A global allocator that counts, per thread, the bytes allocated and not yet freed, on top
/// of another allocator:
///
/// ```
/// #[global_allocator]
/// static ALLOCATOR: sco_kg::store::CountingAllocator<std::alloc::System> =
///     sco_kg::store::CountingAllocator(std::alloc::System);
///
/// fn main() {
///     assert!(sco_kg::store::is_counting());
/// }
/// ```
pub struct CountingAllocator<A>(pub A);

// Thread-local cells without destructors: no lazy initialisation and no registration, so they
// are safe to touch from inside the allocator.
thread_local! {
    /// Bytes allocated minus bytes freed by this thread, since it started.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    /// The value of `LIVE` past which the running query is cancelled.
    static CEILING: Cell<isize> = const { Cell::new(isize::MAX) };
    /// The running query's token, owned by its [`Budget`].
    static TOKEN: Cell<*const CancellationToken> = const { Cell::new(std::ptr::null()) };
    /// Whether the running query crossed its ceiling.
    static CROSSED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the program counts allocations ([`CountingAllocator`] is its global allocator), so
/// that budgets hold: a small allocation is made and looked for.
pub fn is_counting() -> bool {
    let before = LIVE.get();
    let probe = std::hint::black_box(Box::new(0u64));
    let counted = LIVE.get() != before;
    drop(probe);
    counted
}

#[inline]
fn charge(bytes: isize) {
    // `try_with`: a thread being torn down has no cells any more; its frees are not counted.
    let _ = LIVE.try_with(|live| {
        let now = live.get().wrapping_add(bytes);
        live.set(now);
        if bytes > 0 && now > CEILING.get() {
            CEILING.set(isize::MAX);
            CROSSED.set(true);
            let token = TOKEN.get();
            if !token.is_null() {
                // SAFETY: set by `Budget::enter` to a token it owns, and cleared by its drop
                // before the token goes; only this thread reads it. Cancelling is one atomic
                // store: it allocates nothing.
                unsafe { (*token).cancel() };
            }
        }
    });
}

// SAFETY: every call is passed on to the inner allocator unchanged; the counting only reads
// and writes this thread's cells.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { self.0.alloc(layout) };
        if !pointer.is_null() {
            charge(layout.size() as isize);
        }
        pointer
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { self.0.alloc_zeroed(layout) };
        if !pointer.is_null() {
            charge(layout.size() as isize);
        }
        pointer
    }

    #[inline]
    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(pointer, layout) };
        charge(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { self.0.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            charge(new_size as isize - layout.size() as isize);
        }
        moved
    }
}

/// The budget of the query running on this thread, from [`Budget::enter`] until dropped.
pub struct Budget {
    /// Boxed: the thread's cell points at it, so it must not move. Held, never read: it must
    /// live as long as the cell points at it.
    _token: Box<CancellationToken>,
}

impl Budget {
    /// Cancels `token` once this thread holds `limit` bytes more than now. One budget a thread
    /// at a time: entering another replaces it.
    pub fn enter(token: CancellationToken, limit: usize) -> Self {
        let token = Box::new(token);
        let ceiling = LIVE
            .get()
            .saturating_add(isize::try_from(limit).unwrap_or(isize::MAX));
        TOKEN.set(&*token);
        CROSSED.set(false);
        CEILING.set(ceiling);
        Self { _token: token }
    }

    /// Whether the query crossed its budget (and so was cancelled by it).
    pub fn crossed(&self) -> bool {
        CROSSED.get()
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        CEILING.set(isize::MAX);
        TOKEN.set(std::ptr::null());
    }
}
