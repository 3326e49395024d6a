# Failures of the pipeline and of the server's start, in the reader's language: data files
# (src/data.rs, said by src/link/error.rs after "file:line:column: "), building the graph
# (src/store/error.rs), dumps (src/export.rs), settings (src/server/config.rs) and serving
# (src/server/run.rs).
# $detail is the words of a library (a parser, the store, the system), in English.

data-missing = is not among the embedded files
data-not-utf8 = is not UTF-8 text
data-toml = is not TOML of the expected shape: { $detail }
data-invalid = { $detail }
graph-too-large = the graph has { $triples } triples: the query index numbers at most { $most }
graph-prefix = the prefix { $prefix }: <{ $namespace }> cannot be declared to queries: { $detail }
export-serialise = the graph could not be serialised: { $detail }
export-not-utf8 = the N-Quads written for the canonical form are not UTF-8 at line { $line }, byte { $byte }
export-reread = the N-Quads written for the canonical form do not read back at line { $line }, column { $column }: { $detail }
export-canonical = the graph could not be canonicalised: { $detail }
# $setting: a field of the server's settings (timeout, max_results, …).
config-zero = the setting { $setting } must be more than zero
# $url: the URL as given, in quotes.
config-public-url-not-an-iri = { $url }: { $detail }
config-public-url-not-http = { $url }: must start with http:// or https://
config-public-url-no-host = { $url }: has no host
config-public-url-query-or-fragment = { $url }: must have no query or fragment
serve-bind = cannot listen on { $bind }: { $detail }
serve-start = cannot start: { $detail }
serve-start-workers = cannot start the query threads: { $detail }
serve-io = { $detail }
serve-thread-ended = the server's thread ended before it listened
serve-thread-panicked = the server's thread panicked
# The example gallery (src/examples.rs), after "file:line: ". $field: title or description, the
# key as written; $lang: a language tag, in quotes.
example-no-text = { $field } has no { $lang } text
example-other-language = { $field } has a text in { $lang }, which is not one of ru, en, zh
example-empty-query = the query is empty
# An answer whose rows differ from an example's expected ones, a line each; $rows: rows as Rust
# writes them.
example-rows = { $id }: expected { $expected } rows, got { $got }
example-rows-missing = missing: { $rows }
example-rows-unexpected = unexpected: { $rows }
example-rows-reordered = the same rows in another order or with other repeats:
example-rows-expected = expected: { $rows }
example-rows-got = got:      { $rows }
# The files of data/lookup/ (src/lookup/expand.rs), after "file:line:column: ". $term: a term or
# meaning of an [[expand]] as written, in quotes; $key: terms or means.
lookup-data-no-words = { $term }: a term needs words or Chinese characters
lookup-data-mixed = { $term }: a term is words or one run of Chinese characters, not both
lookup-data-empty = { $key } is empty: an [[expand]] needs terms and means
# The base of the resources' IRIs (--base; src/graph/build.rs); $base: as given, in quotes.
base-not-an-iri = { $base } is not an absolute IRI: { $detail }
base-no-separator = { $base } must end with '/' or '#'
