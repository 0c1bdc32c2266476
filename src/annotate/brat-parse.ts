// brat standoff (.ann) parser: T (incl. discontinuous), R, E, A/M, N, #, * lines, checked against the .txt.
import { offsetMap } from './offsets.js';

/** A fragment of a text-bound annotation: UTF-16 offsets (converted) and brat's code-point offsets. */
export interface BratFragment { start: number; end: number; cpStart: number; cpEnd: number }
export interface BratTextBound { id: string; type: string; fragments: BratFragment[]; text: string; line: number }
export interface BratArg { role: string; ref: string }
export interface BratRelation { id: string; type: string; args: BratArg[]; line: number }
export interface BratEvent { id: string; type: string; trigger: string; args: BratArg[]; line: number }
export interface BratAttribute { id: string; name: string; target: string; value?: string; line: number }
export interface BratNormalization { id: string; type: string; target: string; db: string; dbId: string; text?: string; line: number }
export interface BratNote { id: string; type: string; target: string; text: string; line: number }
export interface BratEquiv { type: string; refs: string[]; line: number }

/** A parsed .ann file. `errors` are `file:line: …` strings; parsing never throws. */
export interface BratAnnotations {
  textbounds: BratTextBound[];
  relations: BratRelation[];
  events: BratEvent[];
  attributes: BratAttribute[];
  normalizations: BratNormalization[];
  notes: BratNote[];
  equivs: BratEquiv[];
  errors: string[];
}

const ID = /^[TREAMN#]\d+$|^[TREAMN#][\w-]+$/;

function parseArgs(fields: string[], where: string, errors: string[]): BratArg[] {
  const args: BratArg[] = [];
  for (const f of fields) {
    const i = f.lastIndexOf(':');
    if (i <= 0 || i === f.length - 1) errors.push(`${where}: bad argument "${f}" (want ROLE:ID)`);
    else args.push({ role: f.slice(0, i), ref: f.slice(i + 1) });
  }
  return args;
}

/**
 * Parse brat standoff text. Offsets are converted from code points to UTF-16 against `docText`; each
 * T line's text must equal the document text at its fragments (joined by one space). Ids may come in
 * any order and be referenced before they are defined; dangling references are errors.
 */
export function parseBrat(ann: string, docText: string, file = 'doc.ann'): BratAnnotations {
  const out: BratAnnotations = { textbounds: [], relations: [], events: [], attributes: [], normalizations: [], notes: [], equivs: [], errors: [] };
  const map = offsetMap(docText);
  const defined = new Set<string>();
  const refs: { ref: string; where: string }[] = [];
  const lines = ann.split('\n');
  lines.forEach((rawLine, i) => {
    const raw = rawLine.replace(/\r$/, '');
    if (!raw.trim()) return;
    const line = i + 1;
    const where = `${file}:${line}`;
    const cols = raw.split('\t');
    const id = cols[0];
    const head = (cols[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const err = (m: string) => out.errors.push(`${where}: ${m}`);
    const ref = (r: string) => refs.push({ ref: r, where });
    if (id !== '*' && !ID.test(id)) return err(`unknown annotation id "${id}"`);
    if (id !== '*' && defined.has(id)) return err(`duplicate id ${id}`);
    if (id !== '*') defined.add(id);
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec((cols[1] ?? '').trim());
        if (!m) return err(`bad text-bound "${cols[1] ?? ''}" (want TYPE START END[;START END])`);
        const text = cols.slice(2).join('\t');
        const fragments: BratFragment[] = [];
        for (const pair of m[2].split(';')) {
          const [cpStart, cpEnd] = pair.split(' ').map(Number);
          const start = map.toUtf16(cpStart);
          const end = map.toUtf16(cpEnd);
          if (start === undefined || end === undefined || cpEnd < cpStart) {
            return err(`${id} span ${cpStart}-${cpEnd} is outside the document (${map.cpLength} code points)`);
          }
          fragments.push({ start, end, cpStart, cpEnd });
        }
        const actual = fragments.map((f) => docText.slice(f.start, f.end)).join(' ');
        if (actual !== text) err(`${id} text ${JSON.stringify(text)} does not match the document text ${JSON.stringify(actual)} at ${m[2]}`);
        out.textbounds.push({ id, type: m[1], fragments, text, line });
        return;
      }
      case 'R': {
        if (head.length < 3) return err(`bad relation "${cols[1] ?? ''}" (want TYPE Arg1:ID Arg2:ID)`);
        const args = parseArgs(head.slice(1), where, out.errors);
        args.forEach((a) => ref(a.ref));
        out.relations.push({ id, type: head[0], args, line });
        return;
      }
      case 'E': {
        const [typeTrigger, ...rest] = head;
        const t = typeTrigger ? typeTrigger.lastIndexOf(':') : -1;
        if (!typeTrigger || t <= 0) return err(`bad event "${cols[1] ?? ''}" (want TYPE:TRIGGER ROLE:ID…)`);
        const args = parseArgs(rest, where, out.errors);
        const trigger = typeTrigger.slice(t + 1);
        [trigger, ...args.map((a) => a.ref)].forEach(ref);
        out.events.push({ id, type: typeTrigger.slice(0, t), trigger, args, line });
        return;
      }
      case 'A': case 'M': {
        if (head.length < 2 || head.length > 3) return err(`bad attribute "${cols[1] ?? ''}" (want NAME ID [VALUE])`);
        ref(head[1]);
        out.attributes.push({ id, name: head[0], target: head[1], value: head[2], line });
        return;
      }
      case 'N': {
        const m = /^(\S+) (\S+) ([^:\s]+):(\S+)$/.exec((cols[1] ?? '').trim());
        if (!m) return err(`bad normalization "${cols[1] ?? ''}" (want TYPE ID DB:DBID)`);
        ref(m[2]);
        out.normalizations.push({ id, type: m[1], target: m[2], db: m[3], dbId: m[4], text: cols[2], line });
        return;
      }
      case '#': {
        if (head.length !== 2) return err(`bad note "${cols[1] ?? ''}" (want TYPE ID)`);
        ref(head[1]);
        out.notes.push({ id, type: head[0], target: head[1], text: cols.slice(2).join('\t'), line });
        return;
      }
      case '*': {
        if (head.length < 3) return err(`bad equivalence "${cols[1] ?? ''}" (want TYPE ID ID…)`);
        head.slice(1).forEach(ref);
        out.equivs.push({ type: head[0], refs: head.slice(1), line });
        return;
      }
    }
  });
  for (const { ref, where } of refs) if (!defined.has(ref)) out.errors.push(`${where}: unknown id ${ref}`);
  return out;
}
