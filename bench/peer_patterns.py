#!/usr/bin/env python3
"""Exports the recommended pack's target phrases and patterns for peer tools.

    bench/peer_patterns.py rg OUT      # one RE2-compatible regex per line, for `rg -f`
    bench/peer_patterns.py prh OUT     # a textlint prh dictionary (YAML)

Only the targets that trigger findings are exported (red flags, risky
self-treatment), not the context cues: peers cannot read context, which is
the point of the comparison.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


def phrase_regex(phrase):
    return r"\b" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"\b"


def targets():
    for name in ("self-treatment.yaml", "safety-escalation.yaml"):
        pack = yaml.safe_load((ROOT / "rules" / "medical" / name).read_text())
        for rule in pack["rules"]:
            options = rule["options"]
            # Rules of other kinds (the advice frames) have no target list.
            for group in options.get("targets") or options.get("triggers") or []:
                yield from group.get("patterns", [])
                yield from (phrase_regex(p) for p in group.get("phrases", []))


def main():
    kind, out = sys.argv[1], pathlib.Path(sys.argv[2])
    patterns = list(targets())
    if kind == "rg":
        # ASCII classes, as medlint's RE2 uses: Unicode \w makes rg's automata huge.
        out.write_text("\n".join("(?-u)" + p for p in patterns) + "\n")
    elif kind == "prh":
        rules = [{"expected": "(medlint)", "pattern": f"/{p}/i"} for p in patterns]
        out.write_text(yaml.safe_dump({"version": 1, "rules": rules}, sort_keys=False))
    else:
        sys.exit(f"unknown kind {kind}")
    print(f"{len(patterns)} patterns -> {out}")


if __name__ == "__main__":
    main()
