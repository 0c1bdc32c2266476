// The annotator's name, persisted in localStorage and sent as `who` with every correction.
import { createStore } from './store.ts';

const KEY = 'kg.annotator';

/** Annotator name ('' until typed). */
export const annotator = createStore<string>(typeof localStorage === 'undefined' ? '' : localStorage.getItem(KEY) ?? '');
annotator.subscribe((v) => localStorage.setItem(KEY, v));
