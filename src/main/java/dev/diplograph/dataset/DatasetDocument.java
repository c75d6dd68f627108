package dev.diplograph.dataset;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.diplograph.statement.StatementKind;
import dev.diplograph.visit.CooperationStatus;
import dev.diplograph.visit.VisitKind;

/**
 * The visits-dataset/1 document (see {@code visits-dataset.schema.json}) as Java records: the one
 * shape used to seed, import and export the graph. Records point at each other by natural keys.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "countries", "sectors", "leaders", "sources", "visits", "projects", "statements",
        "milestones" })
public record DatasetDocument(
        String format,
        List<CountryRecord> countries,
        List<SectorRecord> sectors,
        List<LeaderRecord> leaders,
        List<SourceRecord> sources,
        List<VisitRecord> visits,
        List<ProjectRecord> projects,
        List<StatementRecord> statements,
        List<MilestoneRecord> milestones) {

    /** The only format this service reads and writes. */
    public static final String FORMAT = "visits-dataset/1";

    /** An empty document, to add records to with the {@code with...} methods. */
    public static DatasetDocument empty() {
        return new DatasetDocument(FORMAT, null, null, null, null, null, null, null, null);
    }

    public DatasetDocument withCountries(List<CountryRecord> records) {
        return new DatasetDocument(format, records, sectors, leaders, sources, visits, projects, statements, milestones);
    }

    public DatasetDocument withSectors(List<SectorRecord> records) {
        return new DatasetDocument(format, countries, records, leaders, sources, visits, projects, statements, milestones);
    }

    public DatasetDocument withLeaders(List<LeaderRecord> records) {
        return new DatasetDocument(format, countries, sectors, records, sources, visits, projects, statements, milestones);
    }

    public DatasetDocument withSources(List<SourceRecord> records) {
        return new DatasetDocument(format, countries, sectors, leaders, records, visits, projects, statements, milestones);
    }

    public DatasetDocument withVisits(List<VisitRecord> records) {
        return new DatasetDocument(format, countries, sectors, leaders, sources, records, projects, statements, milestones);
    }

    public DatasetDocument withProjects(List<ProjectRecord> records) {
        return new DatasetDocument(format, countries, sectors, leaders, sources, visits, records, statements, milestones);
    }

    public DatasetDocument withStatements(List<StatementRecord> records) {
        return new DatasetDocument(format, countries, sectors, leaders, sources, visits, projects, records, milestones);
    }

    public DatasetDocument withMilestones(List<MilestoneRecord> records) {
        return new DatasetDocument(format, countries, sectors, leaders, sources, visits, projects, statements, records);
    }

    /** A country. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CountryRecord(String code, String name, String nativeName) {
    }

    /** A sector with the keywords that signal it in a text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SectorRecord(String slug, String name, String description, List<String> keywords) {
    }

    /** A leader. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LeaderRecord(String slug, String name, String nativeName, String office, String country,
            LocalDate inOfficeSince) {
    }

    /** A source. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SourceRecord(String key, String outlet, String title, String url, LocalDate publishedOn,
            String language) {
    }

    /** A visit with its cooperation areas. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "key", "leader", "hostCountry", "startDate", "endDate", "kind", "title", "summary", "cities",
            "sources", "sectors" })
    public record VisitRecord(String key, String leader, String hostCountry, LocalDate startDate, LocalDate endDate,
            VisitKind kind, String title, String summary, List<String> cities, List<String> sources,
            List<AreaRecord> sectors) {
    }

    /** One cooperation area of a visit. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AreaRecord(String sector, CooperationStatus status, String summary) {
    }

    /** A project. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ProjectRecord(String key, String name, String sector, List<String> countries,
            CooperationStatus status, String summary, List<String> visits) {
    }

    /** A statement; its key is derived when absent. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({ "key", "speaker", "kind", "text", "saidOn", "language", "source", "visit", "sectors",
            "projects" })
    public record StatementRecord(String key, String speaker, String text, StatementKind kind, LocalDate saidOn,
            String language, String source, String visit, List<String> sectors, List<String> projects) {
    }

    /** A milestone. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MilestoneRecord(String key, List<String> countries, String title, Integer year, Integer endYear,
            String summary, List<String> sources) {
    }
}
