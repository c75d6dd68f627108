import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Shows, with H2 alone, whether a {@code kill -9} can leave a multi-statement transaction partly in
 * the file: writers insert a parent row, three child rows, three area rows and bump a counter in one
 * transaction each; the process is killed mid-stream, the file reopened and checked. Run by run.sh.
 *
 * <pre>java -cp h2.jar H2CrashCheck.java concurrent|one-writer ROUNDS [SEED]</pre>
 */
public class H2CrashCheck {

    static final String URL_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"; // as the service opens its file
    static final int WRITERS = 6;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            write(args[1], args[2].equals("one-writer"));
            return;
        }
        String mode = args[0];
        if (!mode.equals("concurrent") && !mode.equals("one-writer")) {
            throw new IllegalArgumentException("mode must be concurrent or one-writer");
        }
        int rounds = Integer.parseInt(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        int inconsistent = 0;
        long acknowledged = 0;
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("h2crash-");
            String url = "jdbc:h2:file:" + dir.resolve("db") + URL_OPTIONS;
            Path out = dir.resolve("writer.log");
            Process writer = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                    Path.of(H2CrashCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                    "write", url, mode)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (Files.size(out) < 100 && System.currentTimeMillis() < deadline) { // writes are flowing
                Thread.sleep(10);
            }
            Thread.sleep(200 + random.nextInt(1500));
            writer.destroyForcibly().waitFor(); // SIGKILL
            try (Stream<String> lines = Files.lines(out)) {
                acknowledged += lines.filter(l -> l.startsWith("acked")).count();
            }
            String problem = check(url);
            if (problem == null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } else {
                inconsistent++;
                System.out.println("round " + round + ": " + problem + " (kept " + dir + ")");
            }
        }
        System.out.printf("H2CRASH mode=%s writers=%d rounds=%d acknowledged=%d inconsistent_rounds=%d%n",
                mode, WRITERS, rounds, acknowledged, inconsistent);
    }

    /** What is inconsistent in the reopened file, or null. */
    static String check(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            StringBuilder problems = new StringBuilder();
            long parents = single(s, "SELECT COUNT(*) FROM parent USE INDEX ()");
            long version = single(s, "SELECT version FROM counter");
            if (version != parents) {
                problems.append("counter ").append(version).append(" but ").append(parents).append(" parents; ");
            }
            // Through the primary rows (a scan) and through the indexes (as a service's look-ups go).
            long[] scanned = { single(s, "SELECT COUNT(*) FROM child USE INDEX ()"), single(s, "SELECT COUNT(*) FROM area USE INDEX ()") };
            if (scanned[0] != 3 * parents || scanned[1] != 3 * parents) {
                problems.append("rows: ").append(parents).append(" parents, ").append(scanned[0]).append(" children, ")
                        .append(scanned[1]).append(" areas; ");
            }
            long incomplete = single(s, "SELECT COUNT(*) FROM parent p WHERE (SELECT COUNT(*) FROM child c WHERE c.parent_id = p.id) <> 3"
                    + " OR (SELECT COUNT(*) FROM area a WHERE a.parent_id = p.id) <> 3");
            if (incomplete > 0) {
                problems.append(incomplete).append(" parents without 3 children and 3 areas through the indexes; ");
            }
            return problems.length() == 0 ? null : problems.toString();
        }
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The writer process: WRITERS threads, each committing one parent with its rows after another, until killed. */
    static void write(String url, boolean oneWriter) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE child (parent_id BIGINT NOT NULL REFERENCES parent (id), idx INT NOT NULL,"
                    + " name VARCHAR(200) NOT NULL, PRIMARY KEY (parent_id, idx))");
            s.execute("CREATE TABLE area (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parent (id),"
                    + " sector INT NOT NULL, UNIQUE (parent_id, sector))");
            s.execute("CREATE SEQUENCE parent_seq");
            s.execute("CREATE SEQUENCE area_seq INCREMENT BY 3");
            s.execute("CREATE TABLE counter (id INT PRIMARY KEY, version BIGINT NOT NULL)");
            s.execute("INSERT INTO counter VALUES (1, 0)");
        }
        ReentrantLock lock = new ReentrantLock(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int t = 0; t < WRITERS; t++) {
            int writer = t;
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    for (int i = 0;; i++) {
                        if (oneWriter) {
                            lock.lock();
                        }
                        try {
                            writeOne(c, writer + "-" + i);
                            c.commit();
                        } finally {
                            if (oneWriter) {
                                lock.unlock();
                            }
                        }
                        System.out.println("acked " + writer + "-" + i);
                    }
                } catch (Throwable e) {
                    e.printStackTrace();
                }
            });
        }
        pool.awaitTermination(1, TimeUnit.DAYS);
    }

    static void writeOne(Connection c, String name) throws SQLException {
        long id;
        long areaId;
        try (Statement s = c.createStatement()) {
            id = single(s, "SELECT NEXT VALUE FOR parent_seq");
            areaId = single(s, "SELECT NEXT VALUE FOR area_seq");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO parent (id, name) VALUES (?, ?)")) {
            p.setLong(1, id);
            p.setString(2, name);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO child (parent_id, idx, name) VALUES (?, ?, ?)")) {
            for (int k = 0; k < 3; k++) {
                p.setLong(1, id);
                p.setInt(2, k);
                p.setString(3, "city " + k);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO area (id, parent_id, sector) VALUES (?, ?, ?)")) {
            for (int k = 0; k < 3; k++) {
                p.setLong(1, areaId + k);
                p.setLong(2, id);
                p.setInt(3, k);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE counter SET version = version + 1 WHERE id = 1");
        }
    }
}
