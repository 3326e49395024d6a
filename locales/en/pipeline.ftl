# Failures of the pipeline and of the server's start, in the reader's language: data files
# (src/data.rs, said by src/link/error.rs after "file:line:column: "), building the graph
# (src/store/error.rs), dumps (src/export.rs), settings (src/server/config.rs) and serving
# (src/server/run.rs).
# $detail is the words of a library (a parser, the store, the system), in English.

data-missing = is not among the embedded files
data-not-utf8 = is not UTF-8 text
data-toml = is not TOML of the expected shape: { $detail }
data-invalid = { $detail }
