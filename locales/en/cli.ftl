# Messages of the command-line interface (src/main.rs), in the terminal's language
# (LC_ALL, LC_MESSAGES, LANG).
cli-error = sco-kg: error: { $message }
cli-error-file = { $path }: { $detail }
cli-error-source = { $path }:{ $line }: { $detail }
cli-error-internal = internal error: { $detail }
cli-error-option = --{ $option }: { $detail }
cli-error-query-evaluation = the query could not be answered: { $detail }
cli-error-query-timeout = the query ran longer than { $seconds } s and was stopped; narrow it, or allow more time with --timeout
cli-error-query-memory = the query needed more than { $megabytes } MB of memory and was stopped; narrow it, or allow more with --max-query-mb
cli-error-timeout = --timeout { $seconds }: not a positive number of seconds
cli-error-write-timeout = --write-timeout { $seconds }: not a positive number of seconds
cli-error-at-least-one = --{ $option } must be at least 1
cli-error-lang = --lang “{ $lang }”: expected ru, en or zh
cli-error-serve = cannot serve: { $detail }
cli-server-listening = sco-kg: serving { $triples } triples at { $url } (SPARQL endpoint { $url }/sparql) — ready in { $ms } ms
cli-server-public-url = sco-kg: public URL { $url }
cli-server-stopped = sco-kg: stopped.

## `--help` (src/main.rs, fn localised_command): clap's headings and its own flags, then the
## texts of each command (cli-help-COMMAND, cli-help-COMMAND-long), of its options
## (cli-help-COMMAND-OPTION) and of their values (cli-help-COMMAND-OPTION-VALUE). Short helps
## have no final full stop, as clap prints them in one line after the option.
cli-help-usage = Usage
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-flag-help = Print help
cli-help-flag-help-short = Print help (see more with '--help')
cli-help-flag-help-long = Print help (see a summary with '-h')
cli-help-flag-version = Print version
cli-help-command-help = Print this message or the help of the given subcommand(s)
cli-help-about = The SCO Action Plan 2021-2025 as a multilingual linked-data knowledge graph with a SPARQL endpoint
cli-help-about-long =
    sco-kg: the SCO Action Plan 2021–2025 as a multilingual linked-data knowledge graph.

    Every command works on the data embedded in the binary; `--source` reads another copy of the plan's text instead.
cli-help-lookup = Look an entity up by name, alias or words of its text, in Russian, English or Chinese
cli-help-lookup-long =
    Look an entity up by name, alias or words of its text, in Russian, English or Chinese.

    Prints JSON: the hits with IRI, type, label in --lang (with the language it fell back to), the label or text that matched, the kind of match and a score.
cli-help-lookup-query = What to look for: "RATS", "Секретариатом", "反恐", "interbank", "Душанбе", "14" …
cli-help-lookup-lang = The language of the hits' labels: ru, en or zh
cli-help-lookup-type = Only these types, comma-separated: body, state, document, place, initiative, measure, section, plan, decision
cli-help-lookup-limit = The most hits
cli-help-parse = Parse the plan's text and print the typed model (decision, sections, measures)
cli-help-parse-source = A text file of the same format as data/source/ (default: the embedded source)
cli-help-parse-format = Output format
cli-help-parse-format-json = The whole model as JSON
cli-help-parse-format-csv = One row per measure (RFC 4180)
cli-help-query = Answer a SPARQL 1.1 query over the knowledge graph
cli-help-query-long =
    Answer a SPARQL 1.1 query over the knowledge graph.

    The prefixes sco:, skos:, rdf:, rdfs:, owl:, xsd:, dcterms:, prov:, org:, oa:, wd: and id: (the resource base) are declared for you. CONSTRUCT and DESCRIBE print Turtle.
cli-help-query-query = The query: its text, @FILE to read it from a file, or - to read standard input
cli-help-query-format = How SELECT and ASK answers are printed
cli-help-query-format-table = Aligned columns
cli-help-query-format-json = SPARQL 1.1 Query Results JSON
cli-help-query-format-csv = SPARQL 1.1 Query Results CSV
cli-help-query-format-tsv = SPARQL 1.1 Query Results TSV
cli-help-query-format-xml = SPARQL Query Results XML
cli-help-query-base = The base of resource IRIs
cli-help-query-timeout = The longest the query may run, in seconds (the server’s default)
cli-help-query-max-query-mb = The most memory the query may take, in megabytes (the server’s default)
cli-help-serve = Serve the knowledge graph over HTTP: a SPARQL 1.1 endpoint at /sparql, every resource at /id/…, dumps at /dump/…, VoID at /.well-known/void
cli-help-serve-long =
    Serve the knowledge graph over HTTP: a SPARQL 1.1 endpoint at /sparql, every resource at /id/…, dumps at /dump/…, VoID at /.well-known/void.

    Stops on SIGINT or SIGTERM once in-flight requests are answered. RUST_LOG sets the request log's level (default: info).
cli-help-serve-bind = The address to listen on (port 0: any free port)
cli-help-serve-base = The base of resource IRIs; /id/PATH serves BASE + PATH
cli-help-serve-public-url = The origin clients reach the server at (behind a proxy), for the service description, VoID and redirects (default: the request's Host)
cli-help-serve-timeout = The longest a query may run, in seconds
cli-help-serve-max-query-bytes = The longest query accepted, in bytes (longer: 413)
cli-help-serve-max-body-bytes = The largest request body accepted, in bytes (larger: 413)
cli-help-serve-max-concurrent = The most queries evaluated at once (more: 503 with Retry-After) [default: twice the CPUs, at least 4]
cli-help-serve-max-results = The most rows or triples an answer may have
cli-help-serve-cache-mb = Megabytes of answers kept for repeated queries, and a quarter as much again for whole responses to repeated GET requests (0: no caches)
cli-help-serve-queue-wait = Seconds a query may wait for a free slot before it is refused with 503 (0: refused at once)
cli-help-serve-write-timeout = Seconds a connection may go without its client accepting a byte of the answer before it is closed
cli-help-serve-max-queued = The most queries waiting for a free slot at once; beyond it a query is refused at once with 503 and Retry-After
cli-help-serve-max-answer-mb = The longest answer in megabytes, checked while it is written; a longer one is refused with a message on how to page
cli-help-serve-max-query-mb = The most memory in megabytes one query may take while it is evaluated and written; past it the query is stopped
cli-help-serve-max-in-flight-mb = The most megabytes of answers held for connections at once, across all of them; beyond it an answer is refused with 503
cli-help-serve-log-format = How the log on stderr is written: text for people, json (one object a line) for log collectors
cli-help-serve-log-format-text = Lines for people, coloured only on a terminal
cli-help-serve-log-format-json = One JSON object a line: timestamp, level, fields, target and the request's span
cli-help-export = Write the whole graph in one syntax, byte-identical on every run (atomically with -o)
cli-help-export-format = The syntax; canonical is RDFC-1.0 canonical N-Quads
cli-help-export-format-ttl = Turtle
cli-help-export-format-nt = N-Triples
cli-help-export-format-nq = N-Quads (the default graph)
cli-help-export-format-trig = TriG (the default graph)
cli-help-export-format-rdf = RDF/XML
cli-help-export-format-jsonld = JSON-LD (expanded, with a context of the prefixes)
cli-help-export-format-canonical = Canonical N-Quads (RDFC-1.0); its SHA-256 is the dataset's version
cli-help-export-output = The file to write (default: standard output)
cli-help-export-base = The base of resource IRIs
cli-error-queue-wait = --queue-wait { $seconds }: not a number of seconds

## The library's typed errors, where the CLI reports them.

cli-error-source-column = { $path }:{ $line }:{ $column }: { $detail }
cli-error-stdout = standard output could not be written: { $detail }

## `--scale` of serve and export (src/store/scale.rs): the graph and synthetic copies of it.

cli-help-serve-scale = Serve the graph N times over, to measure how cost grows with the corpus: the plan itself and N − 1 synthetic copies under BASE + copy/K/, their texts and labels marked “ [K]” (1: the plan alone)
cli-help-export-scale = Write the graph N times over (see serve --scale): the plan itself and N − 1 synthetic copies under BASE + copy/K/ (1: the plan alone)
