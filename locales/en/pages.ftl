# Messages of the HTML pages (src/pages). Labels of resources come from the graph.

## The frame of every page

site-name = SCO Action Plan 2021–2025 · Knowledge Graph
page-title = { $title } — { $site }
nav-services = Data services
nav-languages = Language
nav-breadcrumbs = You are here
nav-home = Home
nav-query = Query editor
nav-sparql = SPARQL endpoint
nav-ontology = Ontology
nav-source = Source text
nav-void = Dataset description (VoID)
nav-dumps = Downloads:
nav-lookup = Entity lookup
nav-openapi = API description (OpenAPI)
footer-about = The Russian text of the plan is authoritative; the English and Chinese texts are unofficial translations. Data: CC BY 4.0.
lang-autonym-ru = Русский
lang-autonym-en = English
lang-autonym-zh = 中文

## Labels and values

fallback-badge = { $lang ->
    [ru] in Russian
    [en] in English
   *[zh] in Chinese
}
fallback-title = Not available in English; shown { $lang ->
    [ru] in Russian
    [en] in English
   *[zh] in Chinese
}.
span-label = Source lines { $start }–{ $end }
source-text-label = Source text: { $title }
wikidata-item = Wikidata { $id }
date-day = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
date-year = { $year }
measures-count = { NUMBER($count) ->
    [one] { $count } measure
   *[other] { $count } measures
}
format-turtle = Turtle
format-ntriples = N-Triples
format-rdfxml = RDF/XML
format-jsonld = JSON-LD

## The title block

persistent-iri = Persistent IRI
rdf-formats = RDF:
also-called = Also called:
in-other-languages = In other languages:

## Facts

fact-section = Section
fact-plan = Plan
fact-number = Number
fact-participation = Participation
fact-participants = Participating states ({ $count })
fact-executors = { NUMBER($count) ->
    [one] Executor
   *[other] Executors ({ $count })
}
fact-participants-text = Participants column
fact-executors-text = Executors column
fact-documents = Documents
fact-places = Places
fact-initiatives = Initiatives
fact-bodies = Bodies
fact-states = States
fact-parent-body = Part of
fact-sub-bodies = Its bodies
fact-members = Member states
fact-issued = Issued
fact-wikidata = Wikidata
fact-coordinates = Coordinates
coordinates-value = { $lat }° { $ns ->
        [south] S
       *[north] N
    }, { $long }° { $ew ->
        [west] W
       *[east] E
    }
coordinates-osm = OpenStreetMap
coordinates-osm-title = This point on OpenStreetMap (another site)
map-heading = On the map
map-label = Map of the graph's places, { $place } marked
map-caption = The places of the graph that have coordinates ({ $count }, WGS84), on an equirectangular projection: longitude { $west } to { $east }, latitude { $south } to { $north }. No borders or coastlines are drawn. A region is shown at a point documented for it (a computed centre, a monument), not by its extent.
fact-document-kind = Kind
fact-document-status = Status
fact-date = Date
fact-implemented-by = Implemented by
fact-plan-references = Referred to by
fact-member-of = Member of
fact-signatory = Signatory
fact-decision-place = Place of adoption of
fact-approved-by = Approved by
fact-implements = Implements
fact-source = Source
fact-place = Place
fact-issued-by = Adopted by
fact-approves = Approves
fact-state = State
fact-office = Office
fact-decision = Decision
fact-language = Language
fact-format = Format
fact-lines = Lines
fact-spans = Source spans
fact-measure = Measure
fact-offsets = Character offsets

## Texts

text-heading = Text
preamble-heading = Preamble
translation-note = The English texts are unofficial translations; the Russian text of the plan is authoritative.
translation-missing = No English translation of this text; the authoritative Russian text is shown.
authoritative-russian-heading = Authoritative Russian text
as-written-heading = As written in the plan
as-written-intro = The participants and executors columns of the plan's table, verbatim (Russian).

## Measures

mentions-heading = Named in the text
mentions-none = The text names no document, place, initiative, body or state of the registry.
source-heading = Source
source-open = open in the source text
source-excerpt = Show the source lines
section-measures-heading = { NUMBER($count) ->
    [one] { $count } measure
   *[other] { $count } measures
}
sections-heading = Sections ({ $count })
plan-references-heading = Documents referred to in the preamble

## Bodies, documents, states, places

body-executes-heading = Measures it executes ({ $count })
body-executes-none = This body is not an executor of any measure.
body-coexecutors-heading = Co-executors ({ $count })
body-coexecutors-none = No other body executes the same measures.
mentioned-in-heading = Measures that name it ({ $count })
mentioned-in-none = No measure names it.
document-cited-heading = Measures citing this document ({ $count })
document-cited-none = No measure cites this document.
state-participates-heading = Measures it takes part in ({ $count })
state-participates-none = It takes part in no measure.

## The decision, signatories and the source

signatories-heading = Signatories ({ $count })
source-read = Read the source text
source-derived-heading = Derived from it ({ $count })

## Tables

column-number = No.
column-section = Section
column-measures = Measures
column-body = Body
column-shared-measures = Measures in common
column-executes = Measures executed
column-state = State
column-participates = Takes part in
column-document = Document
column-kind = Kind
column-date = Date
column-cited = Cited by
column-office = Office
column-signatory = Signature

## Links in the graph

links-heading = Links
links-none = This resource links to no other resource.
referenced-by-heading = Referenced by
referenced-by-none = No resource links to this one.
referenced-by-intro = { NUMBER($count) ->
    [one] { $count } link to this resource, by property:
   *[other] { $count } links to this resource, by property:
}
pred-rdf-type = type
pred-skos-preflabel = preferred label
pred-skos-altlabel = alternative label
pred-skos-notation = notation
pred-skos-note = note
pred-skos-inscheme = in scheme
pred-skos-topconceptof = top concept of
pred-skos-hastopconcept = has top concept
pred-owl-sameas = same as
pred-prov-wasderivedfrom = derived from
pred-dcterms-format = format
pred-dcterms-language = language
pred-oa-start = start offset
pred-oa-end = end offset
pred-org-suborganizationof = sub-organisation of

## The home page

home-kicker = Linked data
home-intro = The plan's { $sections } { NUMBER($sections) ->
    [one] section
   *[other] sections
} and { $measures } { NUMBER($measures) ->
    [one] measure
   *[other] measures
} as a knowledge graph: who takes part, who executes, which documents, places and initiatives each measure names, and where in the source text it stands.
home-read-plan = The plan
home-read-decision = The decision approving it
home-read-source = The source text
search-label = Find an entity
search-placeholder = A body, state, document or word: RATS, interbank, Dushanbe…
search-button = Search
home-bodies-heading = Main executors
home-bodies-intro = { NUMBER($count) ->
    [one] { $count } body executes measures; those with most measures:
   *[other] { $count } bodies execute measures; those with most measures:
}
home-all-bodies = All bodies ({ $count })
home-states-heading = Member states ({ $count })
home-documents-heading = Documents ({ $count })
home-places-heading = Places ({ $count })
home-initiatives-heading = Named initiatives ({ $count })
home-data-heading = Data and services
service-sparql = SPARQL 1.1 endpoint for your tools
service-query = write and run SPARQL queries in the browser
service-dumps = the whole graph in one file
service-ontology = the classes and properties the graph uses
service-source = the Russian text the graph is built from
service-void = counts, dumps and licence of the dataset
service-lookup = find entities by name in any of the three languages (JSON)
service-openapi = the lookup and entity API, the SPARQL endpoint and the health checks, their parameters and answers (OpenAPI 3.1, JSON)

## Not found

not-found-heading = Not found
not-found-text = The knowledge graph has no resource at this address:

## The search results page (/search)

search-heading = Search
search-title = Search: { $query }
search-type-label = Type
search-type-all = All types
search-type-body = Bodies
search-type-state = Member states
search-type-document = Documents
search-type-place = Places
search-type-initiative = Named initiatives
search-type-measure = Measures
search-type-section = Sections
search-type-plan = The plan
search-type-decision = The decision
search-match-exact = exact match
search-match-prefix = matches words of the name
search-match-fuzzy = similar spelling
search-match-text = found in the text
search-field-preflabel = Name:
search-field-altlabel = Also called:
search-field-text = Text:
search-field-number = Number:
search-found-heading = Results for “{ $query }”
search-found-count = { NUMBER($count) ->
    [one] { $count } result, grouped by type; names in any of the three languages match.
   *[other] { $count } results, grouped by type; names in any of the three languages match.
}
search-found-more = Only the { $limit } best results are shown: add a word or choose a type to narrow the search.
search-none-heading = Nothing found for “{ $query }”
search-none-intro = No name, alternative name or measure text of the graph matches this query. You could:
search-tip-spelling = check the spelling: one typo is forgiven in words of four to seven letters, two in longer ones, none in shorter words, abbreviations or numbers;
search-tip-language = try the name in Russian, English or Chinese: names are looked up in all three, but a word is not translated or transliterated (“Интербанк” does not find “Interbank”);
search-tip-all-types = search all types, not only the one chosen;
search-tip-sections = browse the plan, section by section;
search-tip-home = see the main bodies, states and documents on the home page;
search-tip-sparql = or ask the graph anything in the SPARQL query editor.
search-refused-heading = This query cannot be searched
search-refused-limits = Type a name or a few words of one: at most { $chars } characters and { $words } words.

## The ontology's page (/ontology)

ontology-contents = Contents
ontology-classes-heading = Classes ({ $count })
ontology-object-properties-heading = Object properties ({ $count })
ontology-datatype-properties-heading = Datatype properties ({ $count })
ontology-individuals-heading = Named individuals ({ $count })
ontology-fact-iri = IRI
ontology-fact-prefix = Prefix
ontology-fact-version = Version
ontology-fact-license = Licence
ontology-fact-shapes = Shapes
ontology-fact-type = Type
ontology-fact-subclass-of = Subclass of
ontology-fact-one-of = Exactly one of
ontology-fact-subproperty-of = Subproperty of
ontology-fact-inverse-of = Inverse of
ontology-fact-characteristics = Characteristics
ontology-functional = functional
ontology-inverse-functional = inverse functional
ontology-fact-domain = Domain
ontology-fact-range = Range
ontology-fact-properties-from = Properties of its instances
ontology-fact-properties-to = Properties pointing to it
ontology-fact-scheme = In scheme
ontology-fact-notation = Notation
ontology-fact-uses = In the graph
ontology-uses-class = { NUMBER($count) ->
    [one] { $count } instance
   *[other] { $count } instances
}
ontology-uses-property = { NUMBER($count) ->
    [one] { $count } triple uses it
   *[other] { $count } triples use it
}
ontology-uses-individual = { NUMBER($count) ->
    [one] { $count } triple refers to it
   *[other] { $count } triples refer to it
}
ontology-fact-example = Example
ontology-example-none = not used in the graph

# As-you-type suggestions under a search box (web/suggest.js): the list's accessible name.
search-suggestions-label = Suggestions
