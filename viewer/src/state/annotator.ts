// The annotator: name (persisted, sent as `who`), and this tab's undo / redo stacks of their corrections.
import type { Correction } from '../../../src/annotate/types.ts';
import { createStore } from './store.ts';

const KEY = 'kg.annotator';

/** Annotator name ('' until typed). */
export const annotator = createStore<string>(typeof localStorage === 'undefined' ? '' : localStorage.getItem(KEY) ?? '');
annotator.subscribe((v) => localStorage.setItem(KEY, v));

/**
 * Undo history of this tab: `undo` holds corrections the annotator made (newest last) that Ctrl+Z reverts;
 * `redo` holds the undo corrections that Ctrl+Shift+Z reverts in turn. A new decision clears `redo`.
 */
export const history = createStore<{ undo: Correction[]; redo: Correction[] }>({ undo: [], redo: [] });

/** Record a correction the annotator just made (not an undo/redo). */
export function recordDecision(c: Correction): void {
  history.update((h) => ({ undo: [...h.undo, c].slice(-200), redo: [] }));
}
