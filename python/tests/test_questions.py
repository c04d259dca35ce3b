"""Claims and the questions of `stancegraph query`, over the store of conftest."""

import datetime

import pytest

import stancegraph
from conftest import BAN, PIPELINE


def names(side):
    return sorted(h["holder"]["name"] for h in side)


def test_claims_carry_the_export_fields(store):
    rows = list(store.claims(holder="Poland"))
    assert [r["polarity"] for r in rows] == [-1, 1]
    first = rows[0]
    assert first["proposition"]["text"] == BAN
    assert first["doc"]["source"] == "news/may.txt"
    assert first["made"] == "2024-05-01T09:00:00Z"
    assert first["predicate"] == "rejects"
    assert len(first["claim_id"]) == 16
    assert "quote" not in first  # pre-extracted claims come without text


def test_claims_filter_by_time_document_and_flags(store):
    june = list(store.claims(since=datetime.date(2024, 6, 1), until="2024-06-15"))
    assert sorted(r["holder"]["name"] for r in june) == ["Lithuania", "Poland"]
    naive = datetime.datetime(2024, 6, 15)
    assert len(list(store.claims(since=naive))) == 2
    in_doc = list(store.claims(document="news/pipeline.txt"))
    assert sorted(r["holder"]["name"] for r in in_doc) == ["Estonia", "Latvia"]
    doc_id = in_doc[0]["doc"]["id"]
    assert len(list(store.claims(document=doc_id, holder="Latvia"))) == 1
    assert [r["holder"]["name"] for r in store.claims(hedged="only")] == ["Lithuania"]
    assert len(list(store.claims(min_confidence=0.9))) == 6


def test_unknown_names_raise_not_found_with_the_name(store):
    with pytest.raises(stancegraph.NotFound, match="Atlantis"):
        store.contradictions(holder="Atlantis")
    with pytest.raises(stancegraph.NotFound, match="no-such.txt"):
        list(store.claims(document="no-such.txt"))


def test_bad_options_raise_invalid_argument(store):
    with pytest.raises(stancegraph.InvalidArgument, match="galaxy"):
        store.contradictions(level="galaxy")
    with pytest.raises(ValueError, match="triangle"):
        store.network(kind="triangle")
    with pytest.raises(stancegraph.InvalidArgument):
        store.changes(since="the day before yesterday")
    with pytest.raises(TypeError, match="holders"):
        store.agreements(holders="Estonia")


def test_contradictions_name_both_sides_and_who_changed(store):
    found = store.contradictions()
    assert len(found) == 1
    c = found[0]
    assert c["proposition"]["text"] == BAN
    assert names(c["for"]) == ["Estonia", "Latvia", "Poland"]
    assert names(c["against"]) == ["Lithuania", "Poland"]
    assert [h["name"] for h in c["self_contradicting"]] == ["Poland"]
    assert c["pairs"] == 5
    assert store.contradictions(until="2024-05-15")[0]["pairs"] == 2
    assert store.contradictions(new_since="2100-01-01") == []


def test_changes_find_the_reversal(store):
    found = store.changes()
    assert len(found) == 1
    r = found[0]
    assert r["holder"]["name"] == "Poland"
    assert (r["from"]["polarity"], r["to"]["polarity"]) == (-1, 1)
    assert r["to"]["time"] == "2024-06-10T12:00:00Z"


def test_agreements_coalitions_and_actors(store):
    pairs = store.agreements()
    top = pairs[0]
    assert sorted([top["a"]["name"], top["b"]["name"]]) == ["Estonia", "Latvia"]
    assert top["agree"] == 2
    only_lithuania = store.agreements(involving="Lithuania")
    assert all("Lithuania" in (p["a"]["name"], p["b"]["name"]) for p in only_lithuania)
    coalitions = store.coalitions()
    assert coalitions[0]["coalition"] == 1
    assert {"Estonia", "Latvia"} <= {m["name"] for m in coalitions[0]["members"]}
    actors = store.actors()
    assert {a["holder"]["name"] for a in actors} >= {"Estonia", "Latvia", "Lithuania"}
    assert all(a["degree"] >= 1 for a in actors)


def test_network_as_plain_data(store):
    net = store.network(kind="conflict", as_networkx=False)
    assert net["kind"] == "conflict"
    by_id = {n["id"]: n["name"] for n in net["nodes"]}
    pairs = {tuple(sorted((by_id[e["source"]], by_id[e["target"]]))) for e in net["edges"]}
    assert ("Estonia", "Lithuania") in pairs
    assert ("Estonia", "Latvia") not in pairs
    two_mode = store.network(kind="bipartite", as_networkx=False)
    parts = sorted({n["part"] for n in two_mode["nodes"]})
    assert parts == ["holder", "proposition"]
    assert len(two_mode["edges"]) == 7  # one per claim: Poland has two on the ban


def test_network_as_networkx_graph(store):
    networkx = pytest.importorskip("networkx")
    g = store.network(kind="signed")
    assert isinstance(g, networkx.Graph)
    names_ = {d["name"] for _, d in g.nodes(data=True)}
    assert {"Estonia", "Latvia", "Lithuania", "Poland"} <= names_
    est = next(n for n, d in g.nodes(data=True) if d["name"] == "Estonia")
    lat = next(n for n, d in g.nodes(data=True) if d["name"] == "Latvia")
    assert g.edges[est, lat]["agree"] == 2
    b = store.network(kind="bipartite")
    assert isinstance(b, networkx.MultiGraph)
    poland = next(n for n, d in b.nodes(data=True) if d.get("name") == "Poland")
    assert sorted(d["polarity"] for _, _, d in b.edges(poland, data=True)) == [-1, 1]
    assert b.nodes[poland]["bipartite"] == 0


def test_answers_as_dataframes(store):
    pytest.importorskip("pandas")
    frame = store.agreements(as_dataframe=True)
    assert {"a.name", "b.name", "agree"} <= set(frame.columns)
    claims = store.claims(proposition=PIPELINE, as_dataframe=True)
    assert sorted(claims["holder.name"]) == ["Estonia", "Latvia"]
    assert len(stancegraph.to_dataframe(store.changes())) == 1
