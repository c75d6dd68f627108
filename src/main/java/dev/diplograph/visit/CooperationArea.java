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
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

import dev.diplograph.graph.Batches;
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

    @Size(max = 10000)
    @Column(length = 10000)
    @Description("What was said or agreed about this sector on this visit.")
    public String summary;

    /** The areas loaded together with this one, if a loader grouped them (see {@link AreaFetchers}). */
    @Transient
    @Ignore
    public transient Siblings<CooperationArea> siblings;

    /** The cooperation areas of some visits, in the order they were recorded. */
    public static List<CooperationArea> forVisits(Collection<Long> visitIds) {
        return Batches.load(visitIds, chunk -> Records.list(CooperationArea.class, "from CooperationArea where visitId in ?1 order by id", chunk));
    }

    /** Loads areas by id, in chunks of bounded size. */
    public static List<CooperationArea> withIds(Collection<Long> ids) {
        return Batches.load(ids, chunk -> Records.byIds(CooperationArea.class, chunk));
    }
}
