# Messages of the query workbench (/query: src/pages/workbench.rs and web/workbench.js, which
# receives them from the page). Words in {braces} without a $ are filled in by the script.

## The page

wb-heading = SPARQL query editor
wb-intro = Write SPARQL 1.1 queries over the graph and see the answer as a table or a chart. The graph's prefixes are declared for every query; classes, properties and the names of bodies, states, documents and measures complete as you type (Ctrl+Space).
wb-unknown-example = There is no example “{ $id }”; the editor holds the starter query.
wb-gallery-heading = Examples ({ $count })
wb-gallery-intro = Questions an analyst might ask. Click one to load it into the editor, then run it.
wb-editor-label = SPARQL query
wb-run = Run
wb-cancel = Cancel
wb-keys = Ctrl+Enter runs · Ctrl+Space completes · Shift+Ctrl+F formats
wb-noscript = The editor needs JavaScript. Without it this form still sends the query to the endpoint, which answers in SPARQL JSON.
wb-views-label = Result views
wb-view-table = Table
wb-view-bar = Bar chart
wb-view-network = Network
wb-view-timeline = Timeline
wb-view-map = Map
wb-prefixes-heading = Prefixes ({ $count })
wb-prefixes-intro = Every query may use these prefixes without declaring them.
wb-limits = A query runs for at most { $seconds } s and returns at most { $rows } rows.

## What the script says

wb-status-running = Running… { $seconds } s
wb-status-done = Rows: { $rows } · { $ms } ms
wb-status-boolean = Answered in { $ms } ms
wb-status-graph = Graph received in { $ms } ms
wb-boolean-true = Yes (true)
wb-boolean-false = No (false)
wb-cancelled = Cancelled: the server has stopped the query.
wb-error-timeout = The query ran longer than { $seconds } s, the longest this server allows, and was stopped. Narrow it down (more specific patterns, a LIMIT) and run it again.
wb-error-busy = The server is busy: too many queries are running at once. Try again in { $seconds } s.
wb-error-bad-request = The server did not run the query:
wb-error-network = The server could not be reached. Check the connection and try again.
wb-error-other = The server answered with status { $status }.
wb-error-server-said = The server's message:
wb-empty = The query returned no rows.
wb-truncated = The table shows the first { $shown } of { $rows } rows; download the whole answer.
wb-format-csv = CSV
wb-format-tsv = TSV
wb-format-json = SPARQL JSON
wb-format-turtle = Turtle
wb-format-ntriples = N-Triples
wb-format-jsonld = JSON-LD
wb-download = Download:
wb-unfit-bar = A bar chart needs a column of numbers and a column of names.
wb-unfit-network = A network needs two columns of IRIs, such as bodies and the measures they execute.
wb-unfit-timeline = A timeline needs a column of dates or years.
wb-unfit-map = A map needs a column ?lat and a column ?long of decimal degrees (WGS84), such as the places' geo:lat and geo:long.
wb-map-label = Map of the answer's points ({ $points })
wb-map-note = Points: { $points }; rows without coordinates, left out: { $skipped }. Equirectangular projection; no borders or coastlines are drawn.
wb-graph-result = The query returned a graph, shown here in Turtle.
wb-completion-class = class
wb-completion-property = property
wb-completion-entity = entity
wb-network-other = Other
