"""CITATION.cff is valid Citation File Format 1.2.0 (checked against a copy of the schema kept
in tests/schemas/) and names the version the package declares."""
import copy
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json"


@pytest.fixture(scope="module")
def citation():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    import json

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_citation_file_is_valid_cff_1_2_0(citation, validator):
    errors = sorted(validator.iter_errors(citation), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    assert citation["cff-version"] == "1.2.0"


def test_the_schema_rejects_what_it_should(citation, validator):
    """The check can fail: no authors, or an unknown key, is not valid CFF."""
    broken = copy.deepcopy(citation)
    del broken["authors"]
    assert not validator.is_valid(broken)
    assert not validator.is_valid({**citation, "doi-ish": "x"})


def test_citation_names_the_package_version_and_licence(citation):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(citation["version"]) == project["version"]
    assert citation["license"] == project["license"]["text"]
