/**
 * Numbered cases and laws found by their numbers: NAO submissions ("U.S. NAO Submission 9702",
 * "submissions 9803 and 9804"), ballot propositions, Rapid Response cases ("the Rapid Response case
 * at Tridonex").
 */
import type { Candidate, Sentence } from '../context.js';

const LAW_NUMBERED = /\bProposition\s+\d{1,3}[A-Z]?\b/g;

const NUMBERED = /\b((?:(?:U\.\s?S\.|US|United States|Mexican|Canadian|Mexico['’]s|Canada['’]s)\s+NAO\s+(?:Public\s+)?(?:Submission|Communication|Case)?\s*(?:No\.?\s*)?)|(?:(?:Public\s+)?(?:Submission|Communication)s?\s+(?:No\.?\s*)?))((?:US|MEX|CAN)?\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))((?:\s*(?:,|and|&)\s*(?:\d{6}|9\d{3}|(?:19|20)\d{2}-\d{1,3})(?!\d))*)/giu;
const RRM = /\bRapid Response (?:Mechanism |Labor Mechanism )?(?:case|cases|complaint|request|petition|claim)\s+(?:at|against|involving|concerning|regarding|about)\s+(?:the\s+)?[\p{Lu}][\p{L}\d&.-]*(?:\s+(?:de\s+)?[\p{Lu}][\p{L}\d&.-]*){0,4}/gu;

/** Numbered submissions ("U.S. NAO Submission 9702", "submissions 9803 and 9804") and Rapid Response cases. */
export function numberedCases(clean: string, sentence: Sentence): Candidate[] {
  const text = clean.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  NUMBERED.lastIndex = 0;
  for (let m = NUMBERED.exec(text); m; m = NUMBERED.exec(text)) {
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
  RRM.lastIndex = 0;
  // the USMCA Rapid Response Mechanism is enforced against facilities in Mexico
  for (let m = RRM.exec(text); m; m = RRM.exec(text)) out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, type: 'Case', rule: 'case.rapid-response', country: 'MX' });
  return out;
}
