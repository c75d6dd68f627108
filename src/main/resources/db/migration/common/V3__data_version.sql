-- One counter that every committed write increases: GET responses carry it in their ETag, so a
-- client's If-None-Match can be answered with 304 without running the query, on any replica.
CREATE TABLE data_version (
    id      INT    NOT NULL,
    version BIGINT NOT NULL,
    CONSTRAINT pk_data_version PRIMARY KEY (id),
    CONSTRAINT ck_data_version_single CHECK (id = 1)
);
INSERT INTO data_version (id, version) VALUES (1, 1);
