// A document's review queue (INCEpTION's "next unannotated"): unreviewed mentions, the rules' guesses first.
import type { FlatMention } from './doc-model.ts';
import { mentionStatus } from './doc-model.ts';

/** Where a mention sits in the queue order: group (0 = inferred, 1 = curated), then text offset. */
export interface QueueAnchor { group: number; start: number; end: number }

const GROUP: Record<string, number> = { inferred: 0, curated: 1 };

/** Is this mention still to be looked at? Confirmed and rejected ones were decided by someone. */
export function isUnreviewed(m: FlatMention): boolean {
  return mentionStatus(m) in GROUP;
}

/** The queue anchor of any mention (a reviewed one sorts with the inferred pass, where review starts). */
export function anchorOf(m: FlatMention): QueueAnchor {
  return { group: GROUP[mentionStatus(m)] ?? 0, start: m.mention.start, end: m.mention.end };
}

const cmp = (a: QueueAnchor, b: QueueAnchor) => a.group - b.group || a.start - b.start || a.end - b.end;

/** Mention ids in review order: inferred in text order, then curated in text order. */
export function reviewQueue(mentions: readonly FlatMention[]): number[] {
  // anchors computed once per mention, not once per comparison (this runs after every correction)
  return mentions.filter(isUnreviewed).map((m) => ({ id: m.id, a: anchorOf(m) })).sort((x, y) => cmp(x.a, y.a)).map((x) => x.id);
}

/**
 * The next (dir 1) or previous (dir -1) queue item after `from` (an anchor, so it still works after the
 * mention there was reviewed and left the queue); wraps around. null when the queue is empty.
 */
export function stepQueue(mentions: readonly FlatMention[], queue: readonly number[], from: QueueAnchor | null, dir: 1 | -1): number | null {
  if (!queue.length) return null;
  if (!from) return dir === 1 ? queue[0]! : queue[queue.length - 1]!;
  if (dir === 1) {
    for (const id of queue) if (cmp(anchorOf(mentions[id]!), from) > 0) return id;
    return queue[0]!;
  }
  for (let i = queue.length - 1; i >= 0; i--) if (cmp(anchorOf(mentions[queue[i]!]!), from) < 0) return queue[i]!;
  return queue[queue.length - 1]!;
}

/** The next / previous mention in text order (any status), wrapping. */
export function stepText(mentions: readonly FlatMention[], from: number | null, dir: 1 | -1): number | null {
  if (!mentions.length) return null;
  if (from === null) return dir === 1 ? 0 : mentions.length - 1;
  return (from + dir + mentions.length) % mentions.length;
}
