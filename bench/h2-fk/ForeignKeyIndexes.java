import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What H2's own index for each foreign key costs a bulk import, with H2 alone: inserts N statements
 * and their sector links (the service's statement and statement_sector tables, the same ordering
 * indexes, 100-row INSERTs) in one transaction into a fresh file, with the tables' five foreign keys
 * ("fk") or without them ("nofk"), and prints the insert and commit times and the indexes H2 made.
 * Run by run.sh: java -cp h2.jar ForeignKeyIndexes.java fk|nofk N
 * With -Dlink.by.sector=true, the link table's primary key is (sector_id, statement_id) and takes the
 * place of the ordering index on those columns: one B-tree fewer per link.
 * With -Dstore.buffer.mib=M, the store's buffer of unsaved changes (H2 sets it from the heap, at most
 * 19 MiB, with no setting to change it) is set to M MiB by reflection, to see what storing the open
 * transaction's pages less often would gain; an experiment, nothing the service can do.
 */
public class ForeignKeyIndexes {
  public static void main(String[] a) throws Exception {
    boolean keys = a[0].equals("fk");
    int n = Integer.parseInt(a[1]);
    Path dir = Files.createTempDirectory("h2-fk");
    String url = "jdbc:h2:file:" + dir + "/db;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String parent : new String[] {"sector", "leader", "source", "visit"}) {
        s.execute("CREATE TABLE " + parent + " (id BIGINT PRIMARY KEY, k VARCHAR(80))");
      }
      s.execute("""
          CREATE TABLE statement (id BIGINT NOT NULL, statement_key VARCHAR(80) NOT NULL,
            speaker_id BIGINT NOT NULL, quote_text VARCHAR(10000) NOT NULL, kind VARCHAR(16) NOT NULL,
            said_on DATE, language VARCHAR(35), source_id BIGINT NOT NULL, visit_id BIGINT,
            CONSTRAINT pk_statement PRIMARY KEY (id), CONSTRAINT uk_statement_key UNIQUE (statement_key)"""
          + (keys ? """
            , CONSTRAINT fk_statement_speaker FOREIGN KEY (speaker_id) REFERENCES leader (id),
            CONSTRAINT fk_statement_source FOREIGN KEY (source_id) REFERENCES source (id),
            CONSTRAINT fk_statement_visit FOREIGN KEY (visit_id) REFERENCES visit (id)""" : "") + ")");
      s.execute("CREATE INDEX ix_statement_speaker ON statement (speaker_id, id)");
      s.execute("CREATE INDEX ix_statement_visit ON statement (visit_id, id)");
      s.execute("""
          CREATE TABLE statement_sector (statement_id BIGINT NOT NULL, sector_id BIGINT NOT NULL,
            CONSTRAINT pk_statement_sector PRIMARY KEY """ + (Boolean.getBoolean("link.by.sector") ? "(sector_id, statement_id)" : "(statement_id, sector_id)")
          + (keys ? """
            , CONSTRAINT fk_statement_sector_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
            CONSTRAINT fk_statement_sector_sector FOREIGN KEY (sector_id) REFERENCES sector (id)""" : "") + ")");
      if (!Boolean.getBoolean("link.by.sector")) {
        s.execute("CREATE INDEX ix_statement_sector_sector ON statement_sector (sector_id, statement_id)");
      }
      s.execute("INSERT INTO sector SELECT x, 's' || x FROM system_range(1, 6)");
      s.execute("INSERT INTO leader SELECT x, 'l' || x FROM system_range(1, 200)");
      s.execute("INSERT INTO source SELECT x, 'o' || x FROM system_range(1, 4000)");
      s.execute("INSERT INTO visit SELECT x, 'v' || x FROM system_range(1, 4000)");
      String buffer = System.getProperty("store.buffer.mib");
      if (buffer != null) {
        org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
            .getSession()).getDatabase().getStore().getMvStore();
        Field memory = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
        memory.setAccessible(true);
        int before = store.getAutoCommitMemory();
        memory.setInt(store, Integer.parseInt(buffer) << 20);
        System.out.printf("store buffer %d MiB -> %d MiB%n", before >> 20, store.getAutoCommitMemory() >> 20);
      }
      c.setAutoCommit(false);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        text.append("word").append(i).append(' ');
      }
      int rows = 100;
      long start = System.nanoTime();
      try (PreparedStatement statements = c.prepareStatement("INSERT INTO statement (id, statement_key, speaker_id,"
          + " quote_text, kind, said_on, language, source_id, visit_id) VALUES " + values(rows, 9));
          PreparedStatement links = c.prepareStatement("INSERT INTO statement_sector (statement_id, sector_id) VALUES "
              + values(rows, 2))) {
        for (int batch = 0; batch < n / rows; batch++) {
          int p = 1;
          int q = 1;
          for (int i = 0; i < rows; i++) {
            long id = (long) batch * rows + i + 1;
            long visit = (id - 1) / 30 + 1;
            statements.setLong(p++, id);
            statements.setString(p++, "statement-" + id);
            statements.setLong(p++, (visit - 1) / 20 + 1);
            statements.setString(p++, text + "t" + id);
            statements.setString(p++, "DIRECT");
            statements.setDate(p++, java.sql.Date.valueOf("2025-11-0" + (1 + id % 9)));
            statements.setString(p++, "en");
            statements.setLong(p++, visit);
            statements.setLong(p++, visit);
            links.setLong(q++, id);
            links.setLong(q++, (id / 5) % 6 + 1);
          }
          statements.executeUpdate();
          links.executeUpdate();
        }
      }
      long inserted = System.nanoTime();
      c.commit();
      long committed = System.nanoTime();
      System.out.printf("H2_FK %s statements=%d insert_s=%.2f commit_s=%.2f rate=%.0f/s%n", a[0], n,
          (inserted - start) / 1e9, (committed - inserted) / 1e9, n / ((committed - start) / 1e9));
      try (ResultSet r = s.executeQuery("SELECT table_name, index_name FROM information_schema.indexes"
          + " WHERE table_name IN ('STATEMENT', 'STATEMENT_SECTOR') ORDER BY 1, 2")) {
        StringBuilder indexes = new StringBuilder();
        while (r.next()) {
          indexes.append(' ').append(r.getString(1).toLowerCase()).append('.').append(r.getString(2).toLowerCase());
        }
        System.out.println("  indexes:" + indexes);
      }
    }
  }

  private static String values(int rows, int columns) {
    String row = "(" + "?, ".repeat(columns - 1) + "?)";
    return String.join(", ", java.util.Collections.nCopies(rows, row));
  }
}
