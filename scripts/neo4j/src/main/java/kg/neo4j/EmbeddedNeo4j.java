// kg: an embedded Neo4j 5 (community) with the Bolt connector on 127.0.0.1, for tests and users.
package kg.neo4j;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts Neo4j embedded and serves Bolt until SIGTERM/SIGINT (or, with KG_NEO4J_WATCH_STDIN=1,
 * until stdin closes — so a crashed parent test runner never leaves an orphan server behind).
 *
 * Environment: NEO4J_HOME_DIR (data dir, default .neo4j/data), NEO4J_PORT (default 7687),
 * NEO4J_PASSWORD (default kg-password; auth is enabled), NEO4J_AUTH=none disables auth,
 * NEO4J_PAGECACHE_MB (default 512).
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    String home = env("NEO4J_HOME_DIR", ".neo4j/data");
    int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
    boolean auth = !"none".equalsIgnoreCase(env("NEO4J_AUTH", ""));
    String password = env("NEO4J_PASSWORD", "kg-password");
    long pagecacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(home).toAbsolutePath())
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
        .setConfig(GraphDatabaseSettings.auth_enabled, auth)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024L * 1024L)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("kg-neo4j: stopping");
      dbms.shutdown();
      System.out.println("kg-neo4j: stopped");
      stopped.countDown();
    }, "kg-neo4j-shutdown"));

    if (auth) setPassword(dbms, password);

    if ("1".equals(System.getenv("KG_NEO4J_WATCH_STDIN"))) {
      Thread watcher = new Thread(() -> {
        try {
          InputStream in = System.in;
          while (in.read() != -1) { /* keep reading until the parent goes away */ }
        } catch (Exception ignored) {
          // a broken pipe means the parent is gone too
        }
        System.out.println("kg-neo4j: stdin closed, exiting");
        System.exit(0);
      }, "kg-neo4j-stdin");
      watcher.setDaemon(true);
      watcher.start();
    }

    System.out.println("kg-neo4j: ready bolt://127.0.0.1:" + port + " auth=" + (auth ? "neo4j/<NEO4J_PASSWORD>" : "none"));
    System.out.flush();
    stopped.await();
  }

  /** Sets the neo4j user's password (first start asks for a change; later starts may rotate it). */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
    } catch (RuntimeException e) {
      // "Old password and new password cannot be the same" on a re-start: nothing to do.
      String msg = String.valueOf(e.getMessage());
      if (!msg.contains("cannot be the same")) throw e;
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
