"""rdflib against the linked data, as an analyst uses it: a resource's URL per format (what a
browser link gives), the resource's IRI negotiated by rdflib itself, and the whole dump, with
the promises the README makes to generic tools (rdfs:label beside every skos:prefLabel, an
integer sco:year beside every sco:date).

Usage: python3 rdflib_client.py BASE_URL"""

import sys

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from common import RATS, SCO, Checks, registry_dates, registry_labels

BASE_URL = sys.argv[1].rstrip("/")
SCO_NS = Namespace(SCO)
LABELS = registry_labels("bodies", "rats")
rats = URIRef(RATS)

checks = Checks()
check = checks.check


def about_rats(graph, how):
    check(len(graph) > 0 and (rats, None, None) in graph, f"{how}: triples about RATS")
    check((rats, RDF.type, SCO_NS.Body) in graph, f"{how}: RATS is a sco:Body")
    labels = {o.language: str(o) for o in graph.objects(rats, RDFS.label)}
    check(labels == LABELS, f"{how}: rdfs:label in ru, en, zh {labels} == {LABELS}")
    pref = {o.language: str(o) for o in graph.objects(rats, SKOS.prefLabel)}
    check(pref == LABELS, f"{how}: skos:prefLabel {pref} == {LABELS}")


def per_format_urls():
    # rdflib picks its parser from the answer's Content-Type, as it would for any URL.
    for extension in ["ttl", "nt", "rdf", "jsonld"]:
        url = f"{BASE_URL}/id/body/rats.{extension}"
        about_rats(Graph().parse(url), url)


def negotiated():
    # rdflib's own Accept header: RDF syntaxes, so the service answers RDF, not the page.
    url = f"{BASE_URL}/id/body/rats"
    about_rats(Graph().parse(url), url)


def year_of(date):
    """The year of an xsd:date ("2009-06-16") or xsd:gYear ("2007") literal, by its lexical form."""
    lexical = str(date)
    sign = -1 if lexical.startswith("-") else 1
    return sign * int(lexical.lstrip("-").split("-")[0])


def dump():
    url = f"{BASE_URL}/dump/sco-kg.ttl"
    graph = Graph().parse(url)
    check(len(graph) > 1000, f"{url}: {len(graph)} triples")
    labelled = set(graph.subjects(SKOS.prefLabel, None))
    check(rats in labelled, f"{url}: RATS has a skos:prefLabel")
    missing = sorted(str(s) for s in labelled if (s, RDFS.label, None) not in graph)
    check(not missing, f"{url}: every subject with skos:prefLabel has rdfs:label; not {missing[:5]}")
    for s in labelled:
        pref = {(o.language, str(o)) for o in graph.objects(s, SKOS.prefLabel)}
        label = {(o.language, str(o)) for o in graph.objects(s, RDFS.label)}
        # A measure's rdfs:label says what it is ("Measure 30: …"); others repeat the prefLabel.
        if (s, RDF.type, SCO_NS.Measure) not in graph:
            check(pref == label, f"{url}: {s}'s rdfs:label {label} == its skos:prefLabel {pref}")
    dated = list(graph.subject_objects(SCO_NS.date))
    check(len(dated) > 0, f"{url}: resources with sco:date")
    # The registry's dates, kept at their precision.
    written = registry_dates()
    check(len(written) > 0, "data/registry/documents.toml has dated documents")
    for iri, date in written.items():
        got = [str(d) for d in graph.objects(URIRef(iri), SCO_NS.date)]
        check(got == [date], f"{url}: {iri}'s sco:date {got} is the registry's {date}")
    for s, date in dated:
        check(
            isinstance(date, Literal) and date.datatype in (XSD.date, XSD.gYear),
            f"{url}: {s}'s sco:date {date!r} is an xsd:date or xsd:gYear",
        )
        years = list(graph.objects(s, SCO_NS.year))
        check(
            len(years) == 1
            and years[0].datatype == XSD.integer
            and isinstance(years[0].toPython(), int)
            and years[0].toPython() == year_of(date),
            f"{url}: {s} has one integer sco:year equal to the year of {date}: {years}",
        )


for name, function in [
    ("per-format URLs", per_format_urls),
    ("negotiated IRI", negotiated),
    ("the Turtle dump", dump),
]:
    checks.run(name, function)
checks.finish()
