#!/usr/bin/env bash
# kg: the bundled embedded Neo4j. `start.sh` serves Bolt in the foreground (Ctrl-C / SIGTERM stops it
# cleanly); `start.sh import DIR` bulk-imports a `kg export neo4j-csv` directory (server stopped).
# Env: NEO4J_PORT (7687), NEO4J_PASSWORD (else the random one in NEO4J_PASSWORD_FILE, default
# .neo4j/password, created on first start), NEO4J_AUTH=none, NEO4J_HOME_DIR (.neo4j/data),
# NEO4J_HEAP (1g), NEO4J_PAGECACHE_MB (512), NEO4J_TX_LOG_KEEP ("2 files"), NEO4J_JIT (c1 | tiered),
# NEO4J_JAVA_OPTS (more JVM options), NEO4J_CONF (a neo4j.conf-style file of more Neo4j settings; kg's own
# settings win over it, so it cannot turn file URLs back on).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/build.sh"
build="$root/.neo4j/build"
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-$root/.neo4j/data}"
export NEO4J_PASSWORD_FILE="${NEO4J_PASSWORD_FILE:-$root/.neo4j/password}"
mkdir -p "$NEO4J_HOME_DIR"
# JIT: the C1 compiler alone (-XX:TieredStopAtLevel=1). A load runs minutes, not hours, and C2's
# compilations burn a whole core of a small machine meanwhile; C1 code is slower per call but the
# server's CPU per 100k relationships of a first load drops (README, Neo4j: speed). NEO4J_JIT=tiered
# restores the JVM's default (C1 then C2), for long-running servers on big machines.
# The import is a short-lived JVM whose CPU goes mostly to start-up (class loading, JIT): C1 alone and
# the serial collector halve its CPU time (40k relationships: 18.3 -> 10.5 CPU-s for neo4j-admin).
case "${NEO4J_JIT:-c1}" in
  c1) jit=(-XX:TieredStopAtLevel=1) ;;
  tiered) jit=() ;;
  *) echo "kg-neo4j: NEO4J_JIT must be c1 or tiered (got \"$NEO4J_JIT\")" >&2; exit 2 ;;
esac
# NEO4J_JAVA_OPTS: more JVM options, split on spaces (a profiler; a collector of its own replaces kg's)
read -r -a extra <<<"${NEO4J_JAVA_OPTS:-}"
if [[ " ${extra[*]-} " != *" -XX:+Use"*GC" "* ]]; then
  if [[ "${1:-}" == import ]]; then jit+=(-XX:+UseSerialGC); else jit+=(-XX:+UseG1GC); fi
fi
# exec: the JVM takes this PID (and `npm run neo4j` execs this script), so SIGTERM reaches its shutdown hook.
exec java -Xmx"${NEO4J_HEAP:-1g}" "${jit[@]}" -XX:+ExitOnOutOfMemoryError ${extra[@]+"${extra[@]}"} \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$build/classes:$(cat "$build/classpath.txt")" kg.neo4j.EmbeddedNeo4j "$@"
