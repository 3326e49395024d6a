//! What needs a real process or another program, in one test binary: the command line's own
//! behaviour (exit codes, messages in the terminal's language, help, stdout and stderr),
//! stopping `sco-kg serve` with SIGTERM, the cluster behind nginx, the workbench in headless
//! Chromium, the search box's suggestions, the workbench's JavaScript under Node, the Python
//! clients, pySHACL and Virtuoso; typed errors as the binary reports them. They fail, not skip,
//! when a program is missing (`scripts/test` installs them).

#[path = "../support/mod.rs"]
mod support;

mod browser_workbench;
mod cli_messages;
mod cli_parse;
mod cli_query;
mod cli_query_limits;
mod clients;
mod cluster;
mod errors_typed;
mod graph_shapes;
mod lookup_more;
mod robust_http;
mod robust_sigterm;
mod server_api;
mod server_dumps;
mod server_limits;
mod virtuoso_gallery;
mod workbench_js;
