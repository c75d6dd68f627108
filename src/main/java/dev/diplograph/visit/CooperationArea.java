package dev.diplograph.visit;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.hibernate.validator.constraints.CodePointLength;

import dev.diplograph.graph.Batches;
import dev.diplograph.graph.Rows;
import dev.diplograph.graph.Siblings;
import dev.diplograph.persistence.Records;

/** One sector discussed on one visit, with how far cooperation in it has come. */
@Entity
@Table(name = "cooperation_area")
@Description("A sector discussed on a visit (the visit × sector pair), with its status.")
public class CooperationArea {

    /** Surrogate key, allocated by the dataset writer from the table's sequence; never exposed. */
    @Id
    @Ignore
    public Long id;

    @NotNull
    @Column(name = "visit_id", nullable = false)
    @Ignore
    public Long visitId;

    @NotNull
    @Column(name = "sector_id", nullable = false)
    @Ignore
    public Long sectorId;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    @Description("How far cooperation in this sector has come, as of this visit.")
    public CooperationStatus status;

    @CodePointLength(max = 10000)
    @Column(length = 10000)
    @Description("What was said or agreed about this sector on this visit.")
    public String summary;

    /** The areas loaded together with this one, if a loader grouped them (see {@link AreaFetchers}). */
    @Transient
    @Ignore
    public transient Siblings<CooperationArea> siblings;

    /** The columns of an area, for building read-only areas without entity loading (see {@link Rows}). */
    public static final Rows<CooperationArea> ROWS = Rows.<CooperationArea> of(v -> {
        CooperationArea area = new CooperationArea();
        area.id = v.get("id");
        area.visitId = v.get("visit_id");
        area.sectorId = v.get("sector_id");
        area.status = v.getEnum("status", CooperationStatus.class);
        area.summary = v.get("summary");
        return area;
    }).column("id", Long.class).column("visit_id", Long.class).column("sector_id", Long.class)
            .column("status", String.class).column("summary", String.class).build();

    private static final String FOR_VISITS = """
            SELECT id, visit_id, sector_id, status, summary FROM cooperation_area
            WHERE visit_id IN (:ids) ORDER BY id""";

    /**
     * The cooperation areas of some visits, in the order they were recorded, read-only: built from their
     * columns (a query with a list parameter is translated from HQL again on every call, and the areas
     * were loaded as entities only to be read).
     */
    public static List<CooperationArea> forVisits(Collection<Long> visitIds) {
        return Batches.rows(visitIds, FOR_VISITS, ROWS);
    }

    /** Loads areas by id, in chunks of bounded size. */
    public static List<CooperationArea> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(CooperationArea.class, chunk));
    }
}
