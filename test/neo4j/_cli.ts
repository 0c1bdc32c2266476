// test/neo4j: `kg` run from source (tsx) through src/cli.ts's main, so these tests need no dist/ build.
import { main } from '../../src/cli.js';

process.exit(await main(process.argv));
