# Why the plan could not be linked to the registry, or the registry and translations not read
# (src/link/error.rs): messages for whoever maintains data/. Quoted texts ("…") come as they
# are in the plan or the data files; $file is a path under data/.

link-unknown-participant = measure { $measure }: the participant { $text } is not a member state in the registry
link-unknown-executor = measure { $measure }: the executor { $text } is not a body of { $file }
link-unknown-issuing-body = the decision's issuing body { $text } is not in the registry
link-unknown-place = the decision's place { $text } is not in the registry
link-unknown-signatory-state = the decision's signatory state { $text } is not in the registry
link-title-names-no-document = the plan's title names no document of the registry: { $title }
# $lang: en or zh.
link-missing-translation = measure { $measure } has no { $lang } text in { $file }

## A registry or translation file, after "file:line: ".

link-translation-language = unknown language { $lang }
link-no-measure-label = no measure label in { $lang }
link-entity-not-a-slug = entity { $id }: the id must be a slug of a-z, 0-9 and '-'
link-entity-no-label = entity { $id }: no label in { $lang }
link-entity-unknown-language = entity { $id }: unknown language { $lang }
link-entity-not-a-qid = entity { $id }: wikidata { $wikidata } is not a Q-identifier
link-entity-bad-date = entity { $id }: date { $date } is neither YYYY nor YYYY-MM-DD
link-entity-document-fields = entity { $id }: a document needs doc_kind and status
link-entity-not-a-document = entity { $id }: only documents have doc_kind, status and date
link-entity-id-twice = entity { $id }: the id is used twice
link-entity-shared-form = entity { $id }: the match form { $form } also belongs to { $other }
link-entity-scope-not-a-match-form = entity { $id }: the executor_scope form { $form } is not one of its match forms
link-entity-scope-names-no-state = entity { $id }: the executor_scope form { $form } is scoped named but names no member state
link-entity-scope-not-an-executor = entity { $id }: the executor_scope form { $form } is no executor of any measure of the source
link-entity-unknown-parent = entity { $id }: parent { $parent } is not in this file
link-entity-coordinates-incomplete = entity { $id }: lat, long and coordinates_source go together (a point needs both numbers and where they come from)
link-entity-coordinate-out-of-range = entity { $id }: { $field } { $value } is out of range ({ $field ->
        [lat] -90 to 90
       *[other] -180 to 180
    } degrees)
link-entity-coordinates-not-a-place = entity { $id }: only places have lat, long and coordinates_source
