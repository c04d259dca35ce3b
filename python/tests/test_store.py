"""Opening, closing and importing into a store."""

import threading

import pytest

import stancegraph
from conftest import BAN


def test_import_files_reports_what_it_stored(tmp_path, claims_file):
    with stancegraph.open(tmp_path / "db") as store:
        summary = store.import_files([claims_file])
        assert summary["documents"] == 3
        assert summary["mentions"] == 7
        assert summary["errors"] == []
        assert store.stats()["claims"] == 7
        again = store.import_files(str(claims_file))
        assert again["documents"] == 0
        assert again["documents_already_present"] == 3


def test_bad_records_are_listed_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    good = '{"doc": {"source": "a"}, "holder": {"name": "Chad"}, "polarity": 1, ' \
           '"proposition": {"text": "the river is dammed"}}'
    bad.write_text(good + "\n{not json\n" + good.replace("Chad", "Niger") + "\n")
    with stancegraph.open(tmp_path / "db") as store:
        summary = store.import_files([bad])
        assert summary["error_count"] == 1
        assert len(summary["errors"]) == 1
        assert summary["errors"][0].startswith(f"{bad}:2: ")
        assert summary["mentions"] == 2


def test_import_text_extracts_claims_with_their_quote(tmp_path):
    text = (
        "Ministers split over fishing\n\n"
        "Poland rejected extending the Baltic fishing ban, its agriculture minister said.\n"
    )
    with stancegraph.open(tmp_path / "db") as store:
        summary = store.import_text(text, title="Ministers split", published="2024-05-02",
                                    url="https://example.org/fish")
        assert summary["documents"] == 1
        assert summary["mentions"] >= 1
        rows = list(store.claims(holder="Poland"))
        assert rows, "the extractor found Poland's claim"
        row = rows[0]
        assert row["polarity"] == -1
        assert row["doc"]["title"] == "Ministers split"
        assert row["made"].startswith("2024-05-02")
        assert row["quote"] == ("Poland rejected extending the Baltic fishing ban, its "
                                "agriculture minister said.")
        assert store.import_text(text)["documents_already_present"] == 1


def test_closing_releases_the_store_for_the_next_writer(tmp_path, claims_file):
    path = tmp_path / "db"
    with stancegraph.open(path) as store:
        store.import_files(claims_file)
    assert store.closed
    with stancegraph.open(path) as again:
        assert again.stats()["mentions"] == 7


def test_a_second_writer_is_told_the_store_is_locked(store):
    with pytest.raises(stancegraph.Locked) as e:
        stancegraph.open(store.path)
    assert "locked" in str(e.value)
    assert isinstance(e.value, stancegraph.FailedPrecondition)
    assert e.value.code == "FAILED_PRECONDITION"


def test_read_only_views_do_not_write(store, claims_file):
    with stancegraph.open(store.path, read_only=True) as view:
        assert view.stats()["mentions"] == 7
        with pytest.raises(stancegraph.FailedPrecondition):
            view.import_files(claims_file)


def test_a_missing_store_is_not_found(tmp_path):
    with pytest.raises(stancegraph.NotFound) as e:
        stancegraph.open(tmp_path / "nothing", read_only=True)
    assert isinstance(e.value, LookupError)
    assert "nothing" in str(e.value)


def test_a_closed_store_refuses_calls_and_ends_its_iterators(store):
    rows = store.claims()
    first = next(rows)
    assert first["holder"]["name"]
    store.close()
    store.close()
    with pytest.raises(stancegraph.FailedPrecondition, match="closed"):
        next(rows)
    with pytest.raises(stancegraph.FailedPrecondition, match="closed"):
        store.contradictions()


def test_threads_share_one_store(store):
    results = []

    def ask():
        results.append(sorted(r["holder"]["name"] for r in store.claims(proposition=BAN)))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = ["Estonia", "Latvia", "Lithuania", "Poland", "Poland"]
    assert results == [expected] * 4
