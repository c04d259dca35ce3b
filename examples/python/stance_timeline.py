#!/usr/bin/env python3
"""Draws one holder's stance timeline from a stancegraph store as a PNG.

Each row of the picture is a proposition the holder took a side on; each
mark is one mention at the time it was made: green for, red against, grey a
neutral report. A reversal shows as a row changing colour.

    PYTHONPATH=build/python python3 examples/python/stance_timeline.py \\
        --db claims.db --holder "Poland" --out poland.png

Needs matplotlib (Debian: python3-matplotlib); without it the script says so
and exits without drawing.
"""

import argparse
import sys

import stancegraph

COLOURS = {1: "#1a9850", -1: "#d73027", 0: "#999999"}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="store directory")
    p.add_argument("--holder", required=True, help="holder name, alias or id")
    p.add_argument("--out", default="timeline.png", help="PNG to write (default: timeline.png)")
    p.add_argument("--since", help="only claims made at or after this time")
    p.add_argument("--until", help="only claims made before this time")
    p.add_argument("--max-propositions", type=int, default=25,
                   help="draw the propositions with the most mentions (default: 25)")
    return p.parse_args(argv)


def collect(store, args):
    """(proposition text -> [(time, polarity)]) of the holder's dated mentions."""
    from datetime import datetime

    rows = {}
    for c in store.claims(holder=args.holder, since=args.since, until=args.until):
        if not c.get("made"):
            continue  # no time, no place on a timeline
        made = datetime.fromisoformat(c["made"].replace("Z", "+00:00"))
        rows.setdefault(c["proposition"]["text"], []).append((made, c["polarity"]))
    ranked = sorted(rows.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return dict(ranked[: args.max_propositions])


def draw(pyplot, holder, rows, out):
    labels = list(rows)
    fig, ax = pyplot.subplots(figsize=(10, 1.2 + 0.45 * len(labels)))
    for y, label in enumerate(labels):
        points = sorted(rows[label])
        times = [t for t, _ in points]
        ax.plot(times, [y] * len(times), color="#dddddd", zorder=1)
        ax.scatter(times, [y] * len(times), c=[COLOURS[p] for _, p in points], s=60, zorder=2)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels([t if len(t) <= 60 else t[:57] + "..." for t in labels])
    ax.invert_yaxis()
    ax.set_title(f"{holder}: stance over time (green for, red against)")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=100)
    pyplot.close(fig)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        from matplotlib import pyplot
    except ImportError:
        print("stance_timeline: matplotlib is not installed (Debian: apt-get install "
              "python3-matplotlib); nothing drawn", file=sys.stderr)
        return 0
    try:
        with stancegraph.open(args.db, read_only=True) as store:
            rows = collect(store, args)
    except stancegraph.Error as e:
        print(f"stance_timeline: {e}", file=sys.stderr)
        return 1
    if not rows:
        print(f"stance_timeline: {args.holder} has no dated claims in this view",
              file=sys.stderr)
        return 1
    draw(pyplot, args.holder, rows, args.out)
    mentions = sum(len(v) for v in rows.values())
    print(f"wrote {args.out}: {mentions} mention{'s' * (mentions != 1)} on "
          f"{len(rows)} proposition{'s' * (len(rows) != 1)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
