/** Text helpers that never change string length, so offsets into the original text stay valid. */

const FOLD_CACHE = new Map<number, string>();

/**
 * Fold one UTF-16 unit for matching: lower-case, strip accents, straighten quotes, unify dashes.
 * Always returns exactly one character, so a folded string indexes like the original.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const hit = FOLD_CACHE.get(code);
  if (hit !== undefined) return hit;
  let out: string;
  if ('\u2018\u2019\u201A\u201B\u2032\u00B4`'.includes(ch)) out = "'";
  else if ('\u201C\u201D\u201E\u201F\u2033'.includes(ch)) out = '"';
  else if ('\u2010\u2011\u2012\u2013\u2014\u2015\u2212'.includes(ch)) out = '-';
  else if ('\u00A0\u2007\u202F\u2009\u200A\u2002\u2003'.includes(ch)) out = ' ';
  else {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  }
  FOLD_CACHE.set(code, out);
  return out;
}

/** Fold a whole string character by character (same length as the input). */
export function fold(text: string): string {
  // foldChar of every UTF-16 unit; the ones it keeps (ASCII but A–Z) are not visited
  return text.replace(FOLDED, foldChar);
}
/** The UTF-16 units {@link foldChar} may change: A–Z and everything outside ASCII (no `u` flag: one unit at a time). */
const FOLDED = /[A-Z\u0080-\uffff]/g;

/** Key for comparing names: folded, punctuation dropped, whitespace collapsed. */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/[.'"’]/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/** Slug for stable ids: `U.S. Department of Labor` → `us-department-of-labor`. */
export function slug(text: string): string {
  return fold(text)
    .replace(/['’.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** True for a letter (any script). */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** True for a letter or digit. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  // ASCII without the regular expression: digits and letters
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Replace [start, end) of `text` with spaces (newlines kept), preserving length. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** A regex alternation of words and phrases, longest first (a space matches any run of white space). */
export function wordAlternation(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
}
