//! `sco-kg`: the command line over the library (`src/cli/`), with the allocator that counts
//! each query's memory.

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

use sco_kg::i18n::Message;

mod cli;

/// mimalloc, with every thread's allocations counted: a query past its memory budget is
/// stopped (`sco_kg::store::budget`).
#[global_allocator]
static ALLOCATOR: sco_kg::store::CountingAllocator<mimalloc::MiMalloc> =
    sco_kg::store::CountingAllocator(mimalloc::MiMalloc);

// Two of mimalloc's options (`mi_option_e`, v3 numbering).
#[cfg(target_os = "linux")]
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
#[cfg(target_os = "linux")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc commits its arena eagerly where the system overcommits, and with
/// transparent huge pages each touched 2 MiB counts whole; it also returns freed memory 10 ms
/// late. For this server: 22 MB of live data were 71 MB resident. Committing on demand and
/// purging at once: 28 MB, with no throughput measurably lost (issue 7's note has the runs).
///
/// The arena is made at the first allocation, before `main` (the runtime allocates), so this
/// runs earlier still: from `.init_array`, as the C runtime's constructors do, while the
/// process has one thread (mimalloc's options are not thread-safe to set).
#[cfg(target_os = "linux")]
extern "C" fn tune_allocator() {
    // SAFETY: plain setters of mimalloc's option table, called before any other thread exists.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

/// The exit code of a process killed by SIGPIPE, as shells report it (128 + 13): the reader
/// of our output went away (`sco-kg parse | head -1`), which is no error to report.
const CLOSED_PIPE: u8 = 141;

fn main() -> ExitCode {
    let mut command = cli::localised_command(cli::terminal_lang());
    let matches = command.get_matches_mut();
    let cli =
        cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit());
    let failure = match cli::run(cli) {
        // `serve` prints as it goes and returns nothing to write.
        Ok(output) if output.is_empty() => return ExitCode::SUCCESS,
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&output).and_then(|_| stdout.flush()) {
                Ok(()) => return ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return ExitCode::from(CLOSED_PIPE)
                }
                Err(e) => cli::Failure::internal(
                    Message::new("cli-error-stdout").arg("detail", e.to_string()),
                ),
            }
        }
        Err(failure) => failure,
    };
    let lang = cli::terminal_lang();
    let message = Message::new("cli-error")
        .arg("message", failure.message.in_lang(lang))
        .in_lang(lang);
    // With stderr gone too there is no one left to tell.
    let _ = writeln!(std::io::stderr(), "{message}");
    ExitCode::from(failure.code)
}
