/**
 * What compromise's English lexicon (≈25k words, tagged) knows about a single word: whether it is
 * an ordinary dictionary word, a given name, a well-known organisation. A maintained word list we
 * do not copy; lookups are O(1).
 */
import nlp from './nlp.js';

const LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;

/** compromise's tag(s) for a word, lower-cased lookup ("General" → "Adjective"). */
export function wordTag(word: string): string | undefined {
  return LEXICON[word.toLowerCase()];
}

const NAME_TAGS = /Name|Organization|Place|City|Country|Region|ProperNoun|Person|SportsTeam|Demonym|Honorific|Month|WeekDay/;

/** An ordinary English word (noun, verb, adjective, adverb, …), not a name. */
export function isDictionaryWord(word: string): boolean {
  const tag = wordTag(word);
  return !!tag && !NAME_TAGS.test(tag);
}

/** A word that is never part of a name at a sentence start: an adverb, conjunction, determiner, pronoun, modal ("Maybe", "Therefore"). */
export function isFunctionWord(word: string): boolean {
  const tag = wordTag(word);
  return !!tag && /^(Adverb|Conjunction|Preposition|Determiner|Pronoun|Modal|Expression|QuestionWord|Negative)$/.test(tag);
}

/** A given name compromise knows ("Vern", "Mark"). */
export function isGivenName(word: string): boolean {
  const tag = wordTag(word);
  return !!tag && /^(MaleName|FemaleName|FirstName)$/.test(tag);
}
