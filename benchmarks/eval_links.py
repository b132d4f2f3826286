"""How well wres links a trust's successive plans (not a test): prints the figures.

    .venv/bin/python benchmarks/eval_links.py [--calibrate]

Ingests the plans named by each ``samples/gold-links/*.json`` (from ``samples/docs``, with
the sample manifest) into a new SQLite file, so links are made exactly as ``wres ingest``
makes them, then scores the stored chains against the hand-written gold chains (see
``db/link_eval.py``): link precision and recall, chain outcomes right, chains exact.

``--calibrate`` also scores every pair of actions of successive plans and, for each
candidate threshold, the precision and recall the one-to-one assignment would give: the
threshold in ``db/link_text.py`` is the middle of the widest range with the best F1.

``--background`` rewrites ``db/link_words.json``: in how many action texts of the sample
specs that are not linked plans (``samples/specs/*.json`` but ``linked-*``) each word occurs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

from sqlalchemy import select

from wres.db import link_text
from wres.db.engine import make_engine
from wres.db.link_eval import gold_chains, links_of, score, stored_chains
from wres.db.links import _actions_of, plans_in_order
from wres.db.models import Action, Document, Plan
from wres.db.track_query import find_trust, trust_links
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[1]


def ingest(golds: list[dict], docs: Path, manifest: Path, db: str) -> None:
    files = [docs / name for gold in golds for name in gold["plans"]]
    report = run_batch(files, db, read_manifest(manifest), BatchOptions(workers=0))
    failed = [o for o in report.outcomes if o.state != "ingested"]
    if failed:
        sys.exit(f"could not ingest: {failed}")


def labelled_pairs(db: str, gold: dict) -> list[tuple[float, bool, tuple, tuple]]:
    """(score, is a gold link, old key, new key) for every pair of successive plans."""
    gold_links = links_of(gold_chains(gold))
    with make_engine(db).connect() as connection:
        trust_id, _ = find_trust(connection, gold["trust"])
        plans = plans_in_order(connection, trust_id)
        actions = _actions_of(connection, [p.id for p in plans])
        keys = {row.id: (row.source_file, row.ref) for row in connection.execute(
            select(Action.id, Action.ref, Document.source_file)
            .join(Plan, Plan.id == Action.plan_id).join(Document, Document.id == Plan.document_id)
            .where(Plan.trust_id == trust_id))}
    pairs = []
    for old, new in pairwise(plans):
        for match in link_text.score_pairs([a.item for a in actions[old.id]],
                                           [a.item for a in actions[new.id]]):
            pair = (keys[match.old], keys[match.new])
            pairs.append((match.score, pair in gold_links, *pair))
    return pairs


def calibrate(pairs: list[tuple[float, bool, tuple, tuple]]) -> None:
    """P/R/F1 of the assignment at each candidate threshold; the best range's middle."""
    positives = sum(is_gold for _, is_gold, _, _ in pairs)
    print("\nlabelled pairs (score, gold?) above 0.15 or gold:")
    for value, is_gold, old, new in sorted(pairs, reverse=True):
        if value >= 0.15 or is_gold:
            print(f"  {value:.3f} {'LINK' if is_gold else '    '} {old} -> {new}")
    results = []
    for threshold in [round(0.05 + 0.01 * i, 2) for i in range(70)]:
        chosen = _assign(pairs, threshold)
        right = sum(is_gold for is_gold in chosen)
        precision = right / len(chosen) if chosen else 1.0
        recall = right / positives if positives else 1.0
        f1 = 2 * precision * recall / (precision + recall) if right else 0.0
        results.append((threshold, precision, recall, f1))
    best = max(r[3] for r in results)
    top = [r[0] for r in results if r[3] == best]
    print(f"\nbest F1 {best:.3f} for thresholds {top[0]:.2f} to {top[-1]:.2f}; "
          f"middle {(top[0] + top[-1]) / 2:.3f} (in use: {link_text.LINK_THRESHOLD})")
    for threshold, precision, recall, f1 in results[::5]:
        print(f"  threshold {threshold:.2f}: precision {precision:.3f} recall {recall:.3f} "
              f"F1 {f1:.3f}")


def _assign(pairs: list, threshold: float) -> list[bool]:
    taken_old, taken_new, chosen = set(), set(), []
    for value, is_gold, old, new in sorted(pairs, key=lambda p: (-p[0], p[2], p[3])):
        if value >= threshold and old not in taken_old and new not in taken_new:
            taken_old.add(old)
            taken_new.add(new)
            chosen.append(is_gold)
    return chosen


def write_background(specs: Path, target: Path) -> None:
    """Word -> number of action texts holding it, over the specs that are not linked plans
    (so the linked samples and the tests' trusts never weigh their own words)."""
    import re
    import unicodedata
    from collections import Counter

    texts = [action["action"] for path in sorted(specs.glob("*.json"))
             if not path.name.startswith("linked-")
             for action in json.loads(path.read_text(encoding="utf-8"))["actions"]]
    counts: Counter[str] = Counter()
    for text in texts:
        lowered = unicodedata.normalize("NFKC", text).lower()
        for pattern, token in link_text.PHRASES:
            lowered = re.sub(rf"\b(?:{pattern})(?!\w)", token, lowered)
        counts.update({w for w in re.findall(r"[a-z0-9]+", lowered)
                       if w not in link_text.STOPWORDS})
    data = {"documents": len(texts), "words": dict(sorted(counts.items()))}
    target.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(counts)} words from {len(texts)} action texts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold-links", type=Path, default=ROOT / "samples" / "gold-links")
    parser.add_argument("--docs", type=Path, default=ROOT / "samples" / "docs")
    parser.add_argument("--manifest", type=Path, default=ROOT / "samples" / "manifest.csv")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--background", action="store_true",
                        help="rewrite db/link_words.json from samples/specs first")
    args = parser.parse_args()
    if args.background:
        write_background(ROOT / "samples" / "specs", link_text.BACKGROUND_FILE)
    golds = [json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(args.gold_links.glob("*.json"))]
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "links.db")
        ingest(golds, args.docs, args.manifest, db)
        all_gold, all_found, pairs = [], [], []
        for gold in golds:
            found = stored_chains(trust_links(db, gold["trust"]))
            figures = score(gold_chains(gold), found)
            _print(gold["trust"], figures)
            all_gold += gold_chains(gold)
            all_found += found
            if args.calibrate:
                pairs += labelled_pairs(db, gold)
        _print("TOTAL", score(all_gold, all_found))
        if args.calibrate:
            calibrate(pairs)


def _print(name: str, figures: dict) -> None:
    print(f"{name}: links precision {figures['precision']:.3f} "
          f"({figures['right_links']}/{figures['found_links']}), recall "
          f"{figures['recall']:.3f} ({figures['right_links']}/{figures['gold_links']}); "
          f"chain outcomes right {figures['outcome_accuracy']:.3f} "
          f"({figures['outcomes_right']}/{figures['chains']}); chains exact "
          f"{figures['chains_exact']}/{figures['chains']}")
    for kind in ("wrong_links", "missed_links"):
        for old, new in figures[kind]:
            print(f"    {kind.replace('_', ' ')}: {old} -> {new}")


if __name__ == "__main__":
    main()
