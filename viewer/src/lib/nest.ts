// Overlapping ranges → a properly nested token stream (open/close/text), for rendering formatted text with marks.
// Pure: the document view turns the tokens into DOM; tests read them as strings.

/** An element to open over [start, end): rank 0 = block (always outside), 1 = inline (longer outside shorter). */
export interface ElementRange { start: number; end: number; rank: 0 | 1; key: number }

/** What the text does not show as is: `hide` drops it, `replace` shows `text` instead, `void` puts an element there. */
export interface Substitution { start: number; end: number; kind: 'hide' | 'replace' | 'void'; key: number; text?: string }

export type Token =
  | { t: 'open'; key: number }
  | { t: 'close'; key: number }
  | { t: 'text'; start: number; end: number }
  | { t: 'replace'; start: number; end: number; text: string }
  | { t: 'void'; key: number; at: number };

type Ev = { at: number; open: boolean; r?: ElementRange; s?: Substitution };

const outerFirst = (a: ElementRange, b: ElementRange) => a.rank - b.rank || a.start - b.start || b.end - a.end || a.key - b.key;

/**
 * Cut [0, length) at every boundary and emit, per visible piece, the elements covering it as a chain
 * (blocks, then longer before shorter). An element whose chain position changes is closed and reopened,
 * so crossing ranges become fragments; hidden pieces change nothing, so a mark spanning hidden markup stays
 * one element. With `dropBlankOutside`, whitespace outside every block is not emitted (the gaps between
 * blocks). O((n + k) log k).
 */
export function nest(length: number, elements: readonly ElementRange[], subs: readonly Substitution[] = [], dropBlankOutside = false, text?: string): Token[] {
  const events: Ev[] = [];
  for (const r of elements) {
    const start = Math.max(0, r.start), end = Math.min(length, r.end);
    if (end > start) events.push({ at: start, open: true, r }, { at: end, open: false, r });
  }
  for (const s of subs) {
    const start = Math.max(0, s.start), end = Math.min(length, s.end);
    if (end > start || s.kind === 'void') events.push({ at: start, open: true, s }, { at: Math.max(start, end), open: false, s });
  }
  events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const out: Token[] = [];
  const active: ElementRange[] = [];
  const stack: ElementRange[] = [];
  let hidden = 0;
  let replacing: Substitution | null = null;
  let voids: Substitution[] = [];
  const sync = () => {
    const chain = active.length > 1 ? [...active].sort(outerFirst) : active;
    let same = 0;
    while (same < stack.length && same < chain.length && stack[same] === chain[same]) same++;
    while (stack.length > same) out.push({ t: 'close', key: stack.pop()!.key });
    for (let i = same; i < chain.length; i++) { stack.push(chain[i]!); out.push({ t: 'open', key: chain[i]!.key }); }
  };
  let pos = 0;
  const emit = (end: number) => {
    if (voids.length) {
      sync();
      for (const v of voids) out.push({ t: 'void', key: v.key, at: v.start });
      voids = [];
    }
    if (end <= pos) return;
    if (replacing) {
      if (pos === replacing.start) { sync(); out.push({ t: 'replace', start: replacing.start, end: replacing.end, text: replacing.text ?? '' }); }
    } else if (!hidden) {
      // blank text outside every block (between paragraphs) is dropped, even under an evidence span crossing them
      if (!(dropBlankOutside && text !== undefined && !active.some((r) => r.rank === 0) && !/\S/.test(text.slice(pos, end)))) {
        sync();
        out.push({ t: 'text', start: pos, end });
      }
    }
    pos = end;
  };
  for (const e of events) {
    emit(e.at);
    if (e.r) {
      if (e.open) active.push(e.r);
      else active.splice(active.indexOf(e.r), 1);
    } else if (e.s) {
      const s = e.s;
      if (s.kind === 'replace') replacing = e.open ? s : replacing === s ? null : replacing;
      else {
        if (s.kind === 'void' && e.open) voids.push(s);
        if (s.end > s.start) hidden += e.open ? 1 : -1;
      }
    }
  }
  emit(length);
  while (stack.length) out.push({ t: 'close', key: stack.pop()!.key });
  return out;
}
