"""Shared fixtures: a store of a few pre-extracted claims written here.

The claims: Estonia and Latvia back extending the Baltic fishing ban, Poland
first rejects it (May) and then backs it (June), Lithuania rejects it; Estonia
and Latvia also both back repairing the Balticconnector pipeline.
"""

import json
import os
import sys

import pytest

import stancegraph

SOURCE_DIR = os.environ.get(
    "SG_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
)

BAN = "the Baltic fishing ban is extended"
PIPELINE = "the Balticconnector pipeline is repaired"


def claim(source, published, holder, polarity, text, htype="country", **extra):
    line = {
        "doc": {"source": source, "title": source.split("/")[-1], "published": published},
        "holder": {"name": holder, "type": htype},
        "polarity": polarity,
        "proposition": {"text": text, "concept": "fisheries"},
    }
    line.update(extra)
    return json.dumps(line)


CLAIMS = [
    claim("news/may.txt", "2024-05-01T09:00:00Z", "Estonia", 1, BAN, predicate="backs"),
    claim("news/may.txt", "2024-05-01T09:00:00Z", "Latvia", 1, BAN, confidence=0.6),
    claim("news/may.txt", "2024-05-01T09:00:00Z", "Poland", -1, BAN, predicate="rejects"),
    claim("news/june.txt", "2024-06-10T12:00:00Z", "Poland", 1, BAN, predicate="now backs"),
    claim("news/june.txt", "2024-06-10T12:00:00Z", "Lithuania", -1, BAN, hedged=True),
    claim("news/pipeline.txt", "2024-06-20T08:00:00Z", "Estonia", 1, PIPELINE),
    claim("news/pipeline.txt", "2024-06-20T08:00:00Z", "Latvia", 1, PIPELINE),
]


@pytest.fixture
def claims_file(tmp_path):
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(CLAIMS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path, claims_file):
    s = stancegraph.open(tmp_path / "db")
    summary = s.import_files(claims_file)
    assert summary["errors"] == [], summary
    yield s
    s.close()


def python_env(**extra):
    """The environment for a child interpreter that imports stancegraph."""
    env = dict(os.environ)
    env.update(extra)
    return env


PYTHON = sys.executable
