#!/usr/bin/env bash
# kg: the bundled embedded Neo4j. `start.sh` serves Bolt in the foreground (Ctrl-C / SIGTERM stops it
# cleanly); `start.sh import DIR` bulk-imports a `kg export neo4j-csv` directory (server stopped).
# Env: NEO4J_PORT (7687), NEO4J_PASSWORD (else the random one in NEO4J_PASSWORD_FILE, default
# .neo4j/password, created on first start), NEO4J_AUTH=none, NEO4J_HOME_DIR (.neo4j/data),
# NEO4J_HEAP (1g), NEO4J_PAGECACHE_MB (512), NEO4J_TX_LOG_KEEP ("2 files").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/build.sh"
build="$root/.neo4j/build"
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-$root/.neo4j/data}"
export NEO4J_PASSWORD_FILE="${NEO4J_PASSWORD_FILE:-$root/.neo4j/password}"
mkdir -p "$NEO4J_HOME_DIR"
# The import is a short-lived JVM whose CPU goes mostly to start-up (class loading, JIT): the C1 compiler
# alone and the serial collector halve its CPU time (40k relationships: 18.3 -> 10.5 CPU-s for neo4j-admin).
jit=(-XX:+UseG1GC)
[[ "${1:-}" == import ]] && jit=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# exec: the JVM takes this PID (and `npm run neo4j` execs this script), so SIGTERM reaches its shutdown hook.
exec java -Xmx"${NEO4J_HEAP:-1g}" "${jit[@]}" -XX:+ExitOnOutOfMemoryError \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$build/classes:$(cat "$build/classpath.txt")" kg.neo4j.EmbeddedNeo4j "$@"
