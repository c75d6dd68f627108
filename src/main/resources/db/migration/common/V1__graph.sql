-- diplograph graph schema. Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.
-- Surrogate BIGINT ids (from sequences, so inserts can be batched) join the tables;
-- every record also has a unique natural key (slug, key or country code) that the
-- visits-dataset/1 format and the GraphQL API address it by.
-- Column names avoid words that H2 reserves (key, value, year, ...).

CREATE SEQUENCE country_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE sector_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE leader_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE source_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE visit_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE cooperation_area_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE project_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE statement_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE milestone_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE country (
    id          BIGINT       NOT NULL,
    code        VARCHAR(2)   NOT NULL,
    name        VARCHAR(200) NOT NULL,
    native_name VARCHAR(200),
    CONSTRAINT pk_country PRIMARY KEY (id),
    CONSTRAINT uk_country_code UNIQUE (code)
);

CREATE TABLE sector (
    id          BIGINT        NOT NULL,
    slug        VARCHAR(80)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(10000),
    CONSTRAINT pk_sector PRIMARY KEY (id),
    CONSTRAINT uk_sector_slug UNIQUE (slug)
);

CREATE TABLE sector_keyword (
    sector_id BIGINT       NOT NULL,
    keyword   VARCHAR(200) NOT NULL,
    CONSTRAINT pk_sector_keyword PRIMARY KEY (sector_id, keyword),
    CONSTRAINT fk_sector_keyword_sector FOREIGN KEY (sector_id) REFERENCES sector (id) ON DELETE CASCADE
);

CREATE TABLE leader (
    id              BIGINT       NOT NULL,
    slug            VARCHAR(80)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    native_name     VARCHAR(200),
    office          VARCHAR(200),
    country_id      BIGINT       NOT NULL,
    in_office_since DATE,
    CONSTRAINT pk_leader PRIMARY KEY (id),
    CONSTRAINT uk_leader_slug UNIQUE (slug),
    CONSTRAINT fk_leader_country FOREIGN KEY (country_id) REFERENCES country (id)
);
CREATE INDEX ix_leader_country ON leader (country_id, slug);

CREATE TABLE source (
    id           BIGINT        NOT NULL,
    source_key   VARCHAR(80)   NOT NULL,
    outlet       VARCHAR(200)  NOT NULL,
    title        VARCHAR(10000),
    url          VARCHAR(2000),
    published_on DATE,
    language     VARCHAR(35),
    CONSTRAINT pk_source PRIMARY KEY (id),
    CONSTRAINT uk_source_key UNIQUE (source_key)
);

CREATE TABLE visit (
    id              BIGINT       NOT NULL,
    visit_key       VARCHAR(80)  NOT NULL,
    leader_id       BIGINT       NOT NULL,
    host_country_id BIGINT       NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE,
    kind            VARCHAR(16),
    title           VARCHAR(200),
    summary         VARCHAR(10000),
    CONSTRAINT pk_visit PRIMARY KEY (id),
    CONSTRAINT uk_visit_key UNIQUE (visit_key),
    CONSTRAINT fk_visit_leader FOREIGN KEY (leader_id) REFERENCES leader (id),
    CONSTRAINT fk_visit_host_country FOREIGN KEY (host_country_id) REFERENCES country (id),
    CONSTRAINT ck_visit_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_visit_kind CHECK (kind IN ('STATE', 'OFFICIAL', 'WORKING', 'SUMMIT', 'PRIVATE', 'OTHER'))
);
-- Visits are listed newest first, ties broken by key: these indexes serve that order
-- globally, per leader and per host country.
CREATE INDEX ix_visit_order ON visit (start_date, visit_key);
CREATE INDEX ix_visit_leader ON visit (leader_id, start_date, visit_key);
CREATE INDEX ix_visit_host_country ON visit (host_country_id, start_date, visit_key);

CREATE TABLE visit_city (
    visit_id   BIGINT       NOT NULL,
    city_index INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    CONSTRAINT pk_visit_city PRIMARY KEY (visit_id, city_index),
    CONSTRAINT fk_visit_city_visit FOREIGN KEY (visit_id) REFERENCES visit (id) ON DELETE CASCADE
);

CREATE TABLE visit_source (
    visit_id  BIGINT NOT NULL,
    source_id BIGINT NOT NULL,
    CONSTRAINT pk_visit_source PRIMARY KEY (visit_id, source_id),
    CONSTRAINT fk_visit_source_visit FOREIGN KEY (visit_id) REFERENCES visit (id) ON DELETE CASCADE,
    CONSTRAINT fk_visit_source_source FOREIGN KEY (source_id) REFERENCES source (id)
);
CREATE INDEX ix_visit_source_source ON visit_source (source_id);

CREATE TABLE cooperation_area (
    id        BIGINT      NOT NULL,
    visit_id  BIGINT      NOT NULL,
    sector_id BIGINT      NOT NULL,
    status    VARCHAR(32),
    summary   VARCHAR(10000),
    CONSTRAINT pk_cooperation_area PRIMARY KEY (id),
    CONSTRAINT uk_cooperation_area UNIQUE (visit_id, sector_id),
    CONSTRAINT fk_cooperation_area_visit FOREIGN KEY (visit_id) REFERENCES visit (id) ON DELETE CASCADE,
    CONSTRAINT fk_cooperation_area_sector FOREIGN KEY (sector_id) REFERENCES sector (id),
    CONSTRAINT ck_cooperation_area_status
        CHECK (status IN ('PROPOSED', 'UNDER_NEGOTIATION', 'AGREED', 'ACTIVE', 'COMPLETED', 'STALLED'))
);
CREATE INDEX ix_cooperation_area_sector ON cooperation_area (sector_id, visit_id);

CREATE TABLE project (
    id          BIGINT       NOT NULL,
    project_key VARCHAR(80)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    sector_id   BIGINT       NOT NULL,
    status      VARCHAR(32),
    summary     VARCHAR(10000),
    CONSTRAINT pk_project PRIMARY KEY (id),
    CONSTRAINT uk_project_key UNIQUE (project_key),
    CONSTRAINT fk_project_sector FOREIGN KEY (sector_id) REFERENCES sector (id),
    CONSTRAINT ck_project_status
        CHECK (status IN ('PROPOSED', 'UNDER_NEGOTIATION', 'AGREED', 'ACTIVE', 'COMPLETED', 'STALLED'))
);
CREATE INDEX ix_project_sector ON project (sector_id);

CREATE TABLE project_country (
    project_id BIGINT NOT NULL,
    country_id BIGINT NOT NULL,
    CONSTRAINT pk_project_country PRIMARY KEY (project_id, country_id),
    CONSTRAINT fk_project_country_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_country_country FOREIGN KEY (country_id) REFERENCES country (id)
);
CREATE INDEX ix_project_country_country ON project_country (country_id, project_id);

CREATE TABLE project_visit (
    project_id BIGINT NOT NULL,
    visit_id   BIGINT NOT NULL,
    CONSTRAINT pk_project_visit PRIMARY KEY (project_id, visit_id),
    CONSTRAINT fk_project_visit_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_project_visit_visit FOREIGN KEY (visit_id) REFERENCES visit (id) ON DELETE CASCADE
);
CREATE INDEX ix_project_visit_visit ON project_visit (visit_id, project_id);

CREATE TABLE statement (
    id            BIGINT         NOT NULL,
    statement_key VARCHAR(80)    NOT NULL,
    speaker_id    BIGINT         NOT NULL,
    quote_text    VARCHAR(10000) NOT NULL,
    kind          VARCHAR(16)    NOT NULL,
    said_on       DATE,
    language      VARCHAR(35),
    source_id     BIGINT         NOT NULL,
    visit_id      BIGINT,
    CONSTRAINT pk_statement PRIMARY KEY (id),
    CONSTRAINT uk_statement_key UNIQUE (statement_key),
    CONSTRAINT fk_statement_speaker FOREIGN KEY (speaker_id) REFERENCES leader (id),
    CONSTRAINT fk_statement_source FOREIGN KEY (source_id) REFERENCES source (id),
    CONSTRAINT fk_statement_visit FOREIGN KEY (visit_id) REFERENCES visit (id),
    CONSTRAINT ck_statement_kind CHECK (kind IN ('DIRECT', 'PARAPHRASE'))
);
-- Statements are listed in recording order (id): per speaker and per visit. Every index here costs
-- bulk imports dearly, so there is none on source_id (only deleting a source scans) nor on said_on
-- (the date filter compares COALESCE(said_on, source date), which such an index cannot serve).
CREATE INDEX ix_statement_speaker ON statement (speaker_id, id);
CREATE INDEX ix_statement_visit ON statement (visit_id, id);

CREATE TABLE statement_sector (
    statement_id BIGINT NOT NULL,
    sector_id    BIGINT NOT NULL,
    CONSTRAINT pk_statement_sector PRIMARY KEY (statement_id, sector_id),
    CONSTRAINT fk_statement_sector_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_statement_sector_sector FOREIGN KEY (sector_id) REFERENCES sector (id)
);
CREATE INDEX ix_statement_sector_sector ON statement_sector (sector_id, statement_id);

CREATE TABLE statement_project (
    statement_id BIGINT NOT NULL,
    project_id   BIGINT NOT NULL,
    CONSTRAINT pk_statement_project PRIMARY KEY (statement_id, project_id),
    CONSTRAINT fk_statement_project_statement FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE,
    CONSTRAINT fk_statement_project_project FOREIGN KEY (project_id) REFERENCES project (id)
);
CREATE INDEX ix_statement_project_project ON statement_project (project_id, statement_id);

CREATE TABLE milestone (
    id            BIGINT       NOT NULL,
    milestone_key VARCHAR(80)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    start_year    INTEGER      NOT NULL,
    end_year      INTEGER,
    summary       VARCHAR(10000),
    CONSTRAINT pk_milestone PRIMARY KEY (id),
    CONSTRAINT uk_milestone_key UNIQUE (milestone_key),
    CONSTRAINT ck_milestone_years CHECK (end_year IS NULL OR end_year >= start_year)
);

CREATE TABLE milestone_country (
    milestone_id BIGINT NOT NULL,
    country_id   BIGINT NOT NULL,
    CONSTRAINT pk_milestone_country PRIMARY KEY (milestone_id, country_id),
    CONSTRAINT fk_milestone_country_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id) ON DELETE CASCADE,
    CONSTRAINT fk_milestone_country_country FOREIGN KEY (country_id) REFERENCES country (id)
);
CREATE INDEX ix_milestone_country_country ON milestone_country (country_id, milestone_id);

CREATE TABLE milestone_source (
    milestone_id BIGINT NOT NULL,
    source_id    BIGINT NOT NULL,
    CONSTRAINT pk_milestone_source PRIMARY KEY (milestone_id, source_id),
    CONSTRAINT fk_milestone_source_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id) ON DELETE CASCADE,
    CONSTRAINT fk_milestone_source_source FOREIGN KEY (source_id) REFERENCES source (id)
);
CREATE INDEX ix_milestone_source_source ON milestone_source (source_id);
