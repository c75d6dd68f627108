package dev.diplograph.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import dev.diplograph.dataset.DatasetDocument;
import dev.diplograph.dataset.DatasetDocument.AreaRecord;
import dev.diplograph.dataset.DatasetDocument.CountryRecord;
import dev.diplograph.dataset.DatasetDocument.LeaderRecord;
import dev.diplograph.dataset.DatasetDocument.SectorRecord;
import dev.diplograph.dataset.DatasetDocument.SourceRecord;
import dev.diplograph.dataset.DatasetDocument.StatementRecord;
import dev.diplograph.dataset.DatasetDocument.VisitRecord;
import dev.diplograph.dataset.DatasetService;
import dev.diplograph.statement.StatementKind;
import dev.diplograph.visit.CooperationStatus;
import dev.diplograph.visit.VisitKind;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads a generated graph next to the seed dataset for the test suite: one leader with
 * {@value #VISITS} visits of {@value #AREAS} areas with {@value #QUOTES_PER_AREA} quotes each, and
 * {@value #EXTRA_LEADERS} more leaders, so pagination and batching are tested on more than one page.
 */
@ApplicationScoped
public class TestFixtures {

    public static final String COUNTRY = "ZX";
    public static final String HOST = "ZY";
    public static final String LEADER = "fixture-leader";
    public static final String SOURCE = "fixture-wire";
    public static final int VISITS = 24;
    public static final int AREAS = 6;
    public static final int QUOTES_PER_AREA = 5;
    public static final int EXTRA_LEADERS = 30;
    /** First visit day; visit i starts i * 10 days later. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 6);

    void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event, DatasetService datasets) {
        datasets.apply(document());
    }

    /** Sector slug of area {@code a}. */
    public static String sector(int a) {
        return "fixture-sector-" + a;
    }

    /** Key of visit {@code v}. */
    public static String visit(int v) {
        return String.format("fixture-visit-%02d", v);
    }

    public static DatasetDocument document() {
        List<SectorRecord> sectors = new ArrayList<>();
        for (int a = 0; a < AREAS; a++) {
            sectors.add(new SectorRecord(sector(a), "Fixture sector " + a, null, List.of("fixture" + a)));
        }
        List<LeaderRecord> leaders = new ArrayList<>();
        leaders.add(new LeaderRecord(LEADER, "Fixture Leader", null, "President", COUNTRY, null));
        for (int i = 0; i < EXTRA_LEADERS; i++) {
            leaders.add(new LeaderRecord(String.format("fixture-extra-%02d", i), "Extra " + i, null, "Minister",
                    i % 2 == 0 ? COUNTRY : HOST, null));
        }
        List<VisitRecord> visits = new ArrayList<>();
        List<StatementRecord> statements = new ArrayList<>();
        for (int v = 0; v < VISITS; v++) {
            LocalDate start = FIRST_DAY.plusDays(10L * v);
            List<AreaRecord> areas = new ArrayList<>();
            for (int a = 0; a < AREAS; a++) {
                areas.add(new AreaRecord(sector(a), CooperationStatus.values()[a % 6], "Area " + a + " of visit " + v));
                for (int q = 0; q < QUOTES_PER_AREA; q++) {
                    statements.add(new StatementRecord(String.format("fixture-quote-%02d-%d-%d", v, a, q), LEADER,
                            "Fixture quote " + q + " on sector " + a + " during visit " + v + ".",
                            q % 2 == 0 ? StatementKind.DIRECT : StatementKind.PARAPHRASE, start, "en", SOURCE,
                            visit(v), List.of(sector(a)), null));
                }
            }
            visits.add(new VisitRecord(visit(v), LEADER, HOST, start, start.plusDays(1),
                    VisitKind.values()[v % VisitKind.values().length], "Fixture visit " + v,
                    v % 2 == 0 ? "Summary of fixture visit " + v : null, List.of("Capital"), List.of(SOURCE), areas));
        }
        return new DatasetDocument(DatasetDocument.FORMAT,
                List.of(new CountryRecord(COUNTRY, "Fixtureland", null), new CountryRecord(HOST, "Hostland", null)),
                sectors, leaders,
                List.of(new SourceRecord(SOURCE, "Fixture Wire", null, null, FIRST_DAY, "en")),
                visits, null, statements, null);
    }
}
