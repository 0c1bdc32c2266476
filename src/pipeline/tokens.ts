/** Word tokens with offsets, and capitalised-phrase chunks built from them. */

/** A token of the clean text: [s, e) and its text. */
export interface Token {
  s: number;
  e: number;
  t: string;
}

const TOKEN = /['’]s(?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}(?:\p{Lu}(?![\p{L}.]))?|\p{Lu}\.(?=\s)|\b(?:v|vs|No|Nos|Inc|Corp|Co|Ltd|Jr|Sr|Dr|Mr|Mrs|Ms|Lic|Ing|St|Sen|Rep|Gov|Gen)\.(?=\s)|[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]{2,})*|[^\s]/gu;

/** Tokenise [start, end) of `clean`. */
export function tokenize(clean: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = clean.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) out.push({ s: start + m.index, e: start + m.index + m[0].length, t: m[0] });
  return out;
}

/** Lower-case words that may sit inside a name between capitalised words. */
export const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'in', 'at', 'to', 'de', 'del', 'la', 'las', 'los', 'y', 'e', 'en', 'para', 'sobre', 'v.', 'vs.', 'el', 'du', 'des', 'da', 'do', 'dos', 'against', 'regarding', 'between']);
/** Prepositions that end the head noun phrase ("Agreement | on Labor Cooperation"). */
export const PREPOSITIONS = new Set(['of', 'for', 'on', 'in', 'at', 'to', 'de', 'del', 'para', 'sobre', 'regarding', 'between', 'against', 'en']);

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

/**
 * Capitalised chunks of a sentence: runs of capitalised words and numbers, joined by connectors
 * and tight hyphens when a capitalised word follows. Possessives, commas and brackets end a chunk.
 */
export function chunk(tokens: Token[]): Chunk[] {
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
      if (isCap(tok) && (tok.s - prev.e <= 3 || prev.t === '-')) {
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
      }
      if (CONNECTORS.has(tok.t.toLowerCase()) && /\p{Ll}/u.test(tok.t[0]!) || (tok.t === 'And' || tok.t === 'AND' || tok.t === 'FOR' || tok.t === 'OF' || tok.t === 'THE' || tok.t === 'ON')) {
        // allow "of the", "de la" runs
        let k = j + 1;
        while (k < tokens.length && CONNECTORS.has(tokens[k]!.t.toLowerCase()) && k - j < 2) k++;
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
