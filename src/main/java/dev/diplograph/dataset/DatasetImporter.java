package dev.diplograph.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.diplograph.country.Country;
import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.MilestoneRecord;
import dev.diplograph.dataset.DatasetDocument.ProjectRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.leader.Leader;
import dev.diplograph.milestone.Milestone;
import dev.diplograph.project.Project;
import dev.diplograph.sector.Sector;
import dev.diplograph.source.Source;
import dev.diplograph.statement.Statement;
import dev.diplograph.visit.CooperationArea;
import dev.diplograph.visit.Visit;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Applies a visits-dataset/1 document to the database in one transaction: every record is upserted
 * by its natural key, every cross-reference is checked first, and any problem rolls everything back.
 */
@ApplicationScoped
public class DatasetImporter {

    private final EntityManager em;
    private final Validator validator;

    public DatasetImporter(EntityManager em, Validator validator) {
        this.em = em;
        this.validator = validator;
    }

    /**
     * Imports the document.
     *
     * @throws InvalidDatasetException listing every problem found; nothing is written then
     */
    @Transactional
    public ImportReport apply(DatasetDocument doc) {
        Run run = new Run();
        if (!DatasetDocument.FORMAT.equals(doc.format())) {
            run.error("/format", "must be \"" + DatasetDocument.FORMAT + "\"");
            run.failIfErrors();
        }
        Map<String, Country> countries = run.upsert("countries", doc.countries(), CountryRecord::code,
                keys -> Country.list("code in ?1", keys), c -> c.code, Country::new, (r, c) -> {
                    c.code = r.code();
                    c.name = r.name();
                    c.nativeName = r.nativeName();
                });
        Map<String, Sector> sectors = run.upsert("sectors", doc.sectors(), SectorRecord::slug,
                keys -> Sector.list("slug in ?1", keys), s -> s.slug, Sector::new, (r, s) -> {
                    s.slug = r.slug();
                    s.name = r.name();
                    s.description = r.description();
                    s.keywords.clear();
                    if (r.keywords() != null) {
                        s.keywords.addAll(r.keywords());
                    }
                });
        Refs<Country> countryRefs = run.refs(countries, keys -> Country.list("code in ?1", keys), c -> c.code,
                c -> c.id);
        Refs<Sector> sectorRefs = run.refs(sectors, keys -> Sector.list("slug in ?1", keys), s -> s.slug, s -> s.id);

        Map<String, Leader> leaders = run.upsert("leaders", doc.leaders(), LeaderRecord::slug,
                keys -> Leader.list("slug in ?1", keys), l -> l.slug, Leader::new, (r, l) -> {
                    l.slug = r.slug();
                    l.name = r.name();
                    l.nativeName = r.nativeName();
                    l.office = r.office();
                    l.countryId = countryRefs.id(r.country(), run.pointer() + "/country");
                    l.inOfficeSince = r.inOfficeSince();
                });
        Map<String, Source> sources = run.upsert("sources", doc.sources(), SourceRecord::key,
                keys -> Source.list("key in ?1", keys), s -> s.key, Source::new, (r, s) -> {
                    s.key = r.key();
                    s.outlet = r.outlet();
                    s.title = r.title();
                    s.url = r.url();
                    s.publishedOn = r.publishedOn();
                    s.language = r.language();
                });
        Refs<Leader> leaderRefs = run.refs(leaders, keys -> Leader.list("slug in ?1", keys), l -> l.slug, l -> l.id);
        Refs<Source> sourceRefs = run.refs(sources, keys -> Source.list("key in ?1", keys), s -> s.key, s -> s.id);

        Map<Visit, List<AreaRecord>> areasByVisit = new LinkedHashMap<>();
        Map<String, Visit> visits = run.upsert("visits", doc.visits(), VisitRecord::key,
                keys -> Visit.list("key in ?1", keys), v -> v.key, Visit::new, (r, v) -> {
                    String at = run.pointer();
                    v.key = r.key();
                    v.leaderId = leaderRefs.id(r.leader(), at + "/leader");
                    v.hostCountryId = countryRefs.id(r.hostCountry(), at + "/hostCountry");
                    v.startDate = r.startDate();
                    v.endDate = r.endDate();
                    if (r.endDate() != null && r.startDate() != null && r.endDate().isBefore(r.startDate())) {
                        run.error(at + "/endDate", "must not be before startDate");
                    }
                    v.kind = r.kind();
                    v.title = r.title();
                    v.summary = r.summary();
                    v.cities.clear();
                    if (r.cities() != null) {
                        v.cities.addAll(r.cities());
                    }
                    replace(v.sourceIds, sourceRefs.ids(r.sources(), at + "/sources"));
                    List<AreaRecord> areas = r.sectors() == null ? List.of() : r.sectors();
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < areas.size(); i++) {
                        sectorRefs.id(areas.get(i).sector(), at + "/sectors/" + i + "/sector");
                        if (!seen.add(areas.get(i).sector())) {
                            run.error(at + "/sectors/" + i + "/sector", "sector listed twice on one visit");
                        }
                    }
                    areasByVisit.put(v, areas);
                });
        Refs<Visit> visitRefs = run.refs(visits, keys -> Visit.list("key in ?1", keys), v -> v.key, v -> v.id);

        Map<String, Project> projects = run.upsert("projects", doc.projects(), ProjectRecord::key,
                keys -> Project.list("key in ?1", keys), p -> p.key, Project::new, (r, p) -> {
                    String at = run.pointer();
                    p.key = r.key();
                    p.name = r.name();
                    p.sectorId = sectorRefs.id(r.sector(), at + "/sector");
                    p.status = r.status();
                    p.summary = r.summary();
                    replace(p.countryIds, countryRefs.ids(r.countries(), at + "/countries"));
                    replace(p.visitIds, visitRefs.ids(r.visits(), at + "/visits"));
                });
        Refs<Project> projectRefs = run.refs(projects, keys -> Project.list("key in ?1", keys), p -> p.key,
                p -> p.id);

        List<StatementRecord> statementRecords = withKeys(doc.statements());
        run.upsert("statements", statementRecords, StatementRecord::key,
                keys -> Statement.list("key in ?1", keys), s -> s.key, Statement::new, (r, s) -> {
                    String at = run.pointer();
                    s.key = r.key();
                    s.speakerId = leaderRefs.id(r.speaker(), at + "/speaker");
                    s.text = r.text();
                    s.kind = r.kind();
                    s.saidOn = r.saidOn();
                    s.language = r.language();
                    s.sourceId = sourceRefs.id(r.source(), at + "/source");
                    s.visitId = r.visit() == null ? null : visitRefs.id(r.visit(), at + "/visit");
                    replace(s.sectorIds, sectorRefs.ids(r.sectors(), at + "/sectors"));
                    replace(s.projectIds, projectRefs.ids(r.projects(), at + "/projects"));
                });
        run.upsert("milestones", doc.milestones(), MilestoneRecord::key,
                keys -> Milestone.list("key in ?1", keys), m -> m.key, Milestone::new, (r, m) -> {
                    String at = run.pointer();
                    m.key = r.key();
                    m.title = r.title();
                    m.year = r.year();
                    m.endYear = r.endYear();
                    if (r.endYear() != null && r.year() != null && r.endYear() < r.year()) {
                        run.error(at + "/endYear", "must not be before year");
                    }
                    m.summary = r.summary();
                    replace(m.countryIds, countryRefs.ids(r.countries(), at + "/countries"));
                    replace(m.sourceIds, sourceRefs.ids(r.sources(), at + "/sources"));
                });
        run.failIfErrors();
        em.flush();
        applyAreas(areasByVisit, sectorRefs, run);
        return new ImportReport(run.counts);
    }

    /** Makes each visit's cooperation areas exactly those of its record, keeping unchanged rows. */
    private void applyAreas(Map<Visit, List<AreaRecord>> areasByVisit, Refs<Sector> sectorRefs, Run run) {
        if (areasByVisit.isEmpty()) {
            return;
        }
        List<Long> visitIds = areasByVisit.keySet().stream().map(v -> v.id).toList();
        Map<Long, Map<Long, CooperationArea>> existing = new HashMap<>();
        for (CooperationArea area : CooperationArea.forVisits(visitIds)) {
            existing.computeIfAbsent(area.visitId, k -> new HashMap<>()).put(area.sectorId, area);
        }
        int created = 0;
        int updated = 0;
        for (Map.Entry<Visit, List<AreaRecord>> entry : areasByVisit.entrySet()) {
            Map<Long, CooperationArea> current = existing.getOrDefault(entry.getKey().id, new HashMap<>());
            for (AreaRecord record : entry.getValue()) {
                Long sectorId = sectorRefs.id(record.sector(), "");
                CooperationArea area = current.remove(sectorId);
                if (area == null) {
                    area = new CooperationArea();
                    area.visitId = entry.getKey().id;
                    area.sectorId = sectorId;
                    created++;
                } else {
                    updated++;
                }
                area.status = record.status();
                area.summary = record.summary();
                area.persist();
            }
            current.values().forEach(PanacheEntityBase::delete);
        }
        run.counts.put("cooperationAreas", new ImportReport.Counts(created, updated));
    }

    /** Statement records with their key filled in: given keys are kept, missing ones derived. */
    private static List<StatementRecord> withKeys(List<StatementRecord> records) {
        if (records == null) {
            return null;
        }
        List<StatementRecord> result = new ArrayList<>(records.size());
        for (StatementRecord r : records) {
            result.add(r.key() != null ? r
                    : new StatementRecord(derivedKey(r), r.speaker(), r.text(), r.kind(), r.saidOn(), r.language(),
                            r.source(), r.visit(), r.sectors(), r.projects()));
        }
        return result;
    }

    /**
     * The stable key of a statement imported without one: the speaker's slug (cut to 40 characters)
     * and 16 hex digits of SHA-256 over speaker, source and text.
     */
    public static String derivedKey(StatementRecord r) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((r.speaker() + "\n" + r.source() + "\n" + r.text()).getBytes(StandardCharsets.UTF_8));
            String speaker = r.speaker() == null ? "statement" : r.speaker();
            if (speaker.length() > 40) {
                speaker = speaker.substring(0, 40).replaceAll("-+$", "");
            }
            return speaker + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void replace(Set<Long> target, Set<Long> values) {
        if (!target.equals(values)) {
            target.clear();
            target.addAll(values);
        }
    }

    /** Resolves natural keys of one record type to ids: from this document first, then from the database. */
    private final class Refs<E> {
        private final Map<String, Long> ids = new HashMap<>();
        private final Set<String> inDocument;
        private final Run run;
        private final Function<Collection<String>, List<E>> loader;
        private final Function<E, String> keyOf;
        private final Function<E, Long> idOf;

        Refs(Run run, Map<String, E> fromDocument, Function<Collection<String>, List<E>> loader,
                Function<E, String> keyOf, Function<E, Long> idOf) {
            this.run = run;
            this.loader = loader;
            this.keyOf = keyOf;
            this.idOf = idOf;
            this.inDocument = fromDocument.keySet();
            fromDocument.forEach((key, entity) -> ids.put(key, idOf.apply(entity)));
        }

        Long id(String key, String pointer) {
            if (key == null) {
                return null;
            }
            Long id = ids.get(key);
            if (id == null && !ids.containsKey(key)) {
                for (E entity : loader.apply(List.of(key))) {
                    ids.put(keyOf.apply(entity), idOf.apply(entity));
                }
                ids.putIfAbsent(key, null);
                id = ids.get(key);
            }
            if (id == null && !inDocument.contains(key)) {
                run.error(pointer, "unknown reference \"" + key + "\"");
            }
            return id;
        }

        Set<Long> ids(List<String> keys, String pointer) {
            Set<Long> result = new LinkedHashSet<>();
            if (keys == null) {
                return result;
            }
            for (int i = 0; i < keys.size(); i++) {
                Long id = id(keys.get(i), pointer + "/" + i);
                if (id != null) {
                    result.add(id);
                }
            }
            return result;
        }
    }

    /** The state of one import: errors found so far, counts, and where in the document we are. */
    private final class Run {
        final List<DatasetError> errors = new ArrayList<>();
        final Map<String, ImportReport.Counts> counts = new LinkedHashMap<>();
        private String pointer = "";

        String pointer() {
            return pointer;
        }

        void error(String at, String message) {
            errors.add(new DatasetError(at, message));
        }

        void failIfErrors() {
            if (!errors.isEmpty()) {
                throw new InvalidDatasetException(errors);
            }
        }

        <E> Refs<E> refs(Map<String, E> fromDocument, Function<Collection<String>, List<E>> loader,
                Function<E, String> keyOf, Function<E, Long> idOf) {
            return new Refs<>(this, fromDocument, loader, keyOf, idOf);
        }

        /** Creates or updates one record type; returns the entities by key, persisted and flushed. */
        <R, E extends PanacheEntityBase> Map<String, E> upsert(String name, List<R> records, Function<R, String> keyOf,
                Function<List<String>, List<E>> loader, Function<E, String> entityKey, Supplier<E> factory,
                BiConsumer<R, E> apply) {
            Map<String, E> result = new LinkedHashMap<>();
            if (records == null || records.isEmpty()) {
                return result;
            }
            Map<String, E> existing = new HashMap<>();
            List<String> keys = records.stream().map(keyOf).filter(Objects::nonNull).distinct().toList();
            for (int from = 0; from < keys.size(); from += 10_000) {
                for (E entity : loader.apply(keys.subList(from, Math.min(keys.size(), from + 10_000)))) {
                    existing.put(entityKey.apply(entity), entity);
                }
            }
            int created = 0;
            int updated = 0;
            for (int i = 0; i < records.size(); i++) {
                R record = records.get(i);
                pointer = "/" + name + "/" + i;
                String key = keyOf.apply(record);
                if (key != null && result.containsKey(key)) {
                    error(pointer, "duplicate key \"" + key + "\"");
                    continue;
                }
                E entity = existing.get(key);
                if (entity == null) {
                    entity = factory.get();
                    created++;
                } else {
                    updated++;
                }
                apply.accept(record, entity);
                for (ConstraintViolation<E> violation : validator.validate(entity)) {
                    error(pointer + "/" + violation.getPropertyPath(), violation.getMessage());
                }
                if (key != null) {
                    result.put(key, entity);
                }
            }
            if (errors.isEmpty()) {
                result.values().forEach(e -> e.persist());
                em.flush();
            }
            counts.put(name, new ImportReport.Counts(created, updated));
            pointer = "";
            return result;
        }
    }
}
