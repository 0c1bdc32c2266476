#!/usr/bin/env bash
# kg: start the bundled embedded Neo4j in the foreground (Ctrl-C / SIGTERM stops it cleanly).
# Env: NEO4J_PORT (7687), NEO4J_PASSWORD (kg-password; user neo4j), NEO4J_AUTH=none, NEO4J_HOME_DIR
# (.neo4j/data), NEO4J_HEAP (1g), NEO4J_PAGECACHE_MB (512).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/build.sh"
build="$root/.neo4j/build"
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-$root/.neo4j/data}"
mkdir -p "$NEO4J_HOME_DIR"
# exec: the JVM takes this PID, so SIGTERM reaches its shutdown hook directly.
exec java -Xmx"${NEO4J_HEAP:-1g}" -XX:+UseG1GC \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$build/classes:$(cat "$build/classpath.txt")" kg.neo4j.EmbeddedNeo4j
