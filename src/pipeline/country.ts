/**
 * Countries of the document's entities. Curated entities carry theirs; for the others, evidence in
 * order of strength: the name itself (demonyms, Spanish head words, a Mexican legal suffix, a
 * curated organisation or place inside it), the words around a mention (a demonym or "Mexico’s"
 * right before it, an apposition "X, a Mexican union", "(D-CT)", a title naming a curated ministry,
 * "Mexico’s Ambassador …, Carlos Sada", "the Philadelphia-based …", "X in Matamoros"), then — after
 * relations — the organisation a person leads, works for or belongs to, the parent an organisation
 * is part of, the place it is located in; last, the document's setting. A cue is read only where it
 * touches the entity's own mention, so a demonym of another name in the sentence never counts.
 */
import type { CuratedEntity, Lexicon, Ontology } from '../ontology/index.js';
import type { Country, EntityType, Relation } from '../types.js';
import type { DocContext, DocEntity } from './context.js';
import { findTitle } from './classify.js';

/** Heads of bodies made of states or of national federations. */
const INTL_HEADS = /\b(Confederation|Federation|Organi[sz]ation|Court|Bank|Monetary Fund|Labou?r Office|Secretariat|Criminal Police)\b/;

/** Country a name implies by its own words, if any (`lex` adds Spanish head words and legal suffixes). */
export function countryOfName(name: string, type: EntityType, lex?: Lexicon): Country | null {
  if (type !== 'Organization' && type !== 'Case' && type !== 'Program' && type !== 'Agreement') return null;
  if (/\bInter-American\b/.test(name)) return type === 'Organization' ? 'INTL' : null;
  // "Canada-Mexico Bilateral Labour Working Group", "U.S.-Mexico Binational Commission": a body of two countries or three
  const named = [/\bMexic|\bMéxic/u, /\bCanad/, /(?:\bU\.\s?S\.|\bUS\b|\bUnited States\b)/].filter((re) => re.test(name)).length;
  if (named >= 2) return type === 'Organization' ? 'INTL' : null;
  if (/\b(Mexican|Mexico|México|Mexicana?|Mexicanos)\b/u.test(name) && !/\b(U\.?S\.?|United States)\b.*\bMexic/u.test(name) && !/Mexic\w*[-–](U\.?S|United|American)/u.test(name)) return 'MX';
  if (/(?:\bU\.\s?S\.|\b(?:US|United States|American|America)\b)/u.test(name) && !/Mexic|Canad/.test(name)) return 'US';
  if (/\b(Canadian|Canada)\b/.test(name) && !/Mexic|U\.S/.test(name)) return 'CA';
  // "House Ways and Means Subcommittee on Trade", "House Committee on Education and Labor": the U.S. House (Canada's is "of Commons", Mexico's a Chamber)
  if (type === 'Organization' && /^(?:the\s+)?House\s+(?!of\s+(?:Commons|Lords))(?:[\p{Lu}&][\p{L}&-]*\s+|and\s+|of\s+)*(?:Committee|Subcommittee|Caucus|Representatives)\b/u.test(name)) return 'US';
  if (/\b(Inter-American|Trinational|Tri-[Nn]ational|North American|Binational|Bi-[Nn]ational|World|Global|Latin American|European)\b/.test(name) || /[-–](Mexico|U\.S\.)/.test(name)) return type === 'Organization' ? 'INTL' : null;
  // "International" makes a body of states or of national federations international ("International Labour
  // Organization", "International Trade Union Confederation"); a union or NGO called so is national
  // ("International Brotherhood of Teamsters", "International Labor Rights Fund"): other cues decide
  if (/\bInternational\b/.test(name) && INTL_HEADS.test(name)) return type === 'Organization' ? 'INTL' : null;
  if (type === 'Organization' && (/\b(de|del|y|la|los|las)\b/.test(name) || /[áéíóúñ]/.test(name)) && /^(Sindicato|Confederaci|Federaci|Frente|Central|Secretar|Uni[oó]n|Congreso|Coordinadora|Centro|Instituto|Universidad|Comisi|Consejo|Junta|Partido|Asociaci|Alianza|Colegio|Procuradur|Tribunal|C[aá]mara|Movimiento|Red|Fundaci|Organizaci|Proyecto|Comit)/.test(name)) return 'MX';
  if (lex && type === 'Organization') {
    const words = name.split(/\s+/);
    // "Generando Movimiento", "Casa Obrera", "D&M Abogados": a Spanish head word anywhere in the name
    for (const w of words) {
      const c = lex.headCountries.get(w);
      if (c) return c;
    }
    // "Acme S.A. de C.V.": a legal form of one country
    for (let k = Math.min(lex.legalSuffixWords, words.length - 1); k >= 1; k--) {
      const c = lex.legalSuffixes.get(words.slice(-k).join(' ').replace(/^,\s*/, ''));
      if (c) return c;
    }
  }
  return null;
}

/** Is a curated entity a country-wide place (whose name in an organisation's name says less)? */
function isBroadPlace(x: CuratedEntity): boolean {
  return x.type === 'Place' && (x.kind === 'country' || x.kind === 'region');
}

/** The country of a curated place: its own, or its ISO code where it is one of ours (a country). */
export function placeCountry(x: { country?: Country | null; iso?: string } | undefined): Country | null {
  if (!x) return null;
  if (x.country) return x.country;
  return x.iso === 'US' || x.iso === 'MX' || x.iso === 'CA' ? x.iso : null;
}

/** Regexes built once per lexicon from its demonyms ("U.S.", "Mexican", "Mexico’s", …). */
interface CountryRegexes {
  /** a demonym ending the text, then lower-case nouns: "Mexican union", "U.S. auto parts maker" */
  before: RegExp;
  /** all demonyms (global), to walk a window */
  any: RegExp;
  /** ", a Mexican …" / "(an American …" opening the text */
  apposition: RegExp;
}
const regexCache = new WeakMap<Lexicon, CountryRegexes>();

function regexes(lex: Lexicon): CountryRegexes {
  let r = regexCache.get(lex);
  if (!r) {
    const alt = [...lex.demonyms.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]")).join('|');
    r = {
      before: new RegExp(`(?:^|[^\\p{L}.])(${alt})\\s+(?:the\\s+)?((?:[\\p{Ll}-]+\\s+){0,3})$`, 'u'),
      any: new RegExp(`(?<![\\p{L}.])(${alt})(?![\\p{L}])`, 'gu'),
      apposition: new RegExp(`^\\s*[,(]\\s*(?:a|an|the|one of the)\\s+(?:[\\p{Ll}-]+,?\\s+){0,3}(${alt})(?![\\p{L}])`, 'u'),
    };
    regexCache.set(lex, r);
  }
  return r;
}

/** A demonym that qualifies the mention starting at `start`: "Mexican union SINTTIA", "Canada’s National Administrative Office". */
function demonymBefore(ctx: DocContext, start: number, type: EntityType): Country | null {
  const lex = ctx.ontology.lex;
  const text = ctx.doc.clean.slice(Math.max(0, start - 60), start).replace(/\s+/g, ' ');
  const m = regexes(lex).before.exec(text);
  if (!m) return null;
  const between = m[2]!.trim() ? m[2]!.trim().split(' ') : [];
  // only nouns of the name's kind may stand between: "Mexican union X", not "Mexican workers at X"
  if (between.length) {
    const last = between[between.length - 1]!;
    const nounOk = type === 'Person' ? lex.personNouns.has(last) : lex.orgNouns.has(last);
    if (!nounOk || between.some((w) => lex.functionWords.has(w) || lex.prepositions.has(w))) return null;
  }
  return lex.demonyms.get(m[1]!.replace(/'/g, '’')) ?? lex.demonyms.get(m[1]!) ?? null;
}

/** "X, a Mexican union", "X (an American company)". */
function demonymAfter(ctx: DocContext, end: number): Country | null {
  const lex = ctx.ontology.lex;
  const m = regexes(lex).apposition.exec(ctx.doc.clean.slice(end, end + 80).replace(/\s+/g, ' '));
  return m ? (lex.demonyms.get(m[1]!) ?? null) : null;
}

/** "Mexico’s Ambassador to the United States, Carlos M. Sada", "US Principal Deputy Assistant Attorney General, Mrs. Vanita Gupta". */
function titledApposition(ctx: DocContext, start: number): Country | null {
  const lex = ctx.ontology.lex;
  const from = Math.max(0, start - 140);
  const text = ctx.doc.clean.slice(from, start);
  const any = regexes(lex).any;
  any.lastIndex = 0;
  let found: Country | null = null;
  for (let m = any.exec(text); m; m = any.exec(text)) {
    const rest = text.slice(m.index + m[0].length);
    const t = /^\s+((?:\p{Lu}[\p{L}.-]*\s+){1,6})(?:(?:to|of|for|in)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s*){1,4})?,\s*(?:(?:Mr|Mrs|Ms|Dr|Sr|Sra|Lic)\.?\s+)?$/u.exec(rest);
    if (!t) continue;
    const words = t[1]!.trim().split(/\s+/);
    if (findTitle(lex, words)) found = lex.demonyms.get(m[1]!) ?? found;
  }
  return found;
}

/** "the Philadelphia-based Cardone Industries", "…, a San Diego–based group", "(a Michigan-based company)". */
function basedIn(ctx: DocContext, first: { start: number; end: number }): Country | null {
  const based = (text: string) => {
    const b = /((?:\p{Lu}[\p{L}.]*\s?){1,3})[-–]based\b/u.exec(text);
    if (!b) return null;
    const hit = ctx.ontology.gazetteer.scan(b[1]!.trim())[0];
    const place = hit && ctx.ontology.entities.get(hit.entries[0]!.entity);
    return place?.type === 'Place' ? placeCountry(place) : null;
  };
  const pre = /((?:\p{Lu}[\p{L}.]*\s?){1,3}[-–]based\s+(?:\p{Ll}+\s+)?)$/u.exec(ctx.doc.clean.slice(Math.max(0, first.start - 40), first.start));
  const post = /^\s*[,(]\s*(?:a|an|the)\s+((?:\p{Lu}[\p{L}.]*\s?){1,3}[-–]based)/u.exec(ctx.doc.clean.slice(first.end, first.end + 50));
  return (pre && based(pre[1]!)) || (post && based(post[1]!)) || null;
}

/** "Tridonex in Matamoros", "the JFCA in Mexico City", "VU offices in Troy": an organisation's mention followed by a place. */
function placeAfter(ctx: DocContext, e: DocEntity, byStart: Map<number, DocEntity>): Country | null {
  const lex = ctx.ontology.lex;
  for (const m of e.mentions) {
    const after = /^\s*(?:\([^()]{1,20}\)\s*)?(?:(\p{Ll}+)\s+)?(?:in|at)\s+(?:the\s+)?/u.exec(ctx.doc.clean.slice(m.end, m.end + 40));
    if (!after || (after[1] && !lex.facilityNouns.has(after[1]))) continue;
    const place = byStart.get(m.end + after[0].length);
    if (place?.type === 'Place' && place.country && place.country !== 'INTL') return place.country;
  }
  return null;
}

/** A U.S. party and state after a name: "(D-CT)", ", D-Ore.", "(R-N.J.)", ", R-Texas". */
const PARTY_STATE = /^\s*[(,]\s*(?:D|R|I)[-–]\s?(?:[A-Z]{2}\b|[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]{1,4}\.|(?:Texas|Ohio|Iowa|Utah|Idaho|Maine|Alaska|Hawaii)\b)/;

/** The country an inferred entity's own name and the words around its mentions give, if any. */
export function localCountry(ctx: DocContext, e: DocEntity, byStart: Map<number, DocEntity> = new Map()): Country | null {
  const lex = ctx.ontology.lex;
  // a numbered submission's country is its target's (set by the rule), whatever its name says
  // and a national branch's is the country its name ends with ("GM Mexico"), not its parent's (resolve.ts)
  if (e.type === 'Case' || e.type === 'Place' || e.mentions.some((m) => m.rule === 'org.national-branch')) for (const m of e.mentions) if (m.country) return m.country;
  if (e.type === 'Place') return null;
  // a curated organisation or place inside the name: "AFL-CIO International Affairs Department", "University of California-San Diego"
  // (an acronym or a name of three words or more: "Canadian Electrical Workers" says nothing of the IBEW's country)
  const telling = (alias: string) => /\p{Lu}{2}/u.test(alias) || alias.split(/\s+/).length >= 3;
  const inside = e.type === 'Organization' ? ctx.ontology.gazetteer.scan(e.name).filter((h) => h.entries.some((x) => telling(x.alias) || ctx.ontology.entities.get(x.entity)?.type === 'Place')).map((h) => ctx.ontology.entities.get(h.entries[0]!.entity)!).filter((x) => x.country && !isBroadPlace(x)) : [];
  const insideOrg = inside.find((x) => x.type === 'Organization' && x.country !== 'INTL');
  if (insideOrg?.country) return insideOrg.country;
  const byName = countryOfName(e.name, e.type, lex);
  if (byName) return byName;
  const insidePlaces = new Set(inside.filter((x) => x.type === 'Place').map((x) => x.country));
  if (insidePlaces.size === 1) return [...insidePlaces][0]!;
  for (const m of e.mentions) {
    if (m.country) return m.country;
    const fromAlias = countryOfName(ctx.doc.text.slice(m.start, m.end), e.type, lex);
    if (fromAlias) return fromAlias;
  }
  // "the Tridonex case" in a text on the USMCA Rapid Response Mechanism: a case against a facility in Mexico
  if (e.type === 'Case' && e.mentions.every((m) => m.rule.startsWith('case.follower')) && /\bRapid Response\b/.test(ctx.doc.clean)) return 'MX';
  if (e.type !== 'Organization' && e.type !== 'Person') return null;
  // "Rosa DeLauro (D-CT)", "Earl Blumenauer, D-Ore.", "(R-N.J.)": a US party and state
  if (e.type === 'Person' && e.mentions.some((m) => PARTY_STATE.test(ctx.doc.clean.slice(m.end, m.end + 16)))) return 'US';
  for (const m of e.mentions) {
    const c = demonymBefore(ctx, m.start, e.type) ?? demonymAfter(ctx, m.end) ?? (e.type === 'Person' ? titledApposition(ctx, m.start) : null);
    if (c) return c;
  }
  // "Mexico’s chief negotiator Jesús Seade": a demonym, then a lower-case role
  const first = e.mentions[0]!;
  const role = /(U\.S\.|Mexican|Canadian|American|Mexico['’]s|Canada['’]s)\s+(?:[\p{Ll}-]+\s+){1,3}$/u.exec(ctx.doc.clean.slice(Math.max(0, first.start - 50), first.start).replace(/\s+/g, ' '));
  if (role && e.type === 'Person') return lex.demonyms.get(role[1]!) ?? null;
  // a title naming a curated organisation ("Secretary of Labor and Social Welfare Marath Bolaños López")
  for (const x of e.mentions) {
    const org = x.title?.org ? ctx.ontology.entities.get(x.title.org) : undefined;
    if (org?.country) return org.country;
  }
  if (e.type === 'Organization') return basedIn(ctx, first) ?? placeAfter(ctx, e, byStart);
  return null;
}

/** Mentions of the document's entities by start offset (first entity wins). */
function entitiesByStart(ctx: DocContext): Map<number, DocEntity> {
  const out = new Map<number, DocEntity>();
  for (const e of ctx.entities.values()) for (const m of e.mentions) if (!out.has(m.start)) out.set(m.start, e);
  return out;
}

/** Curated entities' countries (places: their ISO code when they are a country of ours). */
function curatedCountry(ontology: Ontology, e: DocEntity): Country | null {
  if (e.type !== 'Place' || e.status !== 'curated') return e.country;
  return placeCountry(ontology.entities.get(e.id));
}

/** The `countries` component (after resolve): every inferred entity without a country gets the one its name or context gives. */
export function localCountries(ctx: DocContext): void {
  const byStart = entitiesByStart(ctx);
  // places first, so "X in Cuautla" can read Cuautla's country
  const order = [...ctx.entities.values()].sort((a, b) => Number(b.type === 'Place') - Number(a.type === 'Place'));
  for (const e of order) if (e.country === null && e.status === 'inferred') e.country = localCountry(ctx, e, byStart);
}

/** Predicates along which a country passes from object to subject, by subject class. */
const INHERIT: Partial<Record<EntityType, Set<Relation['predicate']>>> = {
  Person: new Set(['LEADS', 'WORKS_FOR', 'MEMBER_OF']),
  Organization: new Set(['PART_OF', 'MEMBER_OF', 'LOCATED_IN']),
};

/**
 * The `inherit-countries` component (after relations): people take the country of the organisation
 * they lead, work for or belong to; organisations that of their parent or their place, or else that
 * of the person who leads them (to a fixed point, three rounds at most); what is still unknown takes
 * a cue against the document's setting, or the setting.
 */
export function inheritCountries(ctx: DocContext, relations: Relation[]): void {
  const country = (e: DocEntity) => curatedCountry(ctx.ontology, e);
  // a leader passes on only a country of its own (curated, or from its name and context), not one it inherited
  const placed = new Set([...ctx.entities.values()].filter((e) => e.country !== null).map((e) => e.id));
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const r of relations) {
      const s = ctx.entities.get(r.subject);
      const o = ctx.entities.get(r.object);
      if (!s || !o) continue;
      // "Trade Subcommittee Chairman Earl Blumenauer, D-Ore.": a body nothing else places is its head's country's
      if (r.predicate === 'LEADS' && o.type === 'Organization' && o.country === null && o.status === 'inferred' && s.type === 'Person' && placed.has(s.id) && s.country && s.country !== 'INTL') {
        o.country = s.country;
        changed = true;
        continue;
      }
      if (s.country !== null || s.status !== 'inferred' || !INHERIT[s.type]?.has(r.predicate)) continue;
      const c = country(o);
      // (an organ of an intergovernmental body is intergovernmental too: "the NAALC Secretariat" of the CLC; a person is not)
      if (c && (c !== 'INTL' || (s.type === 'Organization' && r.predicate === 'PART_OF'))) {
        s.country = c;
        changed = true;
      }
    }
    if (!changed) break;
  }
  const weights = countryWeights(ctx);
  const setting = settingOf(weights);
  const places: LocalPlace[] = [];
  for (const p of ctx.entities.values()) {
    const c = p.type === 'Place' ? curatedCountry(ctx.ontology, p) ?? p.country : null;
    const x = p.status === 'curated' ? ctx.ontology.entities.get(p.id) : undefined;
    if (c && c !== 'INTL') for (const m of p.mentions) places.push({ start: m.start, end: m.end, country: c, broad: !!x && isBroadPlace(x) });
  }
  for (const e of ctx.entities.values()) {
    if (e.country !== null || e.status !== 'inferred' || (e.type !== 'Person' && e.type !== 'Organization')) continue;
    e.country = foreignCue(ctx, e, setting, places, weights) ?? personNameCue(ctx, e, setting, weights) ?? setting;
  }
}

/** A place mention of known country; `broad` for a country or region named as such. */
interface LocalPlace { start: number; end: number; country: Country; broad: boolean }

/** Spanish function words and letters: "Futuro de la Niñez", "Somos Uno por México". */
const SPANISH = /\b(de|del|la|las|los|el|y|por|para|con|en)\b|[áéíóúñ]/u;

/**
 * The country an organisation has against the document's setting (or where the document has none):
 * a place of one country only in the sentences of its mentions (and, against a setting, not the
 * setting's); a head word the setting's country never names its own bodies with ("Ministry of …"
 * in a U.S. document), which gives the document's other country; or — in a U.S. setting — a Spanish
 * name, which in this field is a Mexican organisation's. Null when nothing speaks against the setting.
 */
function foreignCue(ctx: DocContext, e: DocEntity, setting: Country | null, places: LocalPlace[], weights: [Country, number][]): Country | null {
  if (e.type !== 'Organization') return null;
  const seen = new Set<Country>();
  const broad = new Map<Country, number>();
  let sentences = 0;
  for (const m of e.mentions) {
    const sentence = ctx.sentences.find((x) => x.start <= m.start && m.end <= x.end);
    if (!sentence) continue;
    sentences++;
    const here = new Set<Country>();
    for (const p of places) {
      if (p.start < sentence.start || p.end > sentence.end) continue;
      // without a setting a country named as such counts only below: it may name a topic ("our siblings in Mexico")
      if (setting || !p.broad) seen.add(p.country);
      else here.add(p.country);
    }
    for (const c of here) broad.set(c, (broad.get(c) ?? 0) + 1);
  }
  if (seen.size === 1 && (!setting || !seen.has(setting))) return [...seen][0]!;
  // without a setting or a local place: the one country named in at least half the sentences that name the organisation
  if (!setting && !seen.size && broad.size === 1) {
    const [c, n] = [...broad][0]!;
    if (2 * n >= sentences) return c;
  }
  if (!setting) return null;
  const lex = ctx.ontology.lex;
  if (e.name.split(/\s+/).some((w) => lex.foreignHeads.get(w) === setting)) return weights.find(([c]) => c !== setting)?.[0] ?? null;
  if (setting === 'US' && !seen.has('US') && SPANISH.test(e.name)) return 'MX';
  return null;
}

/** Capitalised words of a person's name after the given name ("Prieto", "de", "Terrazas"). */
const SURNAME = /^(?:\p{Lu}[\p{Ll}'’-]+|de|del|la|los|y)$/u;

/**
 * A person's country by the naming custom, for a person nothing else places: a Spanish given name
 * before two surnames ("Susana Prieto Terrazas", "Carlos Salinas de Gortari") is Mexican; an
 * English-only given name in a document set in Mexico is the document's other country's
 * ("Stephanie Ferguson" of a U.S. business group, quoted on a Mexican plant).
 */
function personNameCue(ctx: DocContext, e: DocEntity, setting: Country | null, weights: [Country, number][]): Country | null {
  if (e.type !== 'Person') return null;
  const { en, es } = ctx.ontology.lex.firstNamesByLang;
  const words = e.name.split(/\s+/);
  const given = words[0]!;
  // middle given names ("Luis Carlos Haro Montoya"), then the surnames
  let k = 1;
  while (k < words.length && (es.has(words[k]!) || en.has(words[k]!))) k++;
  const surnames = words.slice(k);
  if (es.has(given) && !en.has(given) && surnames.filter((w) => /^\p{Lu}/u.test(w)).length >= 2 && surnames.every((w) => SURNAME.test(w))) return 'MX';
  if (setting === 'MX' && en.has(given) && !es.has(given) && words.length >= 2) return weights.find(([c]) => c !== 'MX')?.[0] ?? null;
  return null;
}

/**
 * The countries a document's local places (cities, states), dateline and people and organisations
 * of known country belong to, by weight, heaviest first. Countries named as such are its topic, not
 * its setting, and do not count.
 */
function countryWeights(ctx: DocContext): [Country, number][] {
  const weight = new Map<Country, number>();
  const add = (c: Country | null | undefined, w: number) => {
    if (c && c !== 'INTL') weight.set(c, (weight.get(c) ?? 0) + w);
  };
  const byStart = entitiesByStart(ctx);
  if (ctx.dateline) {
    for (let p = ctx.dateline.start; p < ctx.dateline.end; p++) {
      const e = byStart.get(p);
      if (e?.type === 'Place') {
        add(curatedCountry(ctx.ontology, e) ?? e.country, 3);
        break;
      }
    }
  }
  for (const e of ctx.entities.values()) {
    if (e.type === 'Place') {
      const x = e.status === 'curated' ? ctx.ontology.entities.get(e.id) : undefined;
      if (x && isBroadPlace(x)) continue;
      add(x ? placeCountry(x) : e.country, 1);
    } else if (e.type === 'Person' || e.type === 'Organization') add(e.country, 1);
  }
  return [...weight].sort((a, b) => b[1] - a[1]);
}

/**
 * The country a document is set in (given {@link countryWeights}): the heaviest country, when it has
 * at least twice the weight of any other.
 */
function settingOf(ranked: [Country, number][]): Country | null {
  if (!ranked.length) return null;
  if (ranked.length > 1 && ranked[0]![1] < 2 * ranked[1]![1]) return null;
  return ranked[0]![0];
}

