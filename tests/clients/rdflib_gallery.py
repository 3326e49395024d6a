"""The gallery in rdflib over the Turtle dump: every question of data/examples/ asked of rdflib
(a graph loaded from the endpoint's /dump/sco-kg.ttl, the query with no prefix but its own)
gives the rows written in the example, as the endpoint does (tests/examples.rs): a linked-data
consumer who loads the dump gets the same answers as an analyst on the endpoint. The two
examples marked `extension = true` use sco:label and SERVICE sco:search, which only the endpoint
answers: they are skipped, by name, and there must be exactly two.

Usage: rdflib_gallery.py URL"""

import sys
import tomllib
from collections import Counter

import rdflib

from common import ROOT, Checks


def term_string(term):
    """A value as the examples write it: an IRI, or a literal's lexical form; unbound is ""."""
    return "" if term is None else str(term)


def main(url):
    checks = Checks()
    graph = rdflib.Graph()
    graph.parse(f"{url}/dump/sco-kg.ttl", format="turtle")
    examples = sorted((ROOT / "data" / "examples").glob("*.toml"))
    checks.check(len(examples) >= 25, f"{len(examples)} examples")
    extensions = []
    for path in examples:
        with open(path, "rb") as f:
            example = tomllib.load(f)
        # sco:label and SERVICE sco:search are this endpoint's own: rdflib does not know them.
        if example.get("extension"):
            print(f"{path.name}: skipped, it uses our extensions")
            extensions.append(path.name)
            continue
        expected = [[str(v) for v in row] for row in example["expected"]]
        rows = [[term_string(v) for v in row] for row in graph.query(example["query"])]
        if example.get("ordered"):
            checks.check(rows == expected, f"{path.name}: {rows[:3]} … ≠ {expected[:3]} …")
        else:
            checks.check(
                Counter(map(tuple, rows)) == Counter(map(tuple, expected)),
                f"{path.name}: {len(rows)} rows, expected {len(expected)}",
            )
    checks.check(len(extensions) == 2, f"examples skipped as extensions: {extensions}")
    checks.finish()


if __name__ == "__main__":
    main(sys.argv[1])
