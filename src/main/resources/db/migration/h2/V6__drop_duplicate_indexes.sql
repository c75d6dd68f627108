-- H2 gives every foreign key an index over exactly its columns, unless one already exists when the key
-- is declared. The keys below were declared in CREATE TABLE, before the hand-made index on the same
-- column, so H2 kept two identical indexes, and each row written paid for both. PostgreSQL creates no
-- index for a foreign key, so there the hand-made ones stay. SchemaIndexesTest keeps this from coming
-- back on either database.
-- (The foreign keys' own H2 indexes on columns that also lead a longer ordering index, such as
-- statement (speaker_id) beside (speaker_id, id), cannot go: H2 only lets a foreign key use an index
-- with exactly its columns.)
DROP INDEX ix_statement_term_statement;
DROP INDEX ix_visit_source_source;
DROP INDEX ix_project_sector;
DROP INDEX ix_milestone_source_source;
