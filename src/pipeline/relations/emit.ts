/**
 * The relation collector: every rule hands (subject mention, predicate, object mention, rule) here;
 * it checks the classes against relations.yaml and the lexicon entry's narrowing, orders symmetric
 * ties, keeps the first relation per (subject, predicate, object), and records the words that stood
 * for an argument when discourse resolved it.
 */
import type { Predicate, Relation } from '../../types.js';
import type { PredicateEntry } from '../../ontology/predicates.js';
import { fits } from '../../ontology/predicates.js';
import type { Candidate, DocContext } from '../context.js';

/** A mention that discourse resolved ("the union", "it"): the words and the antecedent's id. */
export interface Reference extends Candidate {
  /** the words that stood for the entity */
  anaphor: { start: number; end: number; text: string };
  /** "its", "their": stands for a possessor */
  possessive?: boolean;
  /** "both unions", "these organizations": the other entities the same words stand for */
  others?: Reference[];
}

/** Collects relations for one document. */
export class Collector {
  private readonly out = new Map<string, Relation>();
  constructor(private readonly ctx: DocContext) {}

  /** The document entity of an id. */
  entity(id: string) {
    return this.ctx.entities.get(id);
  }

  /** The kind of an entity id (the document's, else the curated one). */
  kind(id: string): string | undefined {
    return this.ctx.entities.get(id)?.kind ?? this.ctx.ontology.entities.get(id)?.kind;
  }

  /** Is the entity's name headed by an organ word ("Council of Ministers", "Executive Board", "NAALC Secretariat")? */
  isOrgPart(id: string): boolean {
    // (a ministry, union or company is a body of its own whatever its head word: "Secretariat of Labor")
    if (/^(ministry|union|federation|company|government|party|university|court|legislature)$/.test(this.kind(id) ?? '')) return false;
    const words = (this.ctx.entities.get(id)?.name ?? '').split(/\s+/);
    const parts = this.ctx.ontology.lex.orgParts;
    return parts.has(words[0]!) || parts.has(words[words.length - 1]!) || parts.has(words.slice(-2).join(' '));
  }

  /** A lower-case word a name may hold ("International and Intergovernmental Labour Affairs"): names.yaml's name connectors. */
  isNameConnector(word: string): boolean {
    return this.ctx.ontology.lex.connectors.has(word);
  }

  /** Nouns that stand for a country's or body's government ("Mexico's labor authorities"): the discourse lexicon's. */
  governmentNouns(): Set<string> {
    return this.ctx.ontology.discourseLex.governments;
  }

  /** A noun that names a place in an "of" phrase ("the city of X"): the ontology's place nouns. */
  isPlaceNoun(word: string): boolean {
    return this.ctx.ontology.lex.placeNouns.has(word);
  }

  /** The class of an entity id. */
  type(id: string | undefined) {
    return id ? this.ctx.entities.get(id)?.type : undefined;
  }

  /** How many entities these mentions stand for (a reference may stand for several). */
  count(ms: Candidate[]): number {
    return ms.reduce((n, x) => n + 1 + ((x as Reference).others?.length ?? 0), 0);
  }

  /** Emit a reciprocal tie between each two of the entities these mentions stand for ("A and B signed a pact", "the two unions signed a pact"). */
  reciprocal(ms: Candidate[], predicate: Predicate, rule: string, evidence: { start: number; end: number }, entry?: PredicateEntry): void {
    const all = ms.flatMap((x) => [{ ...x, others: undefined } as Candidate, ...((x as Reference).others ?? [])]);
    for (let x = 0; x < all.length; x++) for (let y = x + 1; y < all.length; y++) this.emit(all[x]!, predicate, all[y]!, rule, evidence, entry);
  }

  /** Emit a tie between two mentions; returns whether it was allowed. */
  emit(s: Candidate, predicate: Predicate, o: Candidate, rule: string, evidence: { start: number; end: number }, entry?: PredicateEntry): boolean {
    // words that stand for several entities relate each of them (to others, not among themselves: "both unions' members")
    if ((s as Reference).others?.length && s.start === o.start && s.end === o.end) return false;
    const sOthers = (s as Reference).others;
    const oOthers = (o as Reference).others;
    if (sOthers?.length || oOthers?.length) {
      let any = false;
      for (const a of [{ ...s, others: undefined } as Candidate, ...(sOthers ?? [])]) for (const b of [{ ...o, others: undefined } as Candidate, ...(oOthers ?? [])]) any = this.emit(a, predicate, b, rule, evidence, entry) || any;
      return any;
    }
    if (!s.entity || !o.entity || s.entity === o.entity) return false;
    const st = this.type(s.entity);
    const ot = this.type(o.entity);
    // "the plant's union, part of the CTM": a union in a federation is its member (the federation's departments stay parts)
    if (predicate === 'PART_OF' && st === 'Organization' && ot === 'Organization' && this.kind(o.entity) === 'federation' && this.kind(s.entity) === 'union') predicate = 'MEMBER_OF';
    // ("the plant's union": a union at a company is no part of it)
    if (predicate === 'PART_OF' && this.kind(s.entity) === 'union' && this.kind(o.entity) === 'company') return false;
    // "the Commission consists of a Council and a Secretariat": what a body is composed of is its organs (parts), not members
    if (predicate === 'MEMBER_OF' && entry?.swap && st === 'Organization' && ot === 'Organization' && this.isOrgPart(s.entity)) predicate = 'PART_OF';
    // an entry for organs only ("the CLC is governed by a Council of Ministers")
    if (entry?.organ_subject && !this.isOrgPart(s.entity)) return false;
    if (!st || !ot || !this.ctx.ontology.allows(predicate, st, ot)) return false;
    if (entry && (!fits(entry, st, ot) || !this.kindFits(entry, o.entity))) return false;
    const symmetric = this.ctx.ontology.relations.get(predicate)!.symmetric;
    const [a, b] = symmetric && o.entity < s.entity ? [o, s] : [s, o];
    const key = `${a.entity}|${predicate}|${b.entity}`;
    if (this.out.has(key)) return true;
    const via = [a, b].filter((m): m is Reference => 'anaphor' in m).map((m) => ({ ...m.anaphor, entity: m.entity! }));
    const anaphoric = via.length > 0;
    this.out.set(key, { subject: a.entity!, predicate, object: b.entity!, evidence, rule: anaphoric ? `${rule}+discourse` : rule, ...(anaphoric ? { via } : {}) });
    return true;
  }

  /** Would this tie be allowed (classes and entry narrowing)? */
  allows(s: Candidate, predicate: Predicate, o: Candidate, entry?: PredicateEntry): boolean {
    const st = this.type(s.entity);
    const ot = this.type(o.entity);
    return !!st && !!ot && s.entity !== o.entity && this.ctx.ontology.allows(predicate, st, ot) && (!entry || (fits(entry, st, ot) && this.kindFits(entry, o.entity!)));
  }

  /** The entry's narrowing of the object's kind (range_kinds, range_not_kinds). */
  private kindFits(entry: PredicateEntry, object: string): boolean {
    const kind = this.kind(object) ?? '';
    return !entry.range_not_kinds?.includes(kind) && (!entry.range_kinds || entry.range_kinds.includes(kind));
  }

  has(subject: string, predicate: Predicate, object: string): boolean {
    return this.out.has(`${subject}|${predicate}|${object}`) || this.out.has(`${object}|${predicate}|${subject}`);
  }

  relations(): Relation[] {
    return [...this.out.values()];
  }
}
