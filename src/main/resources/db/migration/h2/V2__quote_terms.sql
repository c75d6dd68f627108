-- Quote text search for H2: every statement's distinct lower-cased words, indexed by word.
-- Writing these rows inside an import would make it several times slower, so the dataset writer only
-- lists new and changed statements in statement_term_pending (as PostgreSQL's GIN "fast update" keeps
-- a pending list) and a background indexer moves them into statement_term. A search reads both: the
-- index, and the few pending statements by their text, so answers never lag behind writes.
-- Versions: db/migration/common and this folder share one sequence (V2 here, V2 in postgresql).
CREATE TABLE statement_term (
    term VARCHAR(64) NOT NULL,
    statement_id BIGINT NOT NULL,
    CONSTRAINT pk_statement_term PRIMARY KEY (term, statement_id),
    CONSTRAINT fk_statement_term_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE
);
CREATE INDEX ix_statement_term_statement ON statement_term (statement_id);

CREATE TABLE statement_term_pending (
    statement_id BIGINT NOT NULL,
    CONSTRAINT pk_statement_term_pending PRIMARY KEY (statement_id),
    CONSTRAINT fk_statement_term_pending_statement FOREIGN KEY (statement_id) REFERENCES statement (id)
        ON DELETE CASCADE
);

-- Statements written before this migration are indexed by the indexer like new ones.
INSERT INTO statement_term_pending (statement_id) SELECT id FROM statement;
