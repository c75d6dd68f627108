-- Accent-insensitive search: "Turkiye" finds "Türkiye", "istanbul" finds "İstanbul". diplograph_fold
-- decomposes the text (NFD), deletes the combining accents U+0300 to U+036F, recomposes it (NFC) and
-- reads a few letters without a decomposable accent as plain ones: what dev.diplograph.statement.Folding
-- does for H2's term index (FoldingTest checks that the two agree). normalize() needs a UTF-8 database.
-- About 12 µs per text with a character outside ASCII, nothing for the others (a table of all accented
-- letters for translate() instead cost 200 µs per text).
-- The search column is rebuilt with it (the table is rewritten once; see docs/benchmarks.md).
-- Versions: db/migration/common and this folder share one sequence (V8 here, V8 in h2).
CREATE FUNCTION diplograph_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN octet_length(t) = char_length(t) THEN t  -- ASCII: nothing to fold
                 ELSE translate(normalize(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]+', '', 'g'), NFC),
                                'ıøØđĐłŁħĦ', 'iooddllhh') END $$;

DROP INDEX statement_quote_search_idx;
ALTER TABLE statement DROP COLUMN quote_search;
ALTER TABLE statement ADD COLUMN quote_search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', diplograph_fold(quote_text))) STORED;
CREATE INDEX statement_quote_search_idx ON statement USING GIN (quote_search);
ALTER TABLE statement ALTER COLUMN quote_search SET STATISTICS 10000;
-- The new column has no statistics until autovacuum gets to it; without them the planner scanned the
-- table for a word it could not know was rare (0.8 s on a million statements instead of milliseconds).
ANALYZE statement;
