package dev.diplograph.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A committed change of one visit, with the keys subscribers filter on (a deleted visit cannot be read back). */
public record VisitEvent(long id, String key, String leader, String hostCountry, ChangeKind change) {

    private static final String KEYS = """
            SELECT v.visit_key, l.slug, c.code FROM visit v JOIN leader l ON l.id = v.leader_id
            JOIN country c ON c.id = v.host_country_id WHERE v.id = ?""";

    /** The event of a visit that still exists (read before deleting it); null when there is no such visit. */
    public static VisitEvent of(Connection connection, long visitId, ChangeKind change) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(KEYS)) {
            select.setLong(1, visitId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new VisitEvent(visitId, rs.getString(1), rs.getString(2), rs.getString(3), change) : null;
            }
        }
    }
}
