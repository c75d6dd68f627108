-- Accent-insensitive search: the term index now holds folded words (dev.diplograph.statement.Folding:
-- "türkiye" is indexed as "turkiye"). Only texts with a character outside ASCII can have a word that
-- folds differently; their words are removed and they are listed for the background indexer, which
-- indexes them again (searches read listed statements by their text meanwhile, so answers stay right).
-- Versions: db/migration/common and this folder share one sequence (V8 here, V8 in postgresql).
INSERT INTO statement_term_pending (statement_id)
    SELECT s.id FROM statement s
    WHERE REGEXP_LIKE(s.quote_text, '[^\x00-\x7F]')
      AND NOT EXISTS (SELECT 1 FROM statement_term_pending p WHERE p.statement_id = s.id);
DELETE FROM statement_term WHERE statement_id IN (SELECT statement_id FROM statement_term_pending);
