package dev.diplograph.dataset;

import dev.diplograph.error.ErrorBody;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in native images, the types that only Jackson reaches: the dataset
 * records it reads and writes outside of REST signatures, and the REST error bodies.
 */
@RegisterForReflection(targets = {
        DatasetDocument.class, DatasetDocument.CountryRecord.class, DatasetDocument.SectorRecord.class,
        DatasetDocument.LeaderRecord.class, DatasetDocument.SourceRecord.class, DatasetDocument.VisitRecord.class,
        DatasetDocument.AreaRecord.class, DatasetDocument.ProjectRecord.class, DatasetDocument.StatementRecord.class,
        DatasetDocument.MilestoneRecord.class, ImportReport.class, ImportReport.Counts.class, DatasetError.class,
        ErrorBody.class, ErrorBody.Problem.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
