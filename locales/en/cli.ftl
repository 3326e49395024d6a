# Messages of the command-line interface (src/main.rs), in the terminal's language
# (LC_ALL, LC_MESSAGES, LANG).
cli-error = sco-kg: error: { $message }
cli-error-file = { $path }: { $detail }
cli-error-source = { $path }:{ $line }: { $detail }
cli-error-internal = internal error: { $detail }
cli-error-option = --{ $option }: { $detail }
cli-error-query-syntax = the query is not valid SPARQL: { $detail }
cli-error-query-evaluation = the query could not be answered: { $detail }
cli-error-timeout = --timeout { $seconds }: not a positive number of seconds
cli-error-at-least-one = --{ $option } must be at least 1
cli-error-lang = --lang “{ $lang }”: expected ru, en or zh
cli-error-serve = cannot serve: { $detail }
cli-server-listening = sco-kg: serving { $triples } triples at { $url } (SPARQL endpoint { $url }/sparql) — ready in { $ms } ms
cli-server-public-url = sco-kg: public URL { $url }
cli-server-stopped = sco-kg: stopped.
