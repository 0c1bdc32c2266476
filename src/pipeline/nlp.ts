/**
 * compromise, as every kg module takes it: its bundled build (one file), which a thread loads in
 * ~0.25 s where the package's ES-module entry (src/three.js, a tree of ~300 files) takes ~0.5 s;
 * the same version and code. One instance for all of kg, so the fast post-tagger
 * (./tagger.ts) registers on the world that parses.
 */
import { createRequire } from 'node:module';
import type compromise from 'compromise';

const nlp = createRequire(import.meta.url)('compromise') as typeof compromise;
export default nlp;
