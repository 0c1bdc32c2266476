// kg: an embedded Neo4j 5 (community) on 127.0.0.1 for tests and users — safe by default.
package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j embedded and serves Bolt until SIGTERM/SIGINT (or, with KG_NEO4J_WATCH_STDIN=1,
 * until stdin closes — so a crashed parent test runner never leaves an orphan server behind).
 *
 * Safety: Bolt itself listens on an ephemeral loopback port; the public port is {@link BoltGate},
 * which passes Bolt and refuses WebSocket upgrades (5.26 has no setting to turn them off, and a web
 * page could otherwise talk to the database). LOAD CSV cannot read files (file URLs off, and the
 * import directory is an empty one of its own). The password is random per install
 * ({@link Password}). Transaction logs are bounded. Failures are one line on stderr, exit 1.
 *
 * Environment: NEO4J_HOME_DIR (data dir), NEO4J_PORT (7687), NEO4J_PASSWORD (else NEO4J_PASSWORD_FILE,
 * created with a random password if missing), NEO4J_AUTH=none disables auth, NEO4J_PAGECACHE_MB (512),
 * NEO4J_TX_LOG_KEEP ("2 files"), NEO4J_CONF (a neo4j.conf-style file of more settings; kg's own settings
 * above win over it, so it cannot turn file URLs or the WebSocket gate back on).
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) {
    try {
      if (args.length > 0 && "import".equals(args[0])) {
        System.exit(Import.run(args));
      }
      serve();
    } catch (Throwable e) {
      System.err.println("kg-neo4j: " + oneLine(e));
      System.exit(1);
    }
  }

  private static void serve() throws Exception {
    Path home = Path.of(env("NEO4J_HOME_DIR", ".neo4j/data")).toAbsolutePath();
    int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
    boolean auth = !"none".equalsIgnoreCase(env("NEO4J_AUTH", ""));
    long pagecacheMb = Long.parseLong(env("NEO4J_PAGECACHE_MB", "512"));
    Path importDir = home.resolve("import-disabled");
    Files.createDirectories(importDir);

    // The public port first: a port in use fails in a second, before the database starts.
    BoltGate gate;
    try {
      gate = new BoltGate(port);
    } catch (BindException e) {
      throw new IllegalStateException("127.0.0.1:" + port + " is already in use (another Neo4j? set NEO4J_PORT)");
    }
    String password = auth ? Password.resolve(home) : null;

    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
      // NEO4J_CONF: a neo4j.conf-style file of further settings (tuning); kg's own settings below win
      String conf = env("NEO4J_CONF", "");
      if (!conf.isEmpty()) {
        Path confFile = Path.of(conf).toAbsolutePath();
        if (!Files.isRegularFile(confFile)) throw new IllegalStateException("NEO4J_CONF: " + confFile + " is not a file");
        builder.loadPropertiesFromFile(confFile);
      }
      dbms = builder
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
          .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
          .setConfig(GraphDatabaseSettings.auth_enabled, auth)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMb * 1024L * 1024L)
          .setConfig(GraphDatabaseSettings.allow_file_urls, false)
          .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
          .setConfig(GraphDatabaseSettings.keep_logical_logs, env("NEO4J_TX_LOG_KEEP", "2 files"))
          .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 64L * 1024L * 1024L)
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.udc_enabled, false)
          .build();
    } catch (RuntimeException e) {
      gate.close();
      throw e;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("kg-neo4j: stopping");
      gate.close();
      dbms.shutdown();
      System.out.println("kg-neo4j: stopped");
      stopped.countDown();
    }, "kg-neo4j-shutdown"));

    if (auth) setPassword(dbms, password);
    ConnectorPortRegister ports = ((GraphDatabaseAPI) dbms.database("system")).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    gate.start(ports.getLocalAddress(ConnectorType.BOLT).getPort());

    if ("1".equals(System.getenv("KG_NEO4J_WATCH_STDIN"))) {
      Thread watcher = new Thread(() -> {
        try {
          InputStream in = System.in;
          while (in.read() != -1) { /* keep reading until the parent goes away */ }
        } catch (IOException ignored) {
          // a broken pipe means the parent is gone too
        }
        System.out.println("kg-neo4j: stdin closed, exiting");
        System.exit(0);
      }, "kg-neo4j-stdin");
      watcher.setDaemon(true);
      watcher.start();
    }

    System.out.println("kg-neo4j: ready bolt://127.0.0.1:" + port + " pid " + ProcessHandle.current().pid()
        + (auth ? " user neo4j, password " + Password.where(home) : " auth none"));
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

  /** The innermost cause's message on one line (Neo4j wraps the real reason several levels deep). */
  static String oneLine(Throwable e) {
    Throwable t = e;
    String best = null;
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) best = t.getMessage();
      if (t.getCause() == t) break;
      t = t.getCause();
    }
    if (best == null) best = e.getClass().getSimpleName();
    String line = best.strip().split("\\R", 2)[0];
    if (line.contains("lock") && line.contains("store")) line += " (is another Neo4j using this data directory?)";
    return line;
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
