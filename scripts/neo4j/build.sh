#!/usr/bin/env bash
# kg: compile the embedded Neo4j launcher with Maven, once (cached until pom.xml or the Java source change).
# Output: .neo4j/build/classes and .neo4j/build/classpath.txt. Maven's first run downloads ~100 MB.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/.neo4j/build"
stamp="$build/kg-build.stamp"

command -v java >/dev/null 2>&1 || { echo "kg-neo4j: Java 17+ is required (java not found on PATH)" >&2; exit 2; }
command -v mvn >/dev/null 2>&1 || { echo "kg-neo4j: Maven is required (mvn not found on PATH)" >&2; exit 2; }

want="$(cat "$here/pom.xml" $(find "$here/src" -name '*.java' | sort) | sha256sum | cut -c1-64)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -f "$build/classpath.txt" ]]; then
  exit 0
fi

echo "kg-neo4j: building the embedded Neo4j launcher with Maven (first run downloads Neo4j; may take minutes)…" >&2
mkdir -p "$build"
mvn -B -q -f "$here/pom.xml" compile dependency:build-classpath \
  -Dmdep.outputFile="$build/classpath.txt" >"$build/maven.log" 2>&1 || {
  echo "kg-neo4j: Maven build failed; last lines of $build/maven.log:" >&2
  tail -n 30 "$build/maven.log" >&2
  exit 3
}
echo "$want" >"$stamp"
echo "kg-neo4j: build ready in $build" >&2
