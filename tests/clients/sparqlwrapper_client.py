"""SPARQLWrapper against /sparql, as an analyst uses it: every return format it offers,
SELECT, ASK, CONSTRUCT and DESCRIBE, the two refusals it tells apart (a malformed query,
QueryBadFormed; an answer the service will not send whole, EndPointInternalError), and the
service's extensions (sco:label, SERVICE sco:search) sent through it unchanged.

Usage: python3 sparqlwrapper_client.py ENDPOINT LIMITED_ENDPOINT
(LIMITED_ENDPOINT: a server started with a small --max-results.)"""

import csv
import io
import sys

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed

from common import MEASURE_14, RATS, SCO, Checks, registry_labels, source_measure_start

ENDPOINT, LIMITED = sys.argv[1], sys.argv[2]
SCO_NS = Namespace(SCO)
LABELS = registry_labels("bodies", "rats")
# Declared as another endpoint would need them (the service also predeclares them).
PREFIXES = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sco: <https://w3id.org/sco-kg/ontology#>
PREFIX body: <https://w3id.org/sco-kg/id/body/>
PREFIX measure: <https://w3id.org/sco-kg/id/plan/2021-2025/measure/>
"""
SELECT_LABELS = PREFIXES + "SELECT ?label WHERE { body:rats skos:prefLabel ?label }"

checks = Checks()
check = checks.check


def ask(endpoint, query, fmt):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql.query()


def select_json():
    result = ask(ENDPOINT, SELECT_LABELS, JSON).convert()
    got = {b["label"]["xml:lang"]: b["label"]["value"] for b in result["results"]["bindings"]}
    check(got == LABELS, f"SELECT as JSON: RATS's labels {got} == {LABELS}")


def select_xml():
    document = ask(ENDPOINT, SELECT_LABELS, XML).convert()
    got = {
        literal.getAttribute("xml:lang"): literal.firstChild.data
        for literal in document.getElementsByTagName("literal")
    }
    check(got == LABELS, f"SELECT as XML: RATS's labels {got} == {LABELS}")


def select_csv_tsv():
    # CSV holds no language tags: the set of values.
    text = ask(ENDPOINT, SELECT_LABELS, CSV).convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    check(rows[0] == ["label"], f"SELECT as CSV: header {rows[0]}")
    check(
        {r[0] for r in rows[1:]} == set(LABELS.values()),
        f"SELECT as CSV: {rows[1:]} are RATS's labels",
    )
    # TSV writes terms as in Turtle: "…"@zh.
    text = ask(ENDPOINT, SELECT_LABELS, TSV).convert().decode("utf-8")
    lines = text.strip("\n").split("\n")
    check(lines[0] == "?label", f"SELECT as TSV: header {lines[0]!r}")
    expected = {f'"{label}"@{lang}' for lang, label in LABELS.items()}
    check(set(lines[1:]) == expected, f"SELECT as TSV: {lines[1:]} == {expected}")


def ask_query():
    yes = ask(ENDPOINT, PREFIXES + "ASK { measure:14 sco:executor body:rats }", JSON).convert()
    check(yes.get("boolean") is True, f"ASK: RATS executes measure 14: {yes}")
    no = ask(ENDPOINT, PREFIXES + "ASK { measure:14 sco:number 15 }", XML).convert()
    value = no.getElementsByTagName("boolean")[0].firstChild.data
    check(value == "false", f"ASK as XML: measure 14 is not number 15: {value}")


def measure_14_graph(graph, how):
    m = URIRef(MEASURE_14)
    check(
        (m, SCO_NS.number, Literal(14, datatype=XSD.integer)) in graph,
        f"{how}: measure 14 has sco:number 14",
    )
    check(
        (m, SCO_NS.executor, URIRef(RATS)) in graph,
        f"{how}: RATS (РАТС ШОС in the source's executors) executes measure 14",
    )
    texts = [str(o) for o in graph.objects(m, SCO_NS.text) if getattr(o, "language", None) == "ru"]
    start = source_measure_start(14)
    check(
        len(texts) == 1 and texts[0].startswith(start),
        f"{how}: measure 14's Russian text starts as the source's ({start!r}): {texts}",
    )


CONSTRUCT = PREFIXES + """CONSTRUCT { ?m sco:number ?n ; sco:executor ?b ; sco:text ?t }
WHERE { ?m sco:number 14 ; a sco:Measure ; sco:number ?n ; sco:executor ?b ; sco:text ?t }"""
DESCRIBE = PREFIXES + "DESCRIBE measure:14"


def graphs():
    for name, query in [("CONSTRUCT", CONSTRUCT), ("DESCRIBE", DESCRIBE)]:
        for fmt, label in [(N3, "N3"), (TURTLE, "TURTLE")]:
            # SPARQLWrapper hands Turtle and N3 over as text, for rdflib to parse.
            text = ask(ENDPOINT, query, fmt).convert()
            check(isinstance(text, bytes), f"{name} as {label}: text")
            graph = Graph().parse(data=text, format="turtle" if fmt == TURTLE else "n3")
            measure_14_graph(graph, f"{name} as {label}")
        for fmt, label in [(RDFXML, "RDFXML"), (JSONLD, "JSONLD")]:
            # SPARQLWrapper's own conversion makes an rdflib graph of these.
            graph = ask(ENDPOINT, query, fmt).convert()
            check(hasattr(graph, "triples"), f"{name} as {label}: an rdflib graph")
            measure_14_graph(graph, f"{name} as {label}")


def refusals():
    # More rows than --max-results: the service refuses to answer in full (500), and says how
    # to page; SPARQLWrapper must not take it for the analyst's mistake.
    try:
        ask(LIMITED, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", JSON).convert()
        check(False, "an answer past --max-results was sent")
    except EndPointInternalError as e:
        message = str(e)
        check(
            "LIMIT" in message and "OFFSET" in message and "ORDER BY" in message,
            f"the 500 says how to page: {message}",
        )
    except QueryBadFormed as e:
        check(False, f"an answer past --max-results was taken for a malformed query: {e}")

    # A malformed query (the triple pattern of line 3 lacks its object): 400, naming the line
    # and the column.
    try:
        ask(ENDPOINT, "SELECT ?s\nWHERE {\n  ?s ?p\n}", JSON).convert()
        check(False, "a malformed query was answered")
    except QueryBadFormed as e:
        message = str(e)
        check("line 4" in message and "column" in message, f"line and column: {message}")


def extensions():
    # sco:label: RATS's prefLabel in the language asked for (the registry's), English without
    # one; "zh,en" takes Chinese first.
    query = PREFIXES + """SELECT (sco:label(body:rats, "zh") AS ?zh) (sco:label(body:rats, "ru") AS ?ru)
       (sco:label(body:rats) AS ?en) (sco:label(body:rats, "zh,en") AS ?first) WHERE {}"""
    row = ask(ENDPOINT, query, JSON).convert()["results"]["bindings"][0]
    for var, lang in [("zh", "zh"), ("ru", "ru"), ("en", "en"), ("first", "zh")]:
        got = (row[var]["value"], row[var].get("xml:lang"))
        check(got == (LABELS[lang], lang), f"sco:label as {var}: {got} == {(LABELS[lang], lang)}")

    # SERVICE sco:search: "РАТС" is how the source's executors column names RATS ("РАТС ШОС",
    # measure 14); its one best body is RATS, with an integer score.
    query = PREFIXES + """SELECT ?e ?score ?label WHERE {
      SERVICE sco:search { ?e sco:query "РАТС" ; sco:type "body" ; sco:limit "1" ;
                           sco:lang "zh" ; sco:score ?score ; sco:label ?label } }"""
    rows = ask(ENDPOINT, query, JSON).convert()["results"]["bindings"]
    check(len(rows) == 1 and rows[0]["e"]["value"] == RATS, f"search РАТС: RATS alone: {rows}")
    if rows:
        score = rows[0]["score"]
        check(
            score.get("datatype") == str(XSD.integer) and int(score["value"]) > 0,
            f"search РАТС: an xsd:integer score: {score}",
        )
        label = (rows[0]["label"]["value"], rows[0]["label"].get("xml:lang"))
        check(label == (LABELS["zh"], "zh"), f"search РАТС: its label in sco:lang: {label}")

    # The search joined with the graph, as XML: measure 12 of the source is on "беспилотных
    # летательных аппаратов" (unmanned aerial vehicles), what people call drones.
    query = PREFIXES + """SELECT ?number WHERE {
      SERVICE sco:search { ?m sco:query "беспилотники" ; sco:type "measure" ; sco:limit "1" }
      ?m sco:number ?number }"""
    document = ask(ENDPOINT, query, XML).convert()
    numbers = [l.firstChild.data for l in document.getElementsByTagName("literal")]
    check(numbers == ["12"], f"search беспилотники joined with sco:number: {numbers} == ['12']")

    # Both in one query, as CSV: the executors of the measures found for "drones" (the English
    # everyday word; the measure's text says "unmanned aerial vehicles"), labelled in Chinese.
    query = PREFIXES + """SELECT ?number (sco:label(?executor, "zh") AS ?label) WHERE {
      SERVICE sco:search { ?m sco:query "drones" ; sco:type "measure" ; sco:limit "1" }
      ?m sco:number ?number ; sco:executor ?executor } ORDER BY ?label"""
    text = ask(ENDPOINT, query, CSV).convert().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    check(rows[0] == ["number", "label"], f"search drones as CSV: header {rows[0]}")
    check(
        len(rows) > 1 and all(r[0] == "12" and r[1] for r in rows[1:]),
        f"search drones: measure 12's executors, each labelled: {rows[1:]}",
    )


for name, function in [
    ("SELECT as JSON", select_json),
    ("SELECT as XML", select_xml),
    ("SELECT as CSV and TSV", select_csv_tsv),
    ("ASK", ask_query),
    ("CONSTRUCT and DESCRIBE", graphs),
    ("refusals", refusals),
    ("sco:label and SERVICE sco:search", extensions),
]:
    checks.run(name, function)
checks.finish()
