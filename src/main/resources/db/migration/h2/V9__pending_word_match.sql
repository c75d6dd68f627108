-- Statements still waiting for the background term indexer are searched by their text. REGEXP_LIKE
-- compiled its pattern again for every row (H2 keeps no compiled pattern), which after a large import
-- made a search read through the backlog slower than the execution timeout allows. This function
-- tokenizes and folds a text exactly as the term index does (dev.diplograph.statement.PendingMatch).
-- Versions: db/migration/common and this folder share one sequence (V9 here).
CREATE ALIAS DIPLOGRAPH_HAS_WORDS DETERMINISTIC FOR 'dev.diplograph.statement.PendingMatch.hasWords';
