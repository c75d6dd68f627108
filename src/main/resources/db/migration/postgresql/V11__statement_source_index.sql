-- A source's statements in recording order (Source.quotes), and deleting a source without a scan of
-- every statement. H2 has had an index on source_id all along: the one it makes for the foreign key.
CREATE INDEX ix_statement_source ON statement (source_id, id);
