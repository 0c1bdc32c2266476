// kg: the bundled server's password — random per install, kept in a file only its owner can read.
package kg.neo4j;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * NEO4J_PASSWORD wins; else the file NEO4J_PASSWORD_FILE (start.sh: .neo4j/password; otherwise
 * &lt;home&gt;/kg-password) is read, and created with 144 random bits (mode 0600) when missing. kg reads
 * the same file, so nobody ever needs to see or type the password, and no two installs share one.
 */
final class Password {
  private Password() {}

  static Path file(Path home) {
    String f = System.getenv("NEO4J_PASSWORD_FILE");
    return f == null || f.isEmpty() ? home.resolve("kg-password") : Path.of(f).toAbsolutePath();
  }

  /** Where the password comes from, for the ready line (never the password itself). */
  static String where(Path home) {
    String env = System.getenv("NEO4J_PASSWORD");
    return env != null && !env.isEmpty() ? "from NEO4J_PASSWORD" : "in " + file(home);
  }

  static String resolve(Path home) throws IOException {
    String env = System.getenv("NEO4J_PASSWORD");
    if (env != null && !env.isEmpty()) return env;
    Path f = file(home);
    if (!Files.exists(f)) {
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createDirectories(f.getParent());
      try {
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, pw + "\n");
      } catch (FileAlreadyExistsException raced) {
        // another start wrote it first: use theirs
      }
    }
    String pw = Files.readString(f).strip();
    if (pw.isEmpty()) throw new IllegalStateException(f + ": empty password file (delete it to get a new random password)");
    return pw;
  }
}
