// test/neo4j: the "real corpus" graph for integration tests — the lead's buildProject when present,
// else the gazetteer/co-occurrence graph of the same corpus — plus the hand-made extras.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Graph from 'graphology';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';
import { addExtras } from './fixtures/extras.js';
import { syntheticGraph } from './fixtures/synthetic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Which builder produced the graph, for the test log. */
export let _graphSource = '';

/** Builds the corpus graph (corpus/ + ontology/ of the repo) with extras added. */
export async function _corpusGraph(): Promise<Graph<NodeAttributes, EdgeAttributes>> {
  let graph: Graph<NodeAttributes, EdgeAttributes>;
  if (existsSync(`${ROOT}src/build.ts`) && !process.env.KG_NEO4J_SYNTHETIC) {
    const mod = (await import(`${ROOT}src/build.ts`)) as {
      buildProject(o: { corpus: string; ontology?: string; data?: string; corrections?: boolean }): Promise<{ graph: Graph<NodeAttributes, EdgeAttributes> }>;
    };
    ({ graph } = await mod.buildProject({ corpus: `${ROOT}corpus`, ontology: `${ROOT}ontology`, data: `${ROOT}test/neo4j/fixtures/no-data`, corrections: false }));
    _graphSource = 'buildProject';
  } else {
    graph = await syntheticGraph({ corpus: `${ROOT}corpus`, ontology: `${ROOT}ontology` });
    _graphSource = 'synthetic (gazetteer + co-occurrence)';
  }
  return addExtras(graph);
}
