// kg: the public Bolt port — passes Bolt connections through to Neo4j, refuses WebSocket upgrades.
package kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Neo4j 5.26 answers a WebSocket upgrade on its Bolt port from any Origin and has no setting to turn
 * that off, so a web page open in the analyst's browser could reach the database. The gate owns the
 * public port on 127.0.0.1, reads the first four bytes of each connection and only splices real Bolt
 * (magic 0x6060B017) through to Neo4j's own listener on an ephemeral loopback port; an HTTP request
 * gets a 403 and is closed. TCP_NODELAY on both legs, so Bolt's request/response rhythm is not delayed.
 */
final class BoltGate {
  private static final byte[] MAGIC = {0x60, 0x60, (byte) 0xB0, 0x17};
  private static final String BODY = "kg-neo4j: Bolt over WebSocket/HTTP is not served here.\n";
  private static final byte[] REFUSED = ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: "
      + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private volatile boolean closed;

  /** Binds 127.0.0.1:port now (so a busy port fails before the database starts). */
  BoltGate(int port) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
  }

  /** Starts accepting; connections go to Neo4j's Bolt listener on 127.0.0.1:target. */
  void start(int target) {
    Thread t = new Thread(() -> {
      while (!closed) {
        try {
          Socket client = server.accept();
          Thread h = new Thread(() -> handle(client, target), "kg-bolt-gate-conn");
          h.setDaemon(true);
          h.start();
        } catch (IOException e) {
          if (closed) return;
        }
      }
    }, "kg-bolt-gate");
    t.setDaemon(true);
    t.start();
  }

  void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void handle(Socket client, int target) {
    try {
      client.setTcpNoDelay(true);
      client.setSoTimeout(30_000); // a client that never says what it is goes away
      byte[] head = new byte[4];
      InputStream in = client.getInputStream();
      int n = 0;
      while (n < 4) {
        int r = in.read(head, n, 4 - n);
        if (r < 0) break;
        n += r;
      }
      boolean bolt = n == 4 && head[0] == MAGIC[0] && head[1] == MAGIC[1] && head[2] == MAGIC[2] && head[3] == MAGIC[3];
      if (!bolt) {
        if (n > 0 && (head[0] == 'G' || head[0] == 'P' || head[0] == 'H' || head[0] == 'O')) client.getOutputStream().write(REFUSED);
        client.close();
        return;
      }
      client.setSoTimeout(0);
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      upstream.setTcpNoDelay(true);
      upstream.getOutputStream().write(head);
      Thread back = new Thread(() -> pump(upstream, client), "kg-bolt-gate-down");
      back.setDaemon(true);
      back.start();
      pump(client, upstream);
    } catch (SocketTimeoutException e) {
      quietClose(client);
    } catch (IOException e) {
      quietClose(client);
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buf = new byte[64 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int r; (r = in.read(buf)) >= 0; ) out.write(buf, 0, r);
    } catch (IOException ignored) {
      // either side closed
    } finally {
      quietClose(from);
      quietClose(to);
    }
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
