/**
 * Countries of the document's entities. Curated entities carry theirs; for the others, evidence in
 * order of strength: the name itself (demonyms, Spanish head words, a curated organisation or place
 * inside it), the words around a mention (a demonym, "(D-CT)", a title naming a curated ministry,
 * "the Philadelphia-based …"), then — after relations — the organisation a person leads or works
 * for, the parent an organisation belongs to, the place it is located in.
 */
import type { CuratedEntity } from '../ontology/index.js';
import type { Country, EntityType, Relation } from '../types.js';
import type { DocContext, DocEntity } from './context.js';

/** Country a name implies by its own words, if any. */
export function countryOfName(name: string, type: EntityType): Country | null {
  if (type !== 'Organization' && type !== 'Case' && type !== 'Program' && type !== 'Agreement') return null;
  if (/\bInter-American\b/.test(name)) return type === 'Organization' ? 'INTL' : null;
  if (/\b(Mexican|Mexico|México|Mexicana?|Mexicanos)\b/u.test(name) && !/\b(U\.?S\.?|United States)\b.*\bMexic/u.test(name) && !/Mexic\w*[-–](U\.?S|United|American)/u.test(name)) return 'MX';
  if (/(?:\bU\.\s?S\.|\b(?:US|United States|American|America)\b)/u.test(name) && !/Mexic|Canad/.test(name)) return 'US';
  if (/\b(Canadian|Canada)\b/.test(name) && !/Mexic|U\.S/.test(name)) return 'CA';
  if (/\b(International|Inter-American|Trinational|North American|Binational|Bi-National|World|Global|Latin American|European)\b/.test(name) || /[-–](Mexico|U\.S\.)/.test(name)) return type === 'Organization' ? 'INTL' : null;
  if (type === 'Organization' && (/\b(de|del|y|la|los|las)\b/.test(name) || /[áéíóúñ]/.test(name)) && /^(Sindicato|Confederaci|Federaci|Frente|Central|Secretar|Uni[oó]n|Congreso|Coordinadora|Centro|Instituto|Universidad|Comisi|Consejo|Junta|Partido|Asociaci|Alianza|Colegio|Procuradur|Tribunal|C[aá]mara|Movimiento|Red|Fundaci|Organizaci|Proyecto|Comit)/.test(name)) return 'MX';
  return null;
}

/** Is a curated entity a country-wide place (whose name in an organisation's name says less)? */
function isBroadPlace(x: CuratedEntity): boolean {
  return x.type === 'Place' && (x.kind === 'country' || x.kind === 'region');
}

/** The country an inferred entity's own name and the words around its mentions give, if any. */
export function localCountry(ctx: DocContext, e: DocEntity): Country | null {
  // a numbered submission's country is its target's (set by the rule), whatever its name says
  if (e.type === 'Case') for (const m of e.mentions) if (m.country) return m.country;
  // a curated organisation or place inside the name: "AFL-CIO International Affairs Department", "University of California-San Diego"
  const inside = e.type === 'Organization' ? ctx.ontology.gazetteer.scan(e.name).map((h) => ctx.ontology.entities.get(h.entries[0]!.entity)!).filter((x) => x.country && !isBroadPlace(x)) : [];
  const insideOrg = inside.find((x) => x.type === 'Organization' && x.country !== 'INTL');
  if (insideOrg?.country) return insideOrg.country;
  const byName = countryOfName(e.name, e.type);
  if (byName) return byName;
  const insidePlaces = new Set(inside.filter((x) => x.type === 'Place').map((x) => x.country));
  if (insidePlaces.size === 1) return [...insidePlaces][0]!;
  for (const m of e.mentions) {
    if (m.country) return m.country;
    const fromAlias = countryOfName(ctx.doc.text.slice(m.start, m.end), e.type);
    if (fromAlias) return fromAlias;
  }
  // "the Tridonex case" in a text on the USMCA Rapid Response Mechanism: a case against a facility in Mexico
  if (e.type === 'Case' && e.mentions.every((m) => m.rule.startsWith('case.follower')) && /\bRapid Response\b/.test(ctx.doc.clean)) return 'MX';
  if (e.type !== 'Organization' && e.type !== 'Person') return null;
  // "Rosa DeLauro (D-CT)": a US party and state
  if (e.type === 'Person' && e.mentions.some((m) => /^\s*\((?:D|R|I)[-–][A-Z]{2}\)/.test(ctx.doc.clean.slice(m.end, m.end + 10)))) return 'US';
  const first = e.mentions[0]!;
  const before = ctx.doc.clean.slice(Math.max(0, first.start - 14), first.start).replace(/\s+/g, ' ');
  const m = /(U\.S\.|Mexican|Canadian|American|Mexico['’]s|Canada['’]s)\s*(?:the\s+)?$/.exec(before);
  if (m) return ctx.ontology.lex.demonyms.get(m[1]!) ?? null;
  // "Mexico’s chief negotiator Jesús Seade": a demonym, then a lower-case role
  const role = /(U\.S\.|Mexican|Canadian|American|Mexico['’]s|Canada['’]s)\s+(?:[\p{Ll}-]+\s+){1,3}$/u.exec(ctx.doc.clean.slice(Math.max(0, first.start - 50), first.start).replace(/\s+/g, ' '));
  if (role && e.type === 'Person') return ctx.ontology.lex.demonyms.get(role[1]!) ?? null;
  // a title naming a curated organisation ("Secretary of Labor and Social Welfare Marath Bolaños López")
  for (const x of e.mentions) {
    const org = x.title?.org ? ctx.ontology.entities.get(x.title.org) : undefined;
    if (org?.country) return org.country;
  }
  // "the Philadelphia-based Cardone Industries", "…, a San Diego–based group"
  const based = (text: string) => {
    const b = /((?:\p{Lu}[\p{L}.]*\s?){1,3})[-–]based\b/u.exec(text);
    if (!b) return null;
    const hit = ctx.ontology.gazetteer.scan(b[1]!.trim())[0];
    const place = hit && ctx.ontology.entities.get(hit.entries[0]!.entity);
    return place?.type === 'Place' && place.country ? place.country : null;
  };
  if (e.type === 'Organization') {
    const pre = /((?:\p{Lu}[\p{L}.]*\s?){1,3}[-–]based\s+(?:\p{Ll}+\s+)?)$/u.exec(ctx.doc.clean.slice(Math.max(0, first.start - 40), first.start));
    const post = /^\s*,\s+(?:a|an|the)\s+((?:\p{Lu}[\p{L}.]*\s?){1,3}[-–]based)/u.exec(ctx.doc.clean.slice(first.end, first.end + 50));
    const c = (pre && based(pre[1]!)) || (post && based(post[1]!));
    if (c) return c;
  }
  return null;
}

/** The `countries` component (after resolve): every inferred entity without a country gets the one its name or context gives. */
export function localCountries(ctx: DocContext): void {
  for (const e of ctx.entities.values()) if (e.country === null && e.status === 'inferred') e.country = localCountry(ctx, e);
}

/** People inherit the country of the organisation they lead, work for or belong to. */
export function inheritCountries(ctx: DocContext, relations: Relation[]): void {
  for (const r of relations) {
    if (r.predicate !== 'LEADS' && r.predicate !== 'WORKS_FOR' && r.predicate !== 'MEMBER_OF') continue;
    const person = ctx.entities.get(r.subject);
    const org = ctx.entities.get(r.object);
    if (person?.type === 'Person' && person.country === null && org?.country && org.country !== 'INTL') person.country = org.country;
  }
}
