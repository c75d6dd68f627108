package dev.diplograph.dataset;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.live.ChangeFeed;
import dev.diplograph.live.ChangeKind;
import dev.diplograph.live.Changes;
import dev.diplograph.live.VisitEvent;
import dev.diplograph.error.ConflictException;
import dev.diplograph.persistence.DataVersion;
import dev.diplograph.persistence.Database;
import dev.diplograph.persistence.Transactions;
import dev.diplograph.statement.QuoteTermIndexer;

/**
 * Deletes records by natural key, with one explicit rule: a record that other records still use is
 * not deleted (CONFLICT) unless the caller asks for a cascade. A cascade deletes the records that
 * cannot exist without it (a leader's visits and statements, a sector's cooperation areas and
 * projects, a source's statements, a country's leaders and hosted visits) and detaches those that
 * merely point at it (list entries, a statement's optional visit). Each call is one transaction,
 * run again when it lost a race to a concurrent writer ({@link Transactions#delete}).
 */
@ApplicationScoped
public class DeletionService {

    private final DataSource dataSource;
    private final QuoteTermIndexer termIndexer;
    private final ChangeFeed changeFeed;
    private final Transactions transactions;

    public DeletionService(Database database, QuoteTermIndexer termIndexer, ChangeFeed changeFeed,
            Transactions transactions) {
        this.transactions = transactions;
        this.changeFeed = changeFeed;
        this.dataSource = database.dataSource();
        this.termIndexer = termIndexer;
    }

    public DeletionReport country(String code, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM country WHERE code = ?", code);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("leader", tx.count("SELECT COUNT(*) FROM leader WHERE country_id = ?", id));
            users.put("hosted visit", tx.count("SELECT COUNT(*) FROM visit WHERE host_country_id = ?", id));
            users.put("project", tx.count("SELECT COUNT(*) FROM project_country WHERE country_id = ?", id));
            users.put("milestone", tx.count("SELECT COUNT(*) FROM milestone_country WHERE country_id = ?", id));
            tx.refuseUnlessCascade("Country " + code, users, cascade);
            tx.deleteLeaders(tx.ids("SELECT id FROM leader WHERE country_id = ?", id));
            tx.deleteVisits(tx.ids("SELECT id FROM visit WHERE host_country_id = ?", id));
            tx.detach("DELETE FROM project_country WHERE country_id = ?", id);
            tx.detach("DELETE FROM milestone_country WHERE country_id = ?", id);
            tx.delete("DELETE FROM country WHERE id = ?", id);
            return tx.report();
        });
    }

    public DeletionReport sector(String slug, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM sector WHERE slug = ?", slug);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("statement", tx.count("SELECT COUNT(*) FROM statement_sector WHERE sector_id = ?", id));
            users.put("cooperation area", tx.count("SELECT COUNT(*) FROM cooperation_area WHERE sector_id = ?", id));
            users.put("project", tx.count("SELECT COUNT(*) FROM project WHERE sector_id = ?", id));
            tx.refuseUnlessCascade("Sector " + slug, users, cascade);
            tx.detach("DELETE FROM statement_sector WHERE sector_id = ?", id);
            tx.delete("DELETE FROM cooperation_area WHERE sector_id = ?", id);
            tx.deleteProjects(tx.ids("SELECT id FROM project WHERE sector_id = ?", id));
            tx.delete("DELETE FROM sector WHERE id = ?", id);
            return tx.report();
        });
    }

    public DeletionReport leader(String slug, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM leader WHERE slug = ?", slug);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("visit", tx.count("SELECT COUNT(*) FROM visit WHERE leader_id = ?", id));
            users.put("statement", tx.count("SELECT COUNT(*) FROM statement WHERE speaker_id = ?", id));
            tx.refuseUnlessCascade("Leader " + slug, users, cascade);
            tx.deleteLeaders(List.of(id));
            return tx.report();
        });
    }

    public DeletionReport source(String key, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM source WHERE source_key = ?", key);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("statement", tx.count("SELECT COUNT(*) FROM statement WHERE source_id = ?", id));
            users.put("visit", tx.count("SELECT COUNT(*) FROM visit_source WHERE source_id = ?", id));
            users.put("milestone", tx.count("SELECT COUNT(*) FROM milestone_source WHERE source_id = ?", id));
            tx.refuseUnlessCascade("Source " + key, users, cascade);
            tx.delete("DELETE FROM statement WHERE source_id = ?", id);
            tx.detach("DELETE FROM visit_source WHERE source_id = ?", id);
            tx.detach("DELETE FROM milestone_source WHERE source_id = ?", id);
            tx.delete("DELETE FROM source WHERE id = ?", id);
            return tx.report();
        });
    }

    public DeletionReport visit(String key, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM visit WHERE visit_key = ?", key);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("statement", tx.count("SELECT COUNT(*) FROM statement WHERE visit_id = ?", id));
            users.put("project", tx.count("SELECT COUNT(*) FROM project_visit WHERE visit_id = ?", id));
            tx.refuseUnlessCascade("Visit " + key, users, cascade);
            tx.deleteVisits(List.of(id));
            return tx.report();
        });
    }

    public DeletionReport project(String key, boolean cascade) {
        return run(tx -> {
            Long id = tx.id("SELECT id FROM project WHERE project_key = ?", key);
            if (id == null) {
                return DeletionReport.none();
            }
            Map<String, Integer> users = new LinkedHashMap<>();
            users.put("statement", tx.count("SELECT COUNT(*) FROM statement_project WHERE project_id = ?", id));
            tx.refuseUnlessCascade("Project " + key, users, cascade);
            tx.deleteProjects(List.of(id));
            return tx.report();
        });
    }

    public DeletionReport statement(String key) {
        return run(tx -> {
            tx.delete("DELETE FROM statement WHERE statement_key = ?", key);
            return tx.report();
        });
    }

    public DeletionReport milestone(String key) {
        return run(tx -> {
            tx.delete("DELETE FROM milestone WHERE milestone_key = ?", key);
            return tx.report();
        });
    }

    /** Removes one cooperation area from a visit; nothing refers to areas, so there is no conflict. */
    public DeletionReport cooperationArea(String visitKey, String sectorSlug) {
        return run(tx -> {
            tx.delete("DELETE FROM cooperation_area WHERE visit_id = (SELECT id FROM visit WHERE visit_key = ?)"
                    + " AND sector_id = (SELECT id FROM sector WHERE slug = ?)", visitKey, sectorSlug);
            tx.areaRemoved(visitKey);
            return tx.report();
        });
    }

    private interface Work {
        DeletionReport run(Tx tx) throws SQLException;
    }

    private DeletionReport run(Work work) {
        return transactions.delete(() -> {
            termIndexer.enterStatementWrites(); // deletions may remove statements the indexer is reading
            try (Connection connection = dataSource.getConnection()) {
                DeletionReport report = work.run(new Tx(connection, changeFeed.changes()));
                DataVersion.bump(connection);
                return report;
            } catch (SQLException e) {
                throw new IllegalStateException("Database failure during deletion", e);
            }
        });
    }

    /** The statements of one deletion, counting what they remove. */
    private static final class Tx {
        private final Connection connection;
        private final Changes changes;
        private int deleted;
        private int detached;

        Tx(Connection connection, Changes changes) {
            this.connection = connection;
            this.changes = changes;
        }

        DeletionReport report() {
            return new DeletionReport(deleted, detached);
        }

        void refuseUnlessCascade(String what, Map<String, Integer> users, boolean cascade) {
            List<String> uses = new ArrayList<>();
            users.forEach((kind, count) -> {
                if (count > 0) {
                    uses.add(count + " " + kind + (count == 1 ? "" : "s"));
                }
            });
            if (!uses.isEmpty() && !cascade) {
                throw new ConflictException(what + " is still used by " + String.join(", ", uses)
                        + ". Delete or change those first, or pass cascade: true.");
            }
        }

        void deleteLeaders(List<Long> leaders) throws SQLException {
            for (Long leader : leaders) {
                delete("DELETE FROM statement WHERE speaker_id = ?", leader);
                deleteVisits(ids("SELECT id FROM visit WHERE leader_id = ?", leader));
                delete("DELETE FROM leader WHERE id = ?", leader);
            }
        }

        /** A visit lost a cooperation area: an update of the visit for its subscribers. */
        void areaRemoved(String visitKey) throws SQLException {
            Long visit = deleted > 0 ? id("SELECT id FROM visit WHERE visit_key = ?", visitKey) : null;
            VisitEvent event = visit == null ? null : VisitEvent.of(connection, visit, ChangeKind.UPDATED);
            if (event != null) {
                changes.visitChanged(event);
            }
        }

        void deleteVisits(List<Long> visits) throws SQLException {
            for (Long visit : visits) {
                VisitEvent event = VisitEvent.of(connection, visit, ChangeKind.DELETED);
                if (event != null) {
                    changes.visitChanged(event);
                }
                detach("UPDATE statement SET visit_id = NULL WHERE visit_id = ?", visit);
                detach("DELETE FROM project_visit WHERE visit_id = ?", visit);
                delete("DELETE FROM visit WHERE id = ?", visit);
            }
        }

        void deleteProjects(List<Long> projects) throws SQLException {
            for (Long project : projects) {
                detach("DELETE FROM statement_project WHERE project_id = ?", project);
                delete("DELETE FROM project WHERE id = ?", project);
            }
        }

        Long id(String sql, Object key) throws SQLException {
            List<Long> ids = ids(sql, key);
            return ids.isEmpty() ? null : ids.get(0);
        }

        List<Long> ids(String sql, Object key) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = prepare(sql, key); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }

        int count(String sql, Object key) throws SQLException {
            try (PreparedStatement statement = prepare(sql, key); ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }

        void delete(String sql, Object... keys) throws SQLException {
            deleted += update(sql, keys);
        }

        void detach(String sql, Object... keys) throws SQLException {
            detached += update(sql, keys);
        }

        private int update(String sql, Object... keys) throws SQLException {
            try (PreparedStatement statement = prepare(sql, keys)) {
                return statement.executeUpdate();
            }
        }

        private PreparedStatement prepare(String sql, Object... keys) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < keys.length; i++) {
                statement.setObject(i + 1, keys[i]);
            }
            return statement;
        }
    }
}
