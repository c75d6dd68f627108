-- New statements wait for the H2 term indexer as ranges of consecutive ids: an import that creates
-- 120,000 statements lists one range per run of ids it was handed (usually one) instead of a row per
-- statement, which cost such an import about a tenth of its time (bench/import.sh). Changed statements
-- still wait one row each in statement_term_pending. A statement id is created once, by one writer,
-- so ranges never overlap; a range may span statements deleted since, which the indexer skips.
CREATE TABLE statement_term_pending_range (
    first_id BIGINT NOT NULL,
    last_id  BIGINT NOT NULL,
    CONSTRAINT pk_statement_term_pending_range PRIMARY KEY (first_id),
    CONSTRAINT ck_statement_term_pending_range CHECK (last_id >= first_id)
);
