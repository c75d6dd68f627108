-- Quote text search for H2: every statement's distinct lower-cased words, indexed by word.
-- The dataset writer keeps it current; this backfills statements written before it existed.
-- Versions: db/migration/common and this folder share one sequence (V2 here, V2 in postgresql).
CREATE TABLE statement_term (
    term VARCHAR(64) NOT NULL,
    statement_id BIGINT NOT NULL,
    CONSTRAINT pk_statement_term PRIMARY KEY (term, statement_id),
    CONSTRAINT fk_statement_term_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE
);
CREATE INDEX ix_statement_term_statement ON statement_term (statement_id);

INSERT INTO statement_term (term, statement_id)
WITH RECURSIVE words (statement_id, n, word, quote_text) AS (
    SELECT id, 1, REGEXP_SUBSTR(quote_text, '[\p{L}\p{N}]+', 1, 1), quote_text FROM statement
    UNION ALL
    SELECT statement_id, n + 1, REGEXP_SUBSTR(quote_text, '[\p{L}\p{N}]+', 1, n + 1), quote_text
    FROM words WHERE word IS NOT NULL
)
SELECT DISTINCT LEFT(LOWER(word), 64), statement_id FROM words WHERE word IS NOT NULL;
