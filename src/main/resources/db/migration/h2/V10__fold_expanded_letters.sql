-- The term index now reads ß, æ and œ as two plain letters (dev.diplograph.statement.Folding:
-- "Straße" is indexed as "strasse"). Texts holding one of them lose their words and are listed for
-- the background indexer, which indexes them again (searches read listed statements by their text
-- meanwhile, with the same folding, so answers stay right).
-- Versions: db/migration/common and this folder share one sequence (V10 here, V10 in postgresql).
INSERT INTO statement_term_pending (statement_id)
    SELECT s.id FROM statement s
    WHERE REGEXP_LIKE(s.quote_text, '[\x{DF}\x{1E9E}\x{E6}\x{C6}\x{153}\x{152}]')
      AND NOT EXISTS (SELECT 1 FROM statement_term_pending p WHERE p.statement_id = s.id);
DELETE FROM statement_term WHERE statement_id IN (SELECT statement_id FROM statement_term_pending);

-- Search answers change without a write: a new data version, so that no client or cache keeps a
-- 304 for an answer of the old folding (GET responses' ETags carry the version).
UPDATE data_version SET version = version + 1 WHERE id = 1;
