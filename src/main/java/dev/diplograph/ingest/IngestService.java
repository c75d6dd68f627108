package dev.diplograph.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.dataset.StatementKeys;
import dev.diplograph.error.BadUserInputException;
import dev.diplograph.leader.Leader;
import dev.diplograph.persistence.Records;
import dev.diplograph.project.Project;
import dev.diplograph.sector.Sector;
import dev.diplograph.source.Source;
import dev.diplograph.statement.Statement;
import dev.diplograph.statement.StatementKind;
import dev.diplograph.statement.StatementPreview;
import dev.diplograph.visit.Visit;

/**
 * Turns an article into statements: extracts them with the leaders, sector keywords and project
 * names the graph knows, and stores the new ones through the dataset write path. Statement keys are
 * derived from speaker, source and text, so ingesting the same article twice creates nothing new.
 */
@ApplicationScoped
public class IngestService {

    private final DatasetService datasets;

    public IngestService(DatasetService datasets) {
        this.datasets = datasets;
    }

    public IngestReport ingest(ArticleInput input) {
        if (input.speaker != null && Leader.findBySlug(input.speaker).isEmpty()) {
            throw new BadUserInputException("unknown leader \"" + input.speaker + "\"", "input.speaker");
        }
        Visit visit = null;
        if (input.visit != null) {
            visit = Visit.findByKey(input.visit).orElseThrow(
                    () -> new BadUserInputException("unknown visit \"" + input.visit + "\"", "input.visit"));
        }
        String sourceKey = input.source.key != null ? input.source.key : sourceKey(input);
        List<Leader> leaders = Records.list(Leader.class, "from Leader");
        List<Sector> sectors = Records.list(Sector.class,
                "select distinct s from Sector s left join fetch s.keywords order by s.slug");
        List<Project> projects = Records.list(Project.class, "from Project");
        Lexicon lexicon = new Lexicon(
                leaders.stream().map(l -> new Lexicon.Leader(l.slug, l.name, l.office)).toList(),
                sectors.stream().map(s -> new Lexicon.Sector(s.slug, List.copyOf(s.keywords))).toList(),
                projects.stream().map(p -> new Lexicon.Project(p.key, p.name)).toList());
        List<ArticleExtractor.Proposal> proposals = new ArticleExtractor(lexicon).extract(input.text, input.speaker);

        String language = input.source.language != null ? input.source.language : "en";
        Map<String, StatementRecord> records = new LinkedHashMap<>();
        for (ArticleExtractor.Proposal p : proposals) {
            String key = StatementKeys.derive(p.speaker(), sourceKey, p.text());
            records.putIfAbsent(key, new StatementRecord(key, p.speaker(), p.text(), StatementKind.valueOf(p.kind()),
                    null, language, sourceKey, input.visit, List.copyOf(p.sectors()), List.copyOf(p.projects())));
        }
        Set<String> existing = Records.list(Statement.class, "from Statement where key in ?1", List.copyOf(records.keySet()))
                .stream()
                .map(s -> s.key).collect(Collectors.toSet());
        List<StatementRecord> fresh = records.values().stream().filter(r -> !existing.contains(r.key())).toList();

        if (Boolean.TRUE.equals(input.dryRun)) {
            Source source = Source.findByKey(sourceKey).orElseGet(() -> transientSource(input, sourceKey));
            return new IngestReport(previews(records.values(), leaders, sectors, projects, source, visit), 0,
                    existing.size());
        }
        datasets.apply(DatasetDocument.empty()
                .withSources(List.of(input.source.toRecord(sourceKey)))
                .withStatements(fresh));
        Map<String, Statement> stored = Records
                .list(Statement.class, "from Statement where key in ?1", List.copyOf(records.keySet())).stream()
                .collect(Collectors.toMap(s -> s.key, Function.identity()));
        List<Statement> inOrder = records.keySet().stream().map(stored::get).toList();
        return new IngestReport(inOrder, fresh.size(), existing.size());
    }

    /** outlet-date, e.g. "anadolu-agency-2025-11-23", or outlet and a hash of title, url and text without a date. */
    static String sourceKey(ArticleInput input) {
        String outlet = input.source.outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (outlet.isEmpty()) {
            outlet = "source";
        }
        if (outlet.length() > 50) {
            outlet = outlet.substring(0, 50).replaceAll("-+$", "");
        }
        String suffix;
        if (input.source.publishedOn != null) {
            suffix = input.source.publishedOn.toString() + "-" + hash(input.source.title + "\n" + input.source.url, 4);
        } else {
            suffix = hash(input.source.title + "\n" + input.source.url + "\n" + input.text, 8);
        }
        return outlet + "-" + suffix;
    }

    private static String hash(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Source transientSource(ArticleInput input, String key) {
        Source source = new Source();
        source.key = key;
        source.outlet = input.source.outlet;
        source.title = input.source.title;
        source.url = input.source.url;
        source.publishedOn = input.source.publishedOn;
        source.language = input.source.language;
        return source;
    }

    /** Unstored statements for a dry run, with their relations attached as previews. */
    private static List<Statement> previews(Iterable<StatementRecord> records, List<Leader> leaders,
            List<Sector> sectors, List<Project> projects, Source source, Visit visit) {
        Map<String, Leader> leaderBySlug = leaders.stream().collect(Collectors.toMap(l -> l.slug, Function.identity()));
        Map<String, Sector> sectorBySlug = sectors.stream().collect(Collectors.toMap(s -> s.slug, Function.identity()));
        Map<String, Project> projectByKey = projects.stream().collect(Collectors.toMap(p -> p.key, Function.identity()));
        List<Statement> result = new ArrayList<>();
        for (StatementRecord r : records) {
            Statement s = new Statement();
            s.key = r.key();
            s.text = r.text();
            s.kind = r.kind();
            s.language = r.language();
            Leader speaker = leaderBySlug.get(r.speaker());
            s.speakerId = speaker.id;
            s.visitId = visit == null ? null : visit.id;
            s.preview = new StatementPreview(speaker, source, visit,
                    r.sectors().stream().map(sectorBySlug::get).toList(),
                    r.projects().stream().map(projectByKey::get).toList());
            result.add(s);
        }
        return result;
    }
}
