import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
/**
 * Shows, with H2 alone, whether a kill -9 while one large transaction commits leaves part of it:
 * a writer inserts 100,000 parent rows and 300,000 child rows in one transaction and commits; the
 * process is killed 0–1.5 s after the commit starts, the file reopened and counted (all or none
 * is right). Run by big-commit.sh: java -cp h2.jar H2BigCommitCheck.java run ROUNDS; exits 1 when
 * a round found part of the transaction.
 */
public class H2BigCommitCheck {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("write")) { write(a[1]); return; }
    int rounds = Integer.parseInt(a[1]); Random r = new Random(7); int bad = 0;
    for (int i = 0; i < rounds; i++) {
      Path d = Files.createTempDirectory("h2bigcommit-"); String url = "jdbc:h2:file:" + d + "/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
      Path out = d.resolve("out");
      Process p = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"), Path.of(H2BigCommitCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(), "write", url).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      while (!Files.readString(out).contains("committing")) Thread.sleep(5);
      long t0 = System.nanoTime();
      Thread.sleep(r.nextInt(1500));
      boolean done = Files.readString(out).contains("committed");
      long killedAfter = (System.nanoTime() - t0) / 1000000;
      p.destroyForcibly().waitFor();
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        ResultSet rs = s.executeQuery("select (select count(*) from parent), (select count(*) from child)"); rs.next();
        long pc = rs.getLong(1), cc = rs.getLong(2);
        boolean ok = (pc == 0 && cc == 0) || (pc == 100000 && cc == 300000);
        if (!ok) bad++;
        System.out.println("round " + i + ": killed " + killedAfter + " ms into commit" + (done ? " (after commit returned)" : "") + ": parents " + pc + " children " + cc + (ok ? "" : " HALF"));
      }
      try (var files = Files.walk(d)) { files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete()); }
    }
    System.out.println("H2BIGCOMMIT h2=" + org.h2.engine.Constants.VERSION + " rounds=" + rounds + " half=" + bad);
    if (bad > 0) System.exit(1);
  }
  static void write(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.execute("create table parent (id bigint primary key, name varchar(80) unique)");
      s.execute("create table child (parent_id bigint references parent(id), idx int, name varchar(100), primary key (parent_id, idx))");
      c.setAutoCommit(false);
      try (PreparedStatement pp = c.prepareStatement("insert into parent values (?, ?)"); PreparedStatement cp = c.prepareStatement("insert into child values (?, ?, ?)")) {
        for (int i = 0; i < 100000; i++) { pp.setLong(1, i); pp.setString(2, "p" + i); pp.addBatch();
          for (int k = 0; k < 3; k++) { cp.setLong(1, i); cp.setInt(2, k); cp.setString(3, "child " + k + " of " + i); cp.addBatch(); }
          if (i % 1000 == 999) { pp.executeBatch(); cp.executeBatch(); } }
      }
      System.out.println("committing"); System.out.flush();
      c.commit();
      System.out.println("committed"); System.out.flush();
      Thread.sleep(60000);
    }
  }
}
