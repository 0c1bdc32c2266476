/** Word tokens with offsets, and capitalised-phrase chunks built from them. */
import type { Lexicon } from '../ontology/index.js';

/** A token of the clean text: [s, e) and its text. */
export interface Token {
  s: number;
  e: number;
  t: string;
}

const TOKEN = /['’]s(?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}(?:\p{Lu}(?![\p{L}.]))?|\p{Lu}\.(?=\s)|\b(?:v|vs|No|Nos|Inc|Corp|Co|Ltd|Jr|Sr|Dr|Mr|Mrs|Ms|Lic|Ing|St|Sen|Rep|Gov|Gen)\.(?=[\s,;:)'’])|[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]{2,})*|[^\s]/gu;

/** Tokenise [start, end) of `clean`. */
export function tokenize(clean: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = clean.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) out.push({ s: start + m.index, e: start + m.index + m[0].length, t: m[0] });
  return out;
}

/** Is this token a capitalised word or a number (a possible part of a name)? */
export function isCap(tok: Token): boolean {
  return /^[\p{Lu}\d]/u.test(tok.t) && /[\p{L}\p{N}]/u.test(tok.t);
}

/** A run of tokens that may be a name. */
export interface Chunk {
  tokens: Token[];
  /** index of the first token in the sentence's token list */
  at: number;
}

/** Connectors written in capitals that still join a name ("Workers And Peasants", a heading's "OF THE"). */
const CAPITAL_CONNECTORS = new Set(['And', 'AND', 'FOR', 'OF', 'THE', 'ON']);

/**
 * Capitalised chunks of a sentence: runs of capitalised words and numbers, joined by connectors
 * (the lexicon's name-connector words) and tight hyphens when a capitalised word follows.
 * Possessives, commas and brackets end a chunk.
 */
export function chunk(tokens: Token[], lex: Pick<Lexicon, 'connectors' | 'orgHead'>, clean?: string): Chunk[] {
  // a line break left in the clean text (hard wraps are spaces by now: unwrap.ts) ends a name: "… Sindical\nFlavio Volpe"
  // (so does a run of spaces, a column gap: "Sandra Marsden  President, …")
  const broken = (a: Token, b: Token) => !!clean && /\n| {2}|\t/.test(clean.slice(a.e, b.s));
  const connector = (t: string) => lex.connectors.has(t.toLowerCase()) && (/^\p{Ll}/u.test(t) || CAPITAL_CONNECTORS.has(t));
  const out: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!) || /^\d/.test(tokens[i]!.t)) {
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    while (j < tokens.length) {
      const tok = tokens[j]!;
      const prev = tokens[j - 1]!;
      if (isCap(tok) && (tok.s - prev.e <= 3 || prev.t === '-') && !broken(prev, tok)) {
        j++;
        continue;
      }
      if ((tok.t === '-' || tok.t === '–' || tok.t === '—' || tok.t === '/' || tok.t === '&') && j + 1 < tokens.length) {
        const next = tokens[j + 1]!;
        const tight = tok.s === prev.e && next.s === tok.e;
        if ((tight || tok.t === '&') && isCap(next)) {
          j += 2;
          continue;
        }
        // "Inter-agency Committee", "Non-governmental Organization": a prefix, a tight hyphen and a lower-case word, then a capital
        if (tight && tok.t === '-' && prev.t.length <= 5 && /^\p{Lu}\p{Ll}+$/u.test(prev.t) && /^\p{Ll}+$/u.test(next.t) && j + 2 < tokens.length && isCap(tokens[j + 2]!) && tokens[j + 2]!.s - next.e <= 2) {
          j += 3;
          continue;
        }
      }
      // "Center for Workers’ Rights": a plural possessive inside a name that a connector has opened
      // (or that an organisation's head follows: "International Metalworkers’ Federation", "Farm Workers’ Union")
      if ((tok.t === '’' || tok.t === "'") && tok.s === prev.e && /s$/.test(prev.t) && j + 1 < tokens.length && isCap(tokens[j + 1]!) && (lex.orgHead.has(tokens[j + 1]!.t) || tokens.slice(start, j).some((t) => connector(t.t) && /^\p{Ll}/u.test(t.t)))) {
        j += 2;
        continue;
      }
      if (connector(tok.t)) {
        // allow "of the", "de la" runs
        let k = j + 1;
        while (k < tokens.length && lex.connectors.has(tokens[k]!.t.toLowerCase()) && k - j < 2) k++;
        if (k < tokens.length && isCap(tokens[k]!) && !/^\d/.test(tokens[k]!.t)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    out.push({ tokens: tokens.slice(start, j), at: start });
    i = j;
  }
  return out;
}
