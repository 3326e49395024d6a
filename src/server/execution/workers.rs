//! The threads queries run on: started once, each with the large stack a deeply nested query
//! needs ([`crate::store::checks::WORKER_STACK`]). Starting a thread per query cost more than the
//! evaluation of a millisecond query (mapping and unmapping its stack).
//!
//! There are as many workers as query slots, and a job is only sent by the holder of a slot,
//! which the job keeps until its evaluation has stopped: a job never waits for a worker.

use crossbeam_channel::{Receiver, Sender};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Dropping the pool lets its threads finish the job in hand and end.
pub struct Workers {
    jobs: Sender<Job>,
}

impl Workers {
    pub fn start(count: usize, stack_size: usize) -> std::io::Result<Self> {
        // Every idle worker waits on the channel itself. With std's single receiver shared
        // behind a mutex, idle workers queued on the lock instead: measured on unseen 04 over
        // 9 alternating pairs of runs, this channel answered 6.5 % more requests (8 of 9 pairs).
        let (sender, receiver) = crossbeam_channel::unbounded::<Job>();
        for _ in 0..count.max(1) {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name("sco-kg-query".into())
                .stack_size(stack_size)
                .spawn(move || work(&receiver))?;
        }
        Ok(Self { jobs: sender })
    }

    /// Runs `job` on a worker. Fails only when no worker is left.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) -> Result<(), WorkersGone> {
        self.jobs.send(Box::new(job)).map_err(|_| WorkersGone)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("no query worker is left")]
pub struct WorkersGone;

fn work(receiver: &Receiver<Job>) {
    // Ends when the pool, the only sender, is dropped.
    while let Ok(job) = receiver.recv() {
        // A panicking evaluation loses its answer (the handler sees the sender dropped and
        // answers 500), not the worker.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_on_the_workers_and_a_panic_does_not_lose_one() {
        let workers = Workers::start(2, 1 << 20).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        workers.run(|| panic!("a failing job")).unwrap();
        workers.run(|| panic!("another failing job")).unwrap();
        for n in 0..10 {
            let sender = sender.clone();
            workers
                .run(move || {
                    let name = std::thread::current().name().map(str::to_string);
                    sender.send((n, name)).unwrap();
                })
                .unwrap();
        }
        let mut done: Vec<(i32, Option<String>)> =
            (0..10).map(|_| receiver.recv().unwrap()).collect();
        done.sort();
        assert_eq!(
            done.iter().map(|d| d.0).collect::<Vec<_>>(),
            (0..10).collect::<Vec<_>>()
        );
        assert!(done.iter().all(|d| d.1.as_deref() == Some("sco-kg-query")));
    }
}
