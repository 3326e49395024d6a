# Refusals of the HTTP service (src/server), sent as plain text in the reader's language.

query-syntax-undeclared-prefix = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, the prefix { $prefix }: is not declared. This endpoint predeclares { $predeclared } (other endpoints and clients do not: declare every prefix you use with PREFIX); for another, write PREFIX { $prefix }: <IRI> before the query.
    { $snippet }
query-syntax-ends-too-soon = the query is not valid SPARQL 1.1: it ends at line { $line }, column { $column }, where it cannot end yet. Look above for what is missing: a triple pattern needs a subject, a predicate and an object; every group, list and string must be closed.
    { $snippet }
query-syntax-unexpected = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, `{ $found }` is not expected.
    { $snippet }
query-syntax-unexpected-expected = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, `{ $found }` is not expected; expected one of { $expected }.
    { $snippet }
query-syntax-unknown-word = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, `{ $found }` is no SPARQL keyword.
    { $snippet }
query-syntax-unknown-word-suggestion = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, `{ $found }` is no SPARQL keyword; did you mean { $suggestion }?
    { $snippet }
query-syntax-closes-nothing = the query is not valid SPARQL 1.1: at line { $line }, column { $column }, `{ $bracket }` closes nothing that is open.
    { $snippet }
query-syntax-never-closed = the query is not valid SPARQL 1.1: the `{ $bracket }` at line { $line }, column { $column }, is never closed.
    { $snippet }
query-syntax-other = the query is not valid SPARQL 1.1: { $detail }
    { $snippet }
api-error-read-only = this endpoint is read-only: SPARQL Update is not accepted (send queries with `query=` or as application/sparql-query)
api-error-not-acceptable = none of the media types in Accept (or format=) can be served here; available: { $available }
api-error-body-timeout = the request body did not arrive within { $seconds } s
api-error-busy = too many queries are running at once; retry in { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
}
api-error-timeout = the query was stopped after { $seconds } s, the longest a query may run here
api-error-cancelled = the query was cancelled
api-error-too-many-results = the answer has more than { $limit } rows or triples, the most this endpoint returns; narrow the query, or page through it with LIMIT and OFFSET (with ORDER BY, so that the pages do not overlap)
api-error-answer-too-long = the answer is longer than { $limit } bytes, the most this endpoint sends; narrow the query, or page through it with LIMIT and OFFSET (with ORDER BY, so that the pages do not overlap)
api-error-out-of-memory = the query was stopped: it needed more than { $megabytes } MB of memory, the most one query may take here; relate its parts (a pattern that shares no variable with the rest multiplies the rows), or page through it with LIMIT and OFFSET
api-error-evaluation = the query could not be evaluated: { $detail }
api-error-internal = internal error: { $detail }
api-error-no-route = nothing at { $path }
api-error-host = an HTTP/1.1 request must carry exactly one Host header, naming the server it is sent to (RFC 9112 §3.2)
api-error-no-resource = no resource <{ $iri }> in this graph
api-error-no-dump = no dump named “{ $file }”
api-error-two-queries = the request has more than one query; send exactly one
api-error-form-without-query = the form has no `query` parameter
api-error-query-in-body-and-url = a query in the body and another in the URL; send exactly one
api-error-not-utf8 = the query is not UTF-8 text
api-error-post-content-type = POST /sparql takes application/sparql-query or application/x-www-form-urlencoded (Content-Type: “{ $content_type }”)
api-error-body-too-large = the request body is larger than { $limit } bytes
api-error-body-unreadable = the request body could not be read: { $detail }
api-error-graph-iri = { $parameter } “{ $iri }” is not an absolute IRI: { $detail }
api-error-query-too-long = the query is { $length } bytes long; the longest accepted is { $limit }
api-error-unknown-format = format=“{ $format }” is not a format; use json, xml, csv or tsv for SELECT and ASK, turtle, ntriples, rdfxml or jsonld for CONSTRUCT and DESCRIBE
api-error-too-deep = the query nests more than { $limit } levels deep (groups, brackets, operators); simplify it
api-error-parentheses-too-deep = the query nests parentheses more than { $limit } deep (the parser's time grows exponentially with such nesting); simplify it
api-error-too-many-patterns = the query has more than { $limit } triple patterns, path steps and VALUES blocks; split it
api-error-cartesian-product = the query multiplies { $parts } unrelated parts (a Cartesian product of about { $combinations } combinations per row of the largest); relate them with shared variables or narrow them with constants
api-error-lang = lang “{ $lang }”: expected ru, en or zh
api-error-lookup-without-q = the parameter q (what to look up) is missing
api-error-lookup-type = type: { $detail }
api-error-lookup-limit = limit “{ $limit }”: expected a whole number
lookup-error-empty = nothing to look up: the query is empty or only spaces
lookup-error-too-long = the query has { $chars } characters; a lookup takes at most { $limit } (enough for the longest name of the graph)
lookup-error-too-many-words = the query has { $words } words; a lookup takes at most { $limit } (enough for the longest name of the graph)
lookup-error-control = the query holds a control character ({ $code }); write the name on one line, without tabs or escapes
api-error-string-growth = an expression of the query can build a string of up to { $bytes } bytes (CONCAT, REPLACE, … of values built the same way), more than the { $limit } MiB a value may have here; build shorter strings
api-error-sort-too-large = ORDER BY would sort about { $rows } rows, more than the { $limit } it may sort here (sorting cannot be stopped at the timeout); narrow the query or relate its parts
api-error-gathered-too-large = a part of this query that is held whole in memory (the right side of OPTIONAL or MINUS, the closure of a path with * or +) would have about { $rows } rows, more than the { $limit } allowed here; relate it to the rest of the query by a shared variable, or bind one end of the path
api-not-ready = not ready: every query slot is taken and no query can wait for one; retry in { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
}
query-evaluation-graph-as-results = the query could not be evaluated: its answer is a graph (CONSTRUCT or DESCRIBE), not query results
query-evaluation-results-as-graph = the query could not be evaluated: its answer is query results (SELECT or ASK), not a graph
query-evaluation-unwritable = the answer could not be written: { $detail }
