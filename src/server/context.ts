// What the route modules share: the live project, the corrections store, the event hub.
import type { CorrectionStore } from '../annotate/store.js';
import type { Project } from './project.js';
import type { EventHub } from './sse.js';

/** Shared state handed to each route module. */
export interface ServerContext {
  project: Project;
  store: CorrectionStore;
  hub: EventHub;
  /** Ontology directory (POST /api/promote writes there). */
  ontology: string;
  log: (line: string) => void;
  /** Tells the log watcher about our own appends (they already asked for a rebuild). */
  seen: (seq: number) => void;
}
