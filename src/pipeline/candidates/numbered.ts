/**
 * Numbered cases and laws found by their numbers: NAO submissions ("U.S. NAO Submission 9702",
 * "submissions 9803 and 9804"), ballot propositions, Rapid Response cases ("the Rapid Response case
 * at Tridonex").
 */
import type { Candidate, Sentence } from '../context.js';

const LAW_NUMBERED = /\bProposition\s+\d{1,3}[A-Z]?\b/g;

const NUMBERED = /\b((?:(?:U\.\s?S\.|US|United States|Mexican|Canadian|Mexico['’]s|Canada['’]s)\s+NAO\s+(?:Public\s+)?(?:Submission|Communication|Case)?\s*(?:No\.?\s*)?)|(?:(?:Public\s+)?(?:Submission|Communication)s?\s+(?:No\.?\s*)?))((?:US|MEX|CAN)?\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))((?:\s*(?:,|and|&)\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))*)/giu;
const RRM = /\bRapid Response (?:Mechanism |Labor Mechanism )?(?:case|cases|complaint|request|petition|claim)\s+(?:at|against|involving|concerning|regarding|about)\s+(?:the\s+)?[\p{Lu}][\p{L}\d&.-]*(?:\s+(?:de\s+)?[\p{Lu}][\p{L}\d&.-]*){0,4}/gu;

/**
 * A case tracker's heading: "US - Mexico RRM (31): Acme Foods", "US-Mexico RRM: (30) Bolt
 * Servicios", "RRM (9): Acme", "Rapid Response Mechanism case 12 – Bolt". The number and the
 * facility's company make the case's name; the heading is the case's mention.
 */
const TRACKER = /(?<![\p{L}])((?:(?:U\.\s?S\.|US|United States)\s*[-–]\s*Mexico\s+)?(?:USMCA\s+)?(?:RRM|Rapid Response(?: Labor)? Mechanism)(?:\s+[Cc]ase)?)\s*(?::\s*)?(?:\((\d{1,3})\)|(?:No\.\s*|#)?(\d{1,3})(?!\d))\s*(?::|[-–—])?\s*((?:\p{Lu}[\p{L}\d&.'’-]*)(?:[ \t]+(?:de|del|y|and|&|\p{Lu}[\p{L}\d&.'’-]*)){0,6})/gu;

/** Case-tracker headings in one sentence. */
export function trackerCases(clean: string, sentence: Sentence): Candidate[] {
  const text = clean.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  // a heading names the mechanism (the pattern's fixed words): most sentences need no scan
  if (!/RRM|Rapid Response/.test(text)) return out;
  TRACKER.lastIndex = 0;
  for (let m = TRACKER.exec(text); m; m = TRACKER.exec(text)) {
    let company = m[4]!.replace(/[\s.,;:]+$/, '');
    // the company ends the heading: not "… Bolt Servicios, S.A." (the comma ends it) nor a trailing connector
    company = company.replace(/\s+(?:de|del|y|and|&)$/, '');
    if (!company) continue;
    const start = sentence.start + m.index;
    const end = start + m[0].indexOf(m[4]!) + company.length;
    out.push({ start, end, type: 'Case', rule: 'case.rrm-tracker', name: `Rapid Response Mechanism case ${m[2] ?? m[3]}: ${company}`, country: 'MX' });
  }
  return out;
}

/** Numbered submissions ("U.S. NAO Submission 9702", "submissions 9803 and 9804") and Rapid Response cases. */
export function numberedCases(clean: string, sentence: Sentence): Candidate[] {
  const text = clean.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  NUMBERED.lastIndex = 0;
  // a numbered submission has four digits in a row and says NAO, submission or communication: scan only then
  const numbered = /\d{4}/.test(text) && /nao|submission|communication/iu.test(text);
  for (let m = numbered ? NUMBERED.exec(text) : null; m; m = NUMBERED.exec(text)) {
    const prefix = m[1]!;
    const start = sentence.start + m.index;
    const firstEnd = start + prefix.length + m[2]!.length;
    const country = /Mexic/.test(prefix) ? 'MX' : /Canad/.test(prefix) ? 'CA' : /U\.?\s?S|United/.test(prefix) ? 'US' : undefined;
    // a submission to one country's NAO is about the labor law of another: its country is the target's
    const target = country === 'MX' ? 'US' : country === 'US' ? 'MX' : undefined;
    const label = (num: string) => `${country === 'MX' ? 'Mexican ' : country === 'CA' ? 'Canadian ' : country === 'US' ? 'U.S. ' : ''}NAO Submission ${num.replace(/^(US|MEX|CAN)\s*/, '')}`;
    out.push({ start, end: firstEnd, type: 'Case', rule: 'case.numbered', name: label(m[2]!.trim()), country: target });
    const more = /\d{4,6}(?:-\d{1,3})?/g;
    const tailStart = firstEnd;
    for (let k = more.exec(m[3]!); k; k = more.exec(m[3]!)) {
      const s = tailStart + k.index;
      out.push({ start: s, end: s + k[0].length, type: 'Case', rule: 'case.numbered.list', name: label(k[0]), country: target });
    }
  }
  LAW_NUMBERED.lastIndex = 0;
  for (let m = LAW_NUMBERED.exec(text); m; m = LAW_NUMBERED.exec(text)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, type: 'Law', rule: 'law.proposition' });
  out.push(...trackerCases(clean, sentence));
  RRM.lastIndex = 0;
  // the USMCA Rapid Response Mechanism is enforced against facilities in Mexico
  for (let m = RRM.exec(text); m; m = RRM.exec(text)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, type: 'Case', rule: 'case.rapid-response', country: 'MX' });
  return out;
}
