"""stancegraph: who holds which position on what, read from news articles.

The embedded stancegraph engine for Python. Open a store (a database
directory, the same one the ``stancegraph`` command uses), import articles or
pre-extracted claims, and ask the questions of ``stancegraph query``::

    import stancegraph

    with stancegraph.open("claims.db") as store:
        store.import_files(["articles/"])
        for c in store.contradictions(concept="alliance membership"):
            print(c["proposition"]["text"], len(c["for"]), len(c["against"]))
        frame = store.agreements(as_dataframe=True)      # needs pandas
        graph = store.network(kind="conflict")           # networkx when present

Answers are plain dicts and lists with the fields the CLI prints with
``--format json``; claims are the lines of ``stancegraph export claims``.
Errors of the engine raise :class:`Error` or one of its subclasses
(:class:`NotFound`, :class:`InvalidArgument`, :class:`FailedPrecondition`,
:class:`Locked`, :class:`DataLoss`) with the engine's message. Imports and
questions release the GIL while they run.

Every question and :meth:`Store.claims` take the same filters as the CLI:

==================  ==========================================================
``holder``          a holder's name, alias or id, or a list of them (--holder)
``proposition``     a proposition's text or id, or a list (--proposition)
``since``           only claims made at or after this time (--from)
``until``           only claims made before this time (--to)
``concept``         only propositions of this concept (--concept)
``type``            only holders of this entity type, or a list (--type)
``outlet``          only mentions from documents of this outlet (--outlet)
``min_confidence``  only mentions at least this confident (--min-confidence)
``hedged``          hedged mentions: "include", "exclude" or "only"
``conditional``     conditional mentions: "include", "exclude" or "only"
==================  ==========================================================

Times are ``datetime.datetime`` (naive ones are UTC), ``datetime.date``,
Unix seconds, or text such as ``"2025-08-15"`` or ``"2025-08-15T09:18:08Z"``.
"""

import datetime as _datetime
import os as _os

from . import _core
from ._core import (
    DataLoss,
    Error,
    FailedPrecondition,
    InvalidArgument,
    Locked,
    NotFound,
)

__version__ = _core.__version__

__all__ = [
    "open",
    "Store",
    "to_dataframe",
    "formats",
    "Error",
    "NotFound",
    "InvalidArgument",
    "FailedPrecondition",
    "Locked",
    "DataLoss",
]

_FILTERS = (
    "holder",
    "proposition",
    "since",
    "until",
    "concept",
    "type",
    "outlet",
    "min_confidence",
    "hedged",
    "conditional",
)


def open(path, read_only=False):  # noqa: A001 - the module's verb, as in io.open
    """Opens the store in directory ``path`` and returns a :class:`Store`.

    Without ``read_only`` the store is opened for reading and writing, and
    created when absent; one process at a time may do so (another gets
    :class:`Locked`). With ``read_only=True`` it is a frozen view of the store
    as it is now, which works while another process imports into it;
    :class:`NotFound` when there is no store.
    """
    return Store(_core.open_store(_os.fspath(path), bool(read_only)))


def formats():
    """The input formats :meth:`Store.import_files` reads, besides "auto"."""
    return list(_core.formats())


def to_dataframe(rows):
    """A pandas DataFrame of answer rows (nested fields become dotted columns,
    e.g. ``holder.name``). Raises ImportError when pandas is not installed."""
    pandas = _need("pandas", "python3-pandas", "DataFrames")
    return pandas.json_normalize(list(rows), sep=".")


class Store:
    """An open stancegraph store. Use :func:`open` to get one.

    A context manager: ``with stancegraph.open(path) as store:`` closes it at
    the end of the block. Methods may be called from several threads.
    """

    def __init__(self, handle):
        self._handle = handle

    # ------------------------------------------------------------ lifecycle

    @property
    def path(self):
        """The store's directory, as given to :func:`open`."""
        return self._handle.path

    @property
    def read_only(self):
        """True when opened with ``read_only=True``."""
        return self._handle.read_only

    @property
    def closed(self):
        """True after :meth:`close`."""
        return self._handle.closed

    def close(self):
        """Closes the store: waits for calls in progress, ends the iterators
        :meth:`claims` handed out, and releases the write lock. Calling it
        again does nothing; any other call then raises
        :class:`FailedPrecondition`."""
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        state = "closed" if self.closed else ("read-only" if self.read_only else "open")
        return f"<stancegraph.Store {self.path!r} {state}>"

    def stats(self):
        """Counts: documents, entities, propositions, claims, mentions and
        disk_bytes, as ``stancegraph stats`` prints them."""
        return self._handle.stats()

    # ------------------------------------------------------------ imports

    def import_files(
        self,
        paths,
        *,
        format="auto",  # noqa: A002 - the CLI's option name
        published=None,
        extractor=None,
        lexicon=None,
        bulk=None,
        extractor_timeout=60,
        max_document_bytes=None,
        max_sentence_bytes=None,
        max_html_depth=None,
        max_errors=1000,
    ):
        """Imports files and directories (recursively, in name order), like
        ``stancegraph import``. ``paths`` is one path or a list.

        ``format`` is "auto" (per file, by name and content) or one of
        :func:`formats`. ``published`` overrides every document's published
        time. ``extractor`` runs that program instead of the built-in
        extractor; ``lexicon`` reads the built-in extractor's lexicons from
        that directory. ``bulk`` forces (True) or forbids (False) the bulk
        path; None chooses it for large claim files as the CLI does.

        Bad records and unreadable files do not raise: the returned summary
        lists them. Returns a dict: ``documents`` (imported),
        ``documents_already_present``, ``mentions``, ``errors`` (a list of
        "FILE:LINE: message", at most ``max_errors``), ``error_count``,
        ``notes`` (files passed over in directories), ``files``,
        ``files_skipped``, ``documents_read``, ``bytes_read``, ``seconds``,
        ``compacted`` and ``bulk``.
        """
        if isinstance(paths, (str, bytes, _os.PathLike)):
            paths = [paths]
        o = _core.FileImportOptions()
        o.format = format
        o.source = _source_options(
            extractor,
            lexicon,
            extractor_timeout,
            max_document_bytes=max_document_bytes,
            max_sentence_bytes=max_sentence_bytes,
            max_html_depth=max_html_depth,
        )
        o.published = _time_text(published, "published")
        o.bulk = None if bulk is None else bool(bulk)
        o.max_errors = _count(max_errors, "max_errors")
        return self._handle.import_files([_os.fspath(p) for p in paths], o)

    def import_text(
        self,
        text,
        *,
        title="",
        published=None,
        url="",
        outlet="",
        source="",
        extractor=None,
        lexicon=None,
    ):
        """Extracts the claims of one article and stores it.

        ``published`` is the time the claims were made unless the text dates
        them. ``source`` is where the text came from (default
        "text:<document id>"). Importing the same text twice stores it once.
        Returns the summary of :meth:`import_files` for one document; an
        article the extractor or the store refuses is in ``errors`` as
        "SOURCE: message".
        """
        o = _core.TextImportOptions()
        o.title = title or ""
        o.published = _time_text(published, "published")
        o.url = url or ""
        o.outlet = outlet or ""
        o.source = source or ""
        o.extraction = _source_options(extractor, lexicon, 60)
        return self._handle.import_text(str(text), o)

    # ------------------------------------------------------------ claims

    def claims(self, *, document=None, as_dataframe=False, **filters):
        """The claim mentions in view, one dict each: the fields of a
        ``stancegraph export claims`` line (``claim_id``, ``holder``,
        ``polarity``, ``proposition``, ``doc``, ``made``, ``confidence``,
        ``spans``, ``hedged``, ``conditional``, ...), plus ``quote`` (the
        sentence, when the document's text is stored) and ``sequence``.

        Takes the filters of the module docstring, and ``document`` (a
        document id, or its source or URL as imported). Returns an iterator
        that reads the store as of this call, a batch at a time; with
        ``as_dataframe=True`` a pandas DataFrame of all of them.
        """
        q = _core.ClaimQuery()
        q.filter = _filter_spec(filters)
        q.document = "" if document is None else str(document)
        rows = self._handle.claims(q)
        return to_dataframe(rows) if as_dataframe else rows

    # ------------------------------------------------------------ questions

    def contradictions(
        self,
        *,
        level="auto",
        by_concept=False,
        as_stated=False,
        evidence=1,
        new_since=None,
        as_dataframe=False,
        **filters,
    ):
        """Holders taking opposite positions on a proposition
        (``stancegraph query contradictions``).

        Each dict has ``proposition`` ({id, text}), ``for`` and ``against``
        (sides: holder, claims, speakers, evidence quotes), ``pairs``,
        ``self_contradicting``, ``level`` and ``holder_level``. ``level`` reads
        holders as named ("person", the default for "auto"), or as the
        "organisation" or "state" they spoke for. ``by_concept`` adds
        contradictions across the propositions of one concept; ``as_stated``
        reads propositions as worded, without paraphrase links; ``evidence``
        is the quotes per holder and side; ``new_since`` keeps what mentions
        ingested at or after that time touch (the CLI's --since).
        """
        o = self._options(filters, level=level, by_concept=by_concept, as_stated=as_stated,
                          evidence=evidence, new_since=new_since)
        return _rows(self._handle.contradictions(o), as_dataframe)

    def changes(
        self,
        *,
        level="auto",
        as_stated=False,
        evidence=1,
        new_since=None,
        as_dataframe=False,
        **filters,
    ):
        """Holders reversing themselves (``stancegraph query changes``).

        Each dict has ``holder``, ``proposition``, ``level`` and the runs
        ``from`` and ``to`` (polarity, times, mentions, evidence). With
        ``level="auto"`` each reversal is reported at the most specific level
        that holds it (a person, else their organisation, else their state).
        Other options as in :meth:`contradictions`.
        """
        o = self._options(filters, level=level, as_stated=as_stated, evidence=evidence,
                          new_since=new_since)
        return _rows(self._handle.changes(o), as_dataframe)

    def agreements(
        self,
        *,
        involving=None,
        normalise="none",
        min_count=1,
        level="auto",
        by_concept=False,
        as_stated=False,
        as_dataframe=False,
        **filters,
    ):
        """Who sides with whom, and how often (``stancegraph query
        agreements``): dicts ``a``, ``b`` ({id, name}), ``agree``,
        ``conflict``, ``weight``, ``first_time``, ``last_time``, heaviest
        first. ``involving`` keeps the pairs with one of these holders (the
        CLI's --with); ``normalise`` is "none", "jaccard" or "cosine";
        ``min_count`` the fewest shared propositions on a pair."""
        o = self._options(filters, level=level, by_concept=by_concept, as_stated=as_stated,
                          normalise=normalise, min_count=min_count, involving=involving)
        return _rows(self._handle.agreements(o), as_dataframe)

    def coalitions(
        self,
        *,
        min_size=2,
        min_count=1,
        normalise="none",
        level="auto",
        by_concept=False,
        as_stated=False,
        as_dataframe=False,
        **filters,
    ):
        """Groups of holders joined by agreement (``stancegraph query
        coalitions``): dicts ``coalition`` (1, 2, ...), ``size``,
        ``internal_agree`` and ``members`` ([{id, name}]), largest first."""
        o = self._options(filters, level=level, by_concept=by_concept, as_stated=as_stated,
                          normalise=normalise, min_count=min_count, min_size=min_size)
        return _rows(self._handle.coalitions(o), as_dataframe)

    def actors(
        self,
        *,
        betweenness=True,
        min_count=1,
        normalise="none",
        level="auto",
        by_concept=False,
        as_stated=False,
        as_dataframe=False,
        **filters,
    ):
        """Key actors by betweenness and degree centrality (``stancegraph
        query actors``): dicts ``holder``, ``betweenness``, ``degree``,
        ``strength``, ``agree_edges``, ``conflict_edges``, most central
        first. ``betweenness=False`` skips the costly part on large views."""
        o = self._options(filters, level=level, by_concept=by_concept, as_stated=as_stated,
                          normalise=normalise, min_count=min_count, betweenness=betweenness)
        return _rows(self._handle.actors(o), as_dataframe)

    def network(
        self,
        kind="signed",
        *,
        normalise="none",
        min_count=1,
        keep_isolated=False,
        level="auto",
        by_concept=False,
        as_stated=False,
        as_networkx=None,
        **filters,
    ):
        """A graph view (``stancegraph export network``): ``kind`` is
        "agreement", "conflict", "signed" or "bipartite".

        Holder networks have one node per holder (keyed by id; attributes
        ``name``, ``type``, ``propositions``) and edges with ``agree``,
        ``conflict``, ``weight``, ``sign``, ``first_time``, ``last_time``.
        The bipartite network has holder nodes "h:<id>" and proposition
        nodes "p:<id>" (attribute ``part``, and ``bipartite`` 0 or 1 as
        networkx's bipartite algorithms expect) and one edge per claim with
        its ``polarity`` and ``mentions`` (a ``networkx.MultiGraph``: a holder
        who took both sides of a proposition has two edges to it).

        Returns a ``networkx.Graph`` when networkx is installed (or when
        ``as_networkx=True``: ImportError without it), else a dict
        ``{"kind", "nodes": [...], "edges": [...]}`` of the same data
        (``as_networkx=False`` always returns the dict).
        """
        o = self._options(filters, level=level, by_concept=by_concept, as_stated=as_stated,
                          normalise=normalise, min_count=min_count, kind=kind,
                          keep_isolated=keep_isolated)
        net = self._handle.network(o)
        if as_networkx is False:
            return net
        try:
            import networkx
        except ImportError:
            if as_networkx:
                _need("networkx", "python3-networkx", "network graphs")
            return net
        return _to_networkx(networkx, net)

    def _options(self, filters, **options):
        """The QuestionOptions of a question: its filters, and its own
        keywords converted as _QUESTION_OPTIONS says, in the order given
        (the first bad one raises); the ones not given keep the engine's
        defaults, which are the signatures' defaults."""
        o = _core.QuestionOptions()
        o.filter = _filter_spec(filters)
        for name, value in options.items():
            setattr(o, name, _QUESTION_OPTIONS[name](value, name))
        return o


# ---------------------------------------------------------------- helpers


def _need(module, package, what):
    try:
        return __import__(module)
    except ImportError as e:
        raise ImportError(
            f"{what} need {module}, which is not installed (Debian: apt-get install {package})"
        ) from e


def _rows(rows, as_dataframe):
    return to_dataframe(rows) if as_dataframe else rows


def _count(value, name):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidArgument(f"{name}: expected a whole number >= 0, got {value!r}")
    return value


def _names(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _time_text(value, name):
    """The engine's text form of a time argument; "" for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, _datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_datetime.timezone.utc)
        value = value.astimezone(_datetime.timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value))
    raise InvalidArgument(
        f"{name}: expected a datetime, a date, Unix seconds or text, got {type(value).__name__}"
    )


# The question keywords beside the filters: how each becomes the
# QuestionOptions field of its name (python/src/questions.h).
_QUESTION_OPTIONS = {
    "level": lambda value, name: str(value),
    "by_concept": lambda value, name: bool(value),
    "as_stated": lambda value, name: bool(value),
    "evidence": _count,
    "new_since": _time_text,
    "normalise": lambda value, name: str(value),
    "min_count": _count,
    "min_size": _count,
    "betweenness": lambda value, name: bool(value),
    "involving": lambda value, name: _names(value),
    "kind": lambda value, name: str(value),
    "keep_isolated": lambda value, name: bool(value),
}


def _filter_spec(filters):
    unknown = sorted(set(filters) - set(_FILTERS))
    if unknown:
        raise TypeError(
            f"unexpected keyword argument {unknown[0]!r}; filters are {', '.join(_FILTERS)}"
        )
    f = _core.FilterSpec()
    f.holders = _names(filters.get("holder"))
    f.propositions = _names(filters.get("proposition"))
    f.types = _names(filters.get("type"))
    f.since = _time_text(filters.get("since"), "since")
    f.until = _time_text(filters.get("until"), "until")
    f.concept = filters.get("concept") or ""
    f.outlet = filters.get("outlet") or ""
    confidence = filters.get("min_confidence")
    if confidence is not None:
        if not 0 <= float(confidence) <= 1:
            raise InvalidArgument(f"min_confidence: expected 0 to 1, got {confidence!r}")
        f.min_confidence = float(confidence)
    for flag in ("hedged", "conditional"):
        value = filters.get(flag) or "include"
        if value not in ("include", "exclude", "only"):
            raise InvalidArgument(f"{flag}: expected include, exclude or only, got {value!r}")
        setattr(f, flag, value)
    return f


def _default_lexicon_dir():
    """The shipped lexicons for the built-in extractor: the engine reads
    $STANCEGRAPH_LEXICON_DIR itself; otherwise share/stancegraph/lexicons of
    the build tree this package sits in (build/python/stancegraph)."""
    if _os.environ.get("STANCEGRAPH_LEXICON_DIR"):
        return ""
    here = _os.path.dirname(_os.path.abspath(__file__))
    candidate = _os.path.join(here, "..", "..", "share", "stancegraph", "lexicons")
    return _os.path.normpath(candidate) if _os.path.isdir(candidate) else ""


def _source_options(extractor, lexicon, timeout, **limits):
    """SourceOptions; ``limits`` (max_document_bytes, ...) that are None
    keep the engine's defaults."""
    s = _core.SourceOptions()
    s.extractor_command = extractor or ""
    s.lexicon_dir = _os.fspath(lexicon) if lexicon else _default_lexicon_dir()
    s.extractor_timeout_seconds = _count(timeout, "extractor_timeout")
    for name, value in limits.items():
        if value is not None:
            setattr(s, name, _count(value, name))
    return s


def _to_networkx(networkx, net):
    multi = net["kind"] == "bipartite"
    g = (networkx.MultiGraph if multi else networkx.Graph)(kind=net["kind"])
    for node in net["nodes"]:
        attrs = {k: v for k, v in node.items() if k != "id"}
        if "part" in attrs:
            attrs["bipartite"] = 0 if attrs["part"] == "holder" else 1
        g.add_node(node["id"], **attrs)
    for edge in net["edges"]:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target")}
        g.add_edge(edge["source"], edge["target"], **attrs)
    return g
