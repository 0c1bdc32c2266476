#!/usr/bin/env python3
"""Print every gold mention of a held-out document in context (for review)."""
import json, sys, os
d = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "written-regression")
for stem in sys.argv[1:]:
    g = json.load(open(os.path.join(d, stem + ".gold.json"), encoding="utf-8"))
    t = open(os.path.join(d, g["doc"]), encoding="utf-8").read()
    for m in g["mentions"]:
        s, e = m["start"], m["end"]
        print(f"{s:5d} {m['entity']:40s} ..{t[max(0,s-25):s]}[[{t[s:e]}]]{t[e:e+15]}..".replace("\n", "⏎"))
