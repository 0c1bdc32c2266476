// An evidence sentence as a quote for the panels: the source's markup taken out. Evidence text is the raw
// source slice (its offsets must stay exact), so a Markdown or HTML sentence carries `\$180 million`,
// `<sup>26</sup>`, `**…**` or a list marker; the document view renders those, and a quote should read the same.

/** The readable text of an evidence slice: tags, Markdown escapes, emphasis and block markers removed, spaces collapsed. */
export function quoteText(raw: string): string {
  return raw
    .replace(/<[a-zA-Z/][^<>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/(^|\n)\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!$<>|~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
