#!/usr/bin/env python3
"""Build held-out gold files from compact annotation specs.

Usage:
  python3 scripts/heldout/make-gold.py [--review] [STEM ...]

For every spec scripts/heldout/specs/<stem>.json this reads
test/fixtures/written-regression/<stem>.txt and writes test/fixtures/written-regression/<stem>.gold.json.

Spec shape:
  {
    "doc": "<stem>.txt",
    "exclude": [{"from": "References\\n", "to": null}],   # regions never annotated
    "entities": [{"id", "type", "name", "aliases": [...], "country", "note"?}],
    "pins": [{"context": "...", "text": "...", "entity": "<id>" | null}],
    "relations": [[subject, predicate, object, evidence, note?], ...]
  }

Mentions: every occurrence of every alias, case-sensitive, at word boundaries,
scanning left to right and taking the longest alias at each position (so nested
names are not double-marked). An alias shared by two entities must be resolved by
a pin: the occurrence of `text` inside the (unique) `context` string is assigned to
`entity` (null = not a mention). Pins can also drop or reassign unambiguous hits.

Evidence: verbatim sentence; or "~substring", expanded to the enclosing sentence.
Offsets are JavaScript string indices (UTF-16 code units).
"""
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPECS = os.path.join(ROOT, "scripts", "heldout", "specs")
OUT = os.path.join(ROOT, "test", "fixtures", "written-regression")

TYPES = {"Person", "Organization", "Agreement", "Law", "Case", "Program", "Event", "Place"}
PREDICATES = {"MEMBER_OF", "LEADS", "WORKS_FOR", "PARTY_TO", "SIGNED", "ESTABLISHED", "FUNDS",
              "COOPERATES_WITH", "OPPOSES", "SUPPORTS", "FILED", "TARGETS", "PARTICIPATED_IN",
              "LOCATED_IN", "PART_OF", "SUCCEEDED_BY"}
COUNTRIES = {"US", "MX", "CA", "INTL", None}
SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"
ABBREV = {"U.S", "D.C", "Inc", "No", "Mr", "Ms", "Dr", "St", "MA", "Jr", "vs", "e.g", "i.e"}


class SpecError(Exception):
    pass


def is_word(ch):
    return ch.isalnum()


def utf16(text, i, cache={}):
    key = id(text)
    if key not in cache or cache[key][0] is not text:
        prefix = [0]
        n = 0
        for ch in text:
            n += 2 if ord(ch) > 0xFFFF else 1
            prefix.append(n)
        cache[key] = (text, prefix)
    return cache[key][1][i]


def find_unique(text, needle, what):
    first = text.find(needle)
    if first < 0:
        raise SpecError(f"{what} not found: {needle!r}")
    if text.find(needle, first + 1) >= 0:
        raise SpecError(f"{what} not unique: {needle!r}")
    return first


def sentence_around(text, start, end):
    def is_boundary(j):  # a sentence starts at j
        if j <= 0:
            return True
        if text[j - 1] == "\n":
            return True
        if text[j - 1] == " " and j >= 2 and text[j - 2] in ".?!”\"" + SUP:
            k = j - 2
            while k > 0 and text[k] in SUP:
                k -= 1
            if text[k] in "”\"":
                k -= 1
            if text[k] not in ".?!":
                return False
            tok = re.search(r"(\S+)$", text[:k])
            if tok and tok.group(1) in ABBREV:
                return False
            return True
        return False

    s = start
    while not is_boundary(s):
        s -= 1
    e = end
    while e < len(text):
        if text[e] == "\n":
            break
        if is_boundary(e + 1) and text[e] == " ":
            break
        e += 1
    while text[s:s + 2] in ("• ", "- ") or (text[s] in SUP and text[s + 1] == " "):
        s += 2
    return text[s:e].rstrip().rstrip(SUP)


def build(stem, review=False):
    spec = json.load(open(os.path.join(SPECS, stem + ".json"), encoding="utf-8"))
    doc = spec["doc"]
    text = open(os.path.join(OUT, doc), encoding="utf-8").read()

    excluded = []
    for ex in spec.get("exclude", []):
        a = find_unique(text, ex["from"], "exclude.from")
        b = len(text) if ex.get("to") is None else text.find(ex["to"], a + len(ex["from"]))
        if b < 0:
            raise SpecError(f"exclude.to not found: {ex['to']!r}")
        excluded.append((a, b))

    ents = spec["entities"]
    ids = set()
    alias_map = {}
    for e in ents:
        if e["id"] in ids:
            raise SpecError(f"duplicate id {e['id']}")
        ids.add(e["id"])
        if e["type"] not in TYPES:
            raise SpecError(f"bad type {e['type']} for {e['id']}")
        if e.get("country", None) not in COUNTRIES:
            raise SpecError(f"bad country for {e['id']}")
        for a in e["aliases"]:
            alias_map.setdefault(a, []).append(e["id"])

    pins = []
    for p in spec.get("pins", []):
        c = find_unique(text, p["context"], "pin.context")
        off = p["context"].find(p["text"])
        if off < 0:
            raise SpecError(f"pin text {p['text']!r} not in its context")
        pins.append({"start": c + off, "end": c + off + len(p["text"]), "entity": p["entity"],
                     "used": False, "p": p})
        if p["entity"] is not None and p["entity"] not in ids:
            raise SpecError(f"pin to unknown entity {p['entity']}")

    aliases = sorted(alias_map, key=len, reverse=True)
    mentions = []
    i = 0
    n = len(text)
    while i < n:
        if any(a <= i < b for a, b in excluded):
            i += 1
            continue
        if i > 0 and is_word(text[i - 1]) and is_word(text[i]):
            i += 1
            continue
        hit = None
        for a in aliases:
            if text.startswith(a, i):
                j = i + len(a)
                if j < n and is_word(text[j]) and is_word(a[-1]):
                    continue
                if any(x < j and i < y for x, y in excluded):
                    continue
                hit = a
                break
        if hit is None:
            i += 1
            continue
        j = i + len(hit)
        pin = next((p for p in pins if p["start"] == i and p["end"] == j), None)
        if pin is not None:
            pin["used"] = True
            ent = pin["entity"]
        else:
            cands = alias_map[hit]
            if len(cands) > 1:
                ctx = text[max(0, i - 40):j + 40].replace("\n", " ")
                raise SpecError(f"ambiguous alias {hit!r} at {i} ({cands}); add a pin. ctx: {ctx!r}")
            ent = cands[0]
        if ent is not None:
            mentions.append({"start": i, "end": j, "text": hit, "entity": ent})
        i = j

    for p in pins:
        if not p["used"]:
            raise SpecError(f"pin never matched an alias occurrence: {p['p']}")

    # aliases = surface strings actually found, in order of first occurrence
    found = {}
    for m in mentions:
        found.setdefault(m["entity"], [])
        if m["text"] not in found[m["entity"]]:
            found[m["entity"]].append(m["text"])
    out_ents = []
    for e in ents:
        if e["id"] not in found:
            raise SpecError(f"entity {e['id']} has no mention")
        unused = [a for a in e["aliases"] if a not in found[e["id"]]]
        if unused:
            print(f"  warning: {e['id']}: aliases never used as mentions: {unused}", file=sys.stderr)
        o = {"id": e["id"], "type": e["type"], "name": e["name"], "aliases": found[e["id"]],
             "country": e.get("country")}
        if e.get("note"):
            o["note"] = e["note"]
        out_ents.append(o)

    rels = []
    seen = set()
    for r in spec["relations"]:
        s, p, o, ev = r[:4]
        note = r[4] if len(r) > 4 else None
        if s not in ids or o not in ids:
            raise SpecError(f"relation with unknown entity: {r}")
        if p not in PREDICATES:
            raise SpecError(f"bad predicate {p}")
        if s == o:
            raise SpecError(f"self relation {r}")
        if ev.startswith("~"):
            k = find_unique(text, ev[1:], "evidence substring")
            ev = sentence_around(text, k, k + len(ev) - 1)
        if ev not in text:
            raise SpecError(f"evidence not verbatim: {ev!r}")
        key = (s, p, o)
        if key in seen:
            raise SpecError(f"duplicate relation {key}")
        seen.add(key)
        rel = {"subject": s, "predicate": p, "object": o, "evidence": ev}
        if note:
            rel["note"] = note
        rels.append(rel)

    # convert offsets to UTF-16 code units and self-check
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"]
        m["start"], m["end"] = utf16(text, m["start"]), utf16(text, m["end"])

    gold = {"doc": doc, "entities": out_ents, "mentions": mentions, "relations": rels}
    path = os.path.join(OUT, stem + ".gold.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")

    by_type = {}
    for e in out_ents:
        by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    print(f"{stem}: {len(out_ents)} entities {by_type}, {len(mentions)} mentions, {len(rels)} relations")
    if review:
        for e in out_ents:
            ms = [m for m in mentions if m["entity"] == e["id"]]
            print(f"  {e['id']} [{e['type']}/{e['country']}] x{len(ms)}: {e['aliases']}")
        for r in rels:
            print(f"  REL {r['subject']} {r['predicate']} {r['object']}\n      {r['evidence']!r}")
    return gold


def main(argv):
    review = "--review" in argv
    stems = [a for a in argv if not a.startswith("--")]
    if not stems:
        stems = sorted(f[:-5] for f in os.listdir(SPECS) if f.endswith(".json"))
    ok = True
    for s in stems:
        try:
            build(s, review)
        except SpecError as e:
            ok = False
            print(f"{s}: ERROR {e}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
