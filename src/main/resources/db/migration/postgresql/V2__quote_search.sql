-- Quote text search for PostgreSQL: full-text over the 'simple' configuration (lower-cased words, no
-- stemming or stop words, so it finds what the H2 term index finds).
-- Versions: db/migration/common and this folder share one sequence (V2 here, V2 in h2).
CREATE INDEX statement_quote_search_idx ON statement USING GIN (to_tsvector('simple', quote_text));
