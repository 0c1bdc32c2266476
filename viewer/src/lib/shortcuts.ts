// The document view's keyboard shortcuts: one table for the key handler, the shortcut sheet and the README.

/** What a key does in the document view. */
export type DocAction =
  | 'next' | 'prev' | 'nextAny' | 'prevAny' | 'find' | 'menu' | 'accept' | 'reject' | 'retype' | 'link' | 'merge' | 'unmerge'
  | 'country' | 'relation' | 'relations' | 'add' | 'promote' | 'undo' | 'redo' | 'source' | 'arcs' | 'documents' | 'sheet' | 'close';

/** One row of the shortcut sheet. `keys` are KeyboardEvent.key values, with `Ctrl+` / `Shift+` prefixes where needed. */
export interface Shortcut { keys: string[]; action: DocAction; label: string; group: 'Move' | 'Decide' | 'Relations' | 'History' | 'View' }

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', label: 'next unreviewed mention (the rules’ guesses first, then curated names)', group: 'Move' },
  { keys: ['k'], action: 'prev', label: 'previous unreviewed mention', group: 'Move' },
  { keys: [']'], action: 'nextAny', label: 'next mention in the text (any status)', group: 'Move' },
  { keys: ['['], action: 'prevAny', label: 'previous mention in the text', group: 'Move' },
  { keys: ['/'], action: 'find', label: 'go to the next mention whose text contains…', group: 'Move' },
  { keys: ['Enter'], action: 'menu', label: 'actions of the current mention', group: 'Move' },
  { keys: ['a'], action: 'accept', label: 'accept (confirm) the mention', group: 'Decide' },
  { keys: ['x', 'Delete'], action: 'reject', label: 'reject the mention', group: 'Decide' },
  { keys: ['t'], action: 'retype', label: 'retype: 1–8 picks the type, then Enter = whole entity, m = this mention only', group: 'Decide' },
  { keys: ['l'], action: 'link', label: 'link the mention to another entity (type to search, ↑↓ Enter)', group: 'Decide' },
  { keys: ['g'], action: 'merge', label: 'merge the entity into another, choosing the name, type and country that survive', group: 'Decide' },
  { keys: ['u'], action: 'unmerge', label: 'unmerge an entity merged into this one', group: 'Decide' },
  { keys: ['c'], action: 'country', label: 'set the entity’s country (0 none, 1 US, 2 MX, 3 CA, 4 INTL)', group: 'Decide' },
  { keys: ['i'], action: 'add', label: 'add a mention: the selected text, or find text to mark', group: 'Decide' },
  { keys: ['p'], action: 'promote', label: 'promote a confirmed entity into the ontology', group: 'Decide' },
  { keys: ['r'], action: 'relation', label: 'draw a relation from this mention: move to the object (j k [ ]) and press Enter, or click it; then pick the predicate', group: 'Relations' },
  { keys: ['e'], action: 'relations', label: 'relations of this mention: confirm, retype or delete', group: 'Relations' },
  { keys: ['Ctrl+z', 'z'], action: 'undo', label: 'undo your last correction (a new correction that reverts it)', group: 'History' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+y', 'Z'], action: 'redo', label: 'redo', group: 'History' },
  { keys: ['f'], action: 'source', label: 'formatted text ⇄ source text', group: 'View' },
  { keys: ['w'], action: 'arcs', label: 'relation arcs on / off', group: 'View' },
  { keys: ['d'], action: 'documents', label: 'the document list', group: 'View' },
  { keys: ['?'], action: 'sheet', label: 'this shortcut sheet', group: 'View' },
  { keys: ['Escape'], action: 'close', label: 'close the popover or sheet, cancel drawing a relation', group: 'View' },
];

/** The key string of an event as the table writes it (`Ctrl+z`, `Ctrl+Shift+Z`, `?`, `Escape`). */
export function keyOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): string {
  if (e.altKey) return `Alt+${e.key}`;
  if (e.ctrlKey || e.metaKey) return `Ctrl+${e.shiftKey ? 'Shift+' : ''}${e.key}`;
  return e.key;
}

const BY_KEY = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

/** The action bound to an event's key, if any. */
export function actionFor(e: Parameters<typeof keyOf>[0]): DocAction | undefined {
  return BY_KEY.get(keyOf(e));
}

/** How a key is shown: `Ctrl+Shift+Z` → `Ctrl ⇧ Z`, `Escape` → `Esc`. */
export function showKey(k: string): string {
  return k.replace('Shift+', '⇧ ').replace('Ctrl+', 'Ctrl ').replace('Escape', 'Esc').replace('Delete', 'Del');
}
