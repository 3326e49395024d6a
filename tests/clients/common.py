"""What the client scripts share: the repository's data, read as a person checking the answers
would read it (the registry's labels, the source text), so that expected values never come
from the service under test."""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/sco-kg/id/"
RATS = BASE + "body/rats"
MEASURE_14 = BASE + "plan/2021-2025/measure/14"
SCO = "https://w3id.org/sco-kg/ontology#"


def registry_labels(kind, entity_id):
    """The prefLabel of `entity_id` in each language, from data/registry/{kind}.toml."""
    with open(ROOT / "data" / "registry" / f"{kind}.toml", "rb") as f:
        registry = tomllib.load(f)
    for entity in registry["entity"]:
        if entity["id"] == entity_id:
            return dict(entity["label"])
    raise KeyError(f"{entity_id} is not in data/registry/{kind}.toml")


def registry_dates():
    """The date of each dated document of data/registry/documents.toml, by its IRI, as written
    there ("2009-06-16", or "2007" for a year alone)."""
    with open(ROOT / "data" / "registry" / "documents.toml", "rb") as f:
        registry = tomllib.load(f)
    return {
        BASE + "document/" + e["id"]: str(e["date"])
        for e in registry["entity"]
        if "date" in e
    }


def source_measure_start(number):
    """The first words of measure `number` in the Russian source text ("14.  Активизация …")."""
    text = (ROOT / "data" / "source" / "sco-action-plan-2021-2025.ru.txt").read_text("utf-8")
    match = re.search(rf"^{number}\.\s+(\S+ \S+)", text, re.MULTILINE)
    if not match:
        raise KeyError(f"measure {number} is not in the source text")
    return match.group(1)


class Checks:
    """Counts checks and reports each failure, so that one run shows every failing check."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failed.append(what)
            print(f"FAILED: {what}", flush=True)

    def run(self, name, function):
        """Runs one group of checks; an exception fails it with its traceback."""
        try:
            function()
        except Exception as e:  # the script reports every group, then fails as a whole
            import traceback

            traceback.print_exc()
            self.failed.append(f"{name}: {type(e).__name__}: {e}")
            print(f"FAILED: {name}: {type(e).__name__}: {e}", flush=True)

    def finish(self):
        print(f"{self.passed} checks passed, {len(self.failed)} failed")
        sys.exit(1 if self.failed else 0)
