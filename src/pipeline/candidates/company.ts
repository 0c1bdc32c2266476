/**
 * Companies by their legal form: a chunk broken by the comma before a legal suffix ("Atento
 * Servicios, S.A. de C.V.", "Acme Castings, Inc.") is joined back, so the suffix types the name.
 */
import type { Lexicon } from '../../ontology/index.js';
import type { Chunk, Token } from '../tokens.js';

/** Rejoin "Name, <legal suffix>" chunks (the rest of the suffix's chunk stays a chunk of its own). */
export function joinLegalSuffixes(lex: Lexicon, tokens: Token[], chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const n = chunks[i + 1];
    const comma = c.at + c.tokens.length;
    if (n && n.at === comma + 1 && tokens[comma]!.t === ',') {
      const k = suffixWords(lex, n.tokens);
      if (k > 0) {
        out.push({ tokens: tokens.slice(c.at, n.at + k), at: c.at });
        if (n.tokens.length > k) out.push({ tokens: n.tokens.slice(k), at: n.at + k });
        i++;
        continue;
      }
    }
    pushSplitAfterSuffix(lex, c, out);
  }
  return out;
}

/**
 * A legal suffix ends its name: "Acme Systems de Mexico S.A. de C.V. on Monday", "… S.A. de C.V. Tensions
 * have …" (no sentence break after the abbreviation) are read as the company and what follows it,
 * which starts a chunk of its own (a lower-case word that opened it is left out).
 */
function pushSplitAfterSuffix(lex: Lexicon, c: Chunk, out: Chunk[]): void {
  for (let j = 1; j < c.tokens.length - 1; j++) {
    const k = suffixWords(lex, c.tokens.slice(j));
    if (k === 0 || j + k >= c.tokens.length) continue;
    out.push({ tokens: c.tokens.slice(0, j + k), at: c.at });
    let r = j + k;
    while (r < c.tokens.length && !/^[\p{Lu}\p{N}]/u.test(c.tokens[r]!.t)) r++;
    if (r < c.tokens.length) out.push({ tokens: c.tokens.slice(r), at: c.at + r });
    return;
  }
  out.push(c);
}

/** How many of the tokens, from the first, make a legal suffix (longest); 0 when they do not start with one. */
export function suffixWords(lex: Lexicon, ts: Token[]): number {
  for (let k = Math.min(lex.legalSuffixWords, ts.length); k >= 1; k--) {
    if (lex.legalSuffixes.has(ts.slice(0, k).map((t) => t.t).join(' '))) return k;
  }
  return 0;
}
