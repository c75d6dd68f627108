package dev.diplograph.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.diplograph.statement.Folding;

/**
 * What the extractor knows about the world: leaders with the names and offices an article may call
 * them by, the keywords of each sector, and the names of projects. Built from the database for each
 * ingestion, or by hand in tests.
 */
public final class Lexicon {

    /** Speaker marker for someone who is not a known leader. */
    public static final String OTHER = "\u0000other";

    /** A title that names no office ("the South Korean leader"): it refers to the last leader named. */
    static final String LEADER = "leader";

    /** A leader: slug, full name and office (e.g. "President"). */
    public record Leader(String slug, String name, String office) {
    }

    /** A sector: slug and lower-case keywords. */
    public record Sector(String slug, List<String> keywords) {
    }

    /** A project: key and name. */
    public record Project(String key, String name) {
    }

    /** Where a name or title was found; {@code slug} is a leader slug, or an office for titles. */
    record Match(String slug, int start, int end) {
    }

    private final Map<String, String> aliases = new HashMap<>();
    private final Pattern aliasPattern;
    private final Map<String, String> offices = new HashMap<>();
    private final Pattern titlePattern;
    private final Pattern titleBeforeName;
    private final List<Sector> sectors;
    private final Map<String, Pattern> sectorPatterns = new HashMap<>();
    private final Map<String, Pattern> projectPatterns = new LinkedHashMap<>();

    public Lexicon(List<Leader> leaders, List<Sector> sectors, List<Project> projects) {
        Map<String, Integer> uses = new HashMap<>();
        Map<String, String> candidates = new HashMap<>();
        for (Leader leader : leaders) {
            for (String alias : aliasesOf(leader.name())) {
                uses.merge(alias, 1, Integer::sum);
                candidates.put(alias, leader.slug());
            }
            if (leader.office() != null && !leader.office().isBlank()) {
                offices.put(leader.slug(), leader.office().toLowerCase(Locale.ROOT));
            }
        }
        candidates.forEach((alias, slug) -> {
            if (uses.get(alias) == 1) {
                aliases.put(alias, slug); // a name two leaders share identifies neither
            }
        });
        this.aliasPattern = alternation(aliases.keySet(), false);
        String officeNames = String.join("|",
                new LinkedHashSet<>(offices.values()).stream().map(Pattern::quote).toList());
        // "the South Korean leader said", whatever the office
        this.titlePattern = offices.isEmpty() ? null
                : Pattern.compile("\\b[Tt]he\\s+(?:[A-Z][\\p{L}'’-]*\\s+){0,3}(" + officeNames + "|" + LEADER + ")\\b",
                        Pattern.CASE_INSENSITIVE);
        // capitalised words and the office, right before a name: "Borland's President", "the Aland Prime Minister"
        this.titleBeforeName = offices.isEmpty() ? null
                : Pattern.compile("(?:\\b[Tt]he\\s+)?(?:[A-Z][\\p{L}'’-]*\\s+){0,3}(?i:" + officeNames + ")\\s+$");
        this.sectors = List.copyOf(sectors);
        for (Sector sector : sectors) {
            sectorPatterns.put(sector.slug(), alternation(sector.keywords().stream()
                    .map(k -> k.toLowerCase(Locale.ROOT)).toList(), true));
        }
        for (Project project : projects) {
            projectPatterns.put(project.key(), alternation(projectAliases(project.name()), true));
        }
    }

    /**
     * The full name as stored, without accents ("Recep Tayyip Erdogan" of "Recep Tayyip Erdoğan") and
     * with a Korean given name written with or without its hyphen ("Lee Jae-myung", "Lee Jae-Myung"
     * and "Lee Jae Myung" for one another), as news in English writes them; and, when long enough, the
     * first and last words of each ("Lee" of "Lee Jae Myung").
     */
    private static List<String> aliasesOf(String name) {
        Set<String> forms = new LinkedHashSet<>();
        for (String written : new LinkedHashSet<>(List.of(name, Folding.withoutAccents(name)))) {
            forms.add(written);
            String[] words = written.split("\\s+");
            if (words.length == 3 && words[2].indexOf('-') < 0) {
                forms.add(words[0] + " " + words[1] + "-" + words[2].toLowerCase(Locale.ROOT));
                forms.add(words[0] + " " + words[1] + "-" + words[2]);
            } else if (words.length == 2 && words[1].indexOf('-') > 0 && words[1].indexOf('-') < words[1].length() - 1) {
                String[] given = words[1].split("-", 2);
                forms.add(words[0] + " " + given[0] + " " + Character.toUpperCase(given[1].charAt(0)) + given[1].substring(1));
            }
        }
        List<String> result = new ArrayList<>(forms);
        for (String form : forms) {
            String[] words = form.split("\\s+");
            if (words.length > 1) {
                for (String word : List.of(words[0], words[words.length - 1])) {
                    if (word.length() >= 3 && Character.isUpperCase(word.charAt(0)) && !result.contains(word)) {
                        result.add(word);
                    }
                }
            }
        }
        return result;
    }

    /**
     * A project is found by its name, or by the capitalised words that begin it ("Altay Main Battle
     * Tank" of "Altay Main Battle Tank production program", "K-ETA" of "K-ETA travel facilitation").
     */
    private static List<String> projectAliases(String name) {
        List<String> result = new ArrayList<>();
        result.add(name.toLowerCase(Locale.ROOT));
        List<String> head = new ArrayList<>();
        for (String word : name.split("\\s+")) {
            if (!Character.isUpperCase(word.charAt(0))) {
                break;
            }
            head.add(word);
        }
        if (!head.isEmpty() && head.size() < name.split("\\s+").length
                && (head.size() > 1 || head.get(0).matches(".*[A-Z].*[A-Z].*"))) {
            result.add(String.join(" ", head).toLowerCase(Locale.ROOT));
        }
        return result;
    }

    private static Pattern alternation(Collection<String> words, boolean caseInsensitive) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        String body = String.join("|", sorted.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])",
                caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** A known name that ends where {@code left} ends (ignoring spaces and "further"/"also"). */
    Match aliasEndingAt(String left) {
        String trimmed = left.replaceAll("\\s+(?:further|also|then)\\s*$", "").stripTrailing();
        Match last = lastAlias(trimmed);
        return last != null && last.end() == trimmed.length() ? last : null;
    }

    /** A known name that starts at {@code from}. */
    Match aliasStartingAt(String text, int from) {
        if (aliasPattern == null) {
            return null;
        }
        Matcher m = aliasPattern.matcher(text);
        return m.find(from) && m.start() == from ? new Match(aliases.get(m.group()), m.start(), m.end()) : null;
    }

    /** The last known name in {@code text}. */
    Match lastAlias(String text) {
        if (aliasPattern == null) {
            return null;
        }
        Matcher m = aliasPattern.matcher(text);
        Match last = null;
        while (m.find()) {
            last = new Match(aliases.get(m.group()), m.start(), m.end());
        }
        return last;
    }

    /** A title such as "the South Korean president" that ends where {@code left} ends. */
    Match titleEndingAt(String left) {
        String trimmed = left.replaceAll("\\s+(?:further|also|then)\\s*$", "").stripTrailing();
        Match last = lastTitle(trimmed);
        return last != null && last.end() == trimmed.length() ? last : null;
    }

    /**
     * Where a title that runs into a name begins ("Aland Prime Minister" before "Ann Example", "the
     * South Korean President" before "Lee"), or {@code nameStart} when none does.
     */
    int titleStartBefore(String text, int nameStart) {
        if (titleBeforeName == null) {
            return nameStart;
        }
        Matcher m = titleBeforeName.matcher(text).region(0, nameStart);
        return m.find() ? m.start() : nameStart;
    }

    /** A title such as "the South Korean president" that starts at {@code from}, after spaces. */
    Match titleStartingAt(String text, int from) {
        if (titlePattern == null) {
            return null;
        }
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        Matcher m = titlePattern.matcher(text).region(start, text.length());
        return m.lookingAt() ? new Match(m.group(1).toLowerCase(Locale.ROOT), m.start(), m.end()) : null;
    }

    /** The last title in {@code text}; its slug is the office. */
    Match lastTitle(String text) {
        if (titlePattern == null) {
            return null;
        }
        Matcher m = titlePattern.matcher(text);
        Match last = null;
        while (m.find()) {
            last = new Match(m.group(1).toLowerCase(Locale.ROOT), m.start(), m.end());
        }
        return last;
    }

    /** The leader a name refers to, or null. */
    String leaderNamed(String name) {
        if (aliases.containsKey(name)) {
            return aliases.get(name);
        }
        Match inside = lastAlias(name);
        return inside == null ? null : inside.slug();
    }

    boolean hasOffice(String slug, String office) {
        return office != null && office.equals(offices.get(slug));
    }

    /** The only leader holding this office, or null when there are none or several. */
    String onlyLeaderWithOffice(String office) {
        String found = null;
        for (Map.Entry<String, String> entry : offices.entrySet()) {
            if (entry.getValue().equals(office)) {
                if (found != null) {
                    return null;
                }
                found = entry.getKey();
            }
        }
        return found;
    }

    /** Slugs of the sectors whose keywords occur in {@code text}, in the sectors' order. */
    public Set<String> sectorsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (Sector sector : sectors) {
            Pattern pattern = sectorPatterns.get(sector.slug());
            if (pattern != null && pattern.matcher(text).find()) {
                found.add(sector.slug());
            }
        }
        return found;
    }

    /** Keys of the projects named in {@code text}. */
    public Set<String> projectsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        projectPatterns.forEach((key, pattern) -> {
            if (pattern != null && pattern.matcher(text).find()) {
                found.add(key);
            }
        });
        return found;
    }
}
