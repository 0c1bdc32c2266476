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
    out.push(c);
  }
  return out;
}

/** How many of the tokens, from the first, make a legal suffix (longest); 0 when they do not start with one. */
export function suffixWords(lex: Lexicon, ts: Token[]): number {
  for (let k = Math.min(lex.legalSuffixWords, ts.length); k >= 1; k--) {
    if (lex.legalSuffixes.has(ts.slice(0, k).map((t) => t.t).join(' '))) return k;
  }
  return 0;
}
