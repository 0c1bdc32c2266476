#!/usr/bin/env python3
"""Build test/fixtures/written-dev/<stem>.gold.json from compact specs in scripts/devset/specs/<stem>.json.

A spec names the entities (with every surface alias), the relations (evidence = the sentence,
verbatim, or a unique prefix ending in "..." that is expanded to the end of its sentence),
and optional fixes:
  "exclude_after": marker  - ignore every occurrence from this marker on (reference lists)
  "exclude": [str]         - ignore occurrences inside any occurrence of these strings (citations)
  "skip":   [{"text", "context"}]            - do not mark the occurrence of text inside context
  "assign": [{"text", "context", "entity"}]  - mark that occurrence as another entity
Mentions are every word-bounded occurrence of every alias (case-sensitive), longest match first,
non-overlapping. Offsets are JavaScript string indices (UTF-16 code units); the script refuses
documents with characters outside the BMP so Python indices equal JS indices.

Checks: text === doc.slice(start, end); every alias and entity has a mention; relation ends are
entities; predicates are known; evidence occurs verbatim in the document; no duplicate triples.

Usage: python3 scripts/devset/make-gold.py [--report] [stem ...]
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / 'scripts' / 'devset' / 'specs'
OUT = ROOT / 'test' / 'fixtures' / 'written-dev'
TYPES = {'Person', 'Organization', 'Agreement', 'Law', 'Case', 'Program', 'Event', 'Place'}
PREDICATES = {'MEMBER_OF', 'LEADS', 'WORKS_FOR', 'PARTY_TO', 'SIGNED', 'ESTABLISHED', 'FUNDS',
              'COOPERATES_WITH', 'OPPOSES', 'SUPPORTS', 'FILED', 'TARGETS', 'PARTICIPATED_IN',
              'LOCATED_IN', 'PART_OF', 'SUCCEEDED_BY'}
COUNTRIES = {'US', 'MX', 'CA', 'INTL', None}
ABBREV = re.compile(r'(?:\b[A-Z]\.|\bU\.S\.|\bD\.C\.|\bJr\.|\bRep\.|\bSen\.|\bNo\.|\bInc\.|\bS\.A\.|\bC\.V\.|\bvs\.)$')


def fail(msg):
    raise SystemExit(f'make-gold: {msg}')


def unique_index(doc, sub, what):
    i = doc.find(sub)
    if i < 0:
        fail(f'{what}: not found: {sub!r}')
    if doc.find(sub, i + 1) >= 0:
        fail(f'{what}: not unique: {sub!r}')
    return i


def expand_sentence(doc, prefix, what):
    """Unique prefix ... -> the full sentence (ends at . ! ? (+ closing quote) before space/newline/EOF, or at a newline)."""
    start = unique_index(doc, prefix, what)
    i = start + len(prefix)
    while i < len(doc):
        ch = doc[i]
        if ch == '\n':
            return doc[start:i].rstrip()
        if ch in '.!?':
            j = i + 1
            while j < len(doc) and doc[j] in '”’")¹²³⁴⁵':
                j += 1
            if j >= len(doc) or doc[j] in ' \n':
                if not (ch == '.' and ABBREV.search(doc[start:i + 1]) and j < len(doc) and doc[j] == ' '):
                    return doc[start:j]
        i += 1
    return doc[start:]


def build(stem, report=False):
    spec = json.loads((SPECS / f'{stem}.json').read_text(encoding='utf-8'))
    doc_name = spec['doc']
    doc = (OUT / doc_name).read_text(encoding='utf-8')
    if any(ord(c) > 0xFFFF for c in doc):
        fail(f'{doc_name}: characters outside the BMP; offsets would differ from JavaScript')
    entities = []
    alias_owner = {}
    for row in spec['entities']:
        eid, etype, name, aliases, country = row[:5]
        note = row[5] if len(row) > 5 else None
        if etype not in TYPES:
            fail(f'{eid}: bad type {etype}')
        if country not in COUNTRIES:
            fail(f'{eid}: bad country {country}')
        if not eid.startswith(etype.lower()[:3]) and not eid.startswith(etype.lower()):
            fail(f'{eid}: id prefix does not match type {etype}')
        ent = {'id': eid, 'type': etype, 'name': name, 'aliases': aliases, 'country': country}
        if note:
            ent['note'] = note
        entities.append(ent)
        for a in aliases:
            if a in alias_owner:
                fail(f'alias {a!r} used by {alias_owner[a]} and {eid}; use "assign" instead')
            alias_owner[a] = eid
    ids = {e['id'] for e in entities}
    if len(ids) != len(entities):
        fail(f'{doc_name}: duplicate entity ids')

    # excluded regions
    limit = len(doc)
    if spec.get('exclude_after'):
        limit = unique_index(doc, spec['exclude_after'], 'exclude_after')
    excluded = []
    for sub in spec.get('exclude', []):
        found = [m.start() for m in re.finditer(re.escape(sub), doc)]
        if not found:
            fail(f'exclude not found: {sub!r}')
        excluded += [(s, s + len(sub)) for s in found]

    # candidates: longest first, then leftmost; non-overlapping
    cands = []
    for alias, eid in alias_owner.items():
        for m in re.finditer(r'(?<!\w)' + re.escape(alias) + r'(?!\w)', doc):
            s, e = m.start(), m.end()
            if s >= limit or any(a <= s < b for a, b in excluded):
                continue
            cands.append((s, e, alias, eid))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = []
    for c in cands:
        if all(c[1] <= t[0] or t[1] <= c[0] for t in taken):
            taken.append(c)
    mentions = {s: {'start': s, 'end': e, 'text': doc[s:e], 'entity': eid} for s, e, _, eid in taken}

    for fix in spec.get('skip', []):
        base = unique_index(doc, fix['context'], 'skip context')
        s = base + unique_index(fix['context'], fix['text'], 'skip text in context')
        if s not in mentions or mentions[s]['text'] != fix['text']:
            fail(f'skip: no mention {fix["text"]!r} in {fix["context"]!r}')
        del mentions[s]
    for fix in spec.get('assign', []):
        base = unique_index(doc, fix['context'], 'assign context')
        s = base + unique_index(fix['context'], fix['text'], 'assign text in context')
        if fix['entity'] not in ids:
            fail(f'assign: unknown entity {fix["entity"]}')
        if s in mentions and mentions[s]['text'] == fix['text']:
            mentions[s]['entity'] = fix['entity']
        else:  # an occurrence not produced by the aliases (must not overlap another mention)
            e = s + len(fix['text'])
            if any(m['start'] < e and s < m['end'] for m in mentions.values()):
                fail(f'assign: {fix["text"]!r} overlaps another mention')
            mentions[s] = {'start': s, 'end': e, 'text': fix['text'], 'entity': fix['entity']}
    mentions = sorted(mentions.values(), key=lambda m: m['start'])

    for m in mentions:
        assert doc[m['start']:m['end']] == m['text']
    used = {(m['entity'], m['text']) for m in mentions}
    for e in entities:
        for a in e['aliases']:
            if (e['id'], a) not in used:
                fail(f'{doc_name}: alias {a!r} of {e["id"]} has no mention')

    relations = []
    seen = set()
    for row in spec['relations']:
        subj, pred, obj, ev = row[:4]
        note = row[4] if len(row) > 4 else None
        if pred not in PREDICATES:
            fail(f'bad predicate {pred}')
        for x in (subj, obj):
            if x not in ids:
                fail(f'relation end {x} is not an entity')
        if ev.endswith('...'):
            ev = expand_sentence(doc, ev[:-3], f'evidence of {subj} {pred} {obj}')
        if ev not in doc:
            fail(f'evidence not verbatim: {ev!r}')
        key = (subj, pred, obj)
        if key in seen or (pred == 'COOPERATES_WITH' and (obj, pred, subj) in seen):
            fail(f'duplicate relation {key}')
        seen.add(key)
        rel = {'subject': subj, 'predicate': pred, 'object': obj, 'evidence': ev}
        if note:
            rel['note'] = note
        relations.append(rel)

    gold = {'doc': doc_name, 'entities': entities, 'mentions': mentions, 'relations': relations}
    out = OUT / f'{Path(doc_name).stem}.gold.json'
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    print(f'{out.relative_to(ROOT)}: {len(entities)} entities, {len(mentions)} mentions, {len(relations)} relations')
    if report:
        counts = {}
        for m in mentions:
            counts[m['entity']] = counts.get(m['entity'], 0) + 1
        for e in entities:
            print(f'  {counts.get(e["id"], 0):3d}  {e["id"]}')
        # capitalised words not covered by a mention: review aid for missed names
        covered = [False] * len(doc)
        for m in mentions:
            for i in range(m['start'], m['end']):
                covered[i] = True
        loose = {}
        for w in re.finditer(r'[A-ZÁÉÍÓÚÑ][\w’\'-]*', doc[:limit]):
            if not covered[w.start()]:
                loose[w.group()] = loose.get(w.group(), 0) + 1
        print('  uncovered capitalised:', ' '.join(sorted(loose)))
        for r in relations:
            print(f'  {r["subject"]} {r["predicate"]} {r["object"]}\n      | {r["evidence"][:150]}')
    return gold


def main(argv):
    report = '--report' in argv
    stems = [a for a in argv if not a.startswith('--')] or sorted(p.stem for p in SPECS.glob('*.json'))
    for stem in stems:
        build(stem, report)


if __name__ == '__main__':
    main(sys.argv[1:])
