-- "strasse" finds "Straße", "aesir" finds "Æsir", "oeuvre" finds "Œuvre": diplograph_fold also reads
-- ß, æ and œ (either case) as two plain letters, as dev.diplograph.statement.Folding does for H2's
-- term index (FoldingTest checks that the two agree). Only texts holding one of these letters get a
-- new search vector: updating a row recomputes its stored generated column, so they are rewritten
-- in place instead of the whole table.
-- Versions: db/migration/common and this folder share one sequence (V10 here, V10 in h2).
CREATE OR REPLACE FUNCTION diplograph_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN octet_length(t) = char_length(t) THEN t  -- ASCII: nothing to fold
                 ELSE replace(replace(replace(replace(replace(replace(
                          translate(normalize(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]+', '', 'g'), NFC),
                                    'ıøØđĐłŁħĦ', 'iooddllhh'),
                          'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe') END $$;

UPDATE statement SET quote_text = quote_text WHERE quote_text ~ '[ßẞæÆœŒ]';

-- Search answers change without a write: a new data version, so that no client or cache keeps a
-- 304 for an answer of the old folding (GET responses' ETags carry the version).
UPDATE data_version SET version = version + 1 WHERE id = 1;
