// kg: `npm run neo4j -- import DIR` — neo4j-admin's bulk import of `kg export neo4j-csv` output, then the schema.
package kg.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs the bundled distribution's own `neo4j-admin database import full` on DIR's nodes-*.csv and
 * rels-*.csv (arrays joined with U+001F, as kg writes them) into the database of NEO4J_HOME_DIR, then
 * opens the database once without any connector to run DIR/schema.cypher (the constraints and
 * full-text indexes kg's load would create) and waits for the indexes. The server must be stopped.
 */
final class Import {
  private Import() {}

  static int run(String[] args) throws IOException {
    if (args.length != 2) throw new IllegalArgumentException("usage: npm run neo4j -- import DIR (a `kg export neo4j-csv` directory)");
    Path dir = Path.of(args[1]).toAbsolutePath();
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": not a directory");
    Path home = Path.of(EmbeddedNeo4j.env("NEO4J_HOME_DIR", ".neo4j/data")).toAbsolutePath();
    Files.createDirectories(home.resolve("conf"));

    List<String> cmd = new ArrayList<>(List.of("database", "import", "full", "neo4j", "--overwrite-destination=true",
        "--array-delimiter=U+001F", "--multiline-fields=true", "--skip-duplicate-nodes=false", "--high-parallel-io=on"));
    int files = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("nodes-") && name.endsWith(".csv")) { cmd.add("--nodes=" + p); files++; }
        if (name.startsWith("rels-") && name.endsWith(".csv")) { cmd.add("--relationships=" + p); files++; }
      }
    }
    if (files == 0) throw new IllegalArgumentException(dir + ": no nodes-*.csv / rels-*.csv (run `kg export neo4j-csv` first)");

    long t0 = System.nanoTime();
    int code = AdminTool.execute(new ExecutionContext(home, home.resolve("conf")), cmd.toArray(String[]::new));
    if (code != 0) {
      System.err.println("kg-neo4j: neo4j-admin import failed (exit " + code + "); is the server still running on " + home + "?");
      return code;
    }
    long t1 = System.nanoTime();

    Path schema = dir.resolve("schema.cypher");
    int statements = 0;
    if (Files.exists(schema)) {
      DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.allow_file_urls, false)
          .build();
      try {
        GraphDatabaseService db = dbms.database("neo4j");
        for (String s : Files.readString(schema).split(";\\s*\\n")) {
          if (s.isBlank() || s.strip().startsWith("//")) continue;
          db.executeTransactionally(s.strip());
          statements++;
        }
        db.executeTransactionally("CALL db.awaitIndexes(3600)");
      } finally {
        dbms.shutdown();
      }
    }
    long t2 = System.nanoTime();
    System.out.printf("kg-neo4j: imported %s in %.1f s (neo4j-admin %.1f s, %d schema statements %.1f s)%n",
        dir, (t2 - t0) / 1e9, (t1 - t0) / 1e9, statements, (t2 - t1) / 1e9);
    return 0;
  }
}
