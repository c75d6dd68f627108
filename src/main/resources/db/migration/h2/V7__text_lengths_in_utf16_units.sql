-- H2 measures a VARCHAR's length in UTF-16 code units, PostgreSQL (and the dataset's JSON Schema,
-- and the service's checks) in characters. A character outside the Basic Multilingual Plane (an
-- emoji, a rare CJK ideograph, a historic script) is two code units, so on H2 a name of 150 emoji,
-- valid everywhere else, overflowed VARCHAR(200) and the whole import failed. The free-text columns
-- get room for their limit in characters at two units each; the service checks the limit itself
-- (in characters) before any write. Keys, slugs, codes, language tags and URLs (RFC 3986) are ASCII
-- by the schema and keep their lengths.
ALTER TABLE country ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE country ALTER COLUMN native_name SET DATA TYPE VARCHAR(400);
ALTER TABLE sector ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE sector ALTER COLUMN description SET DATA TYPE VARCHAR(20000);
ALTER TABLE sector_keyword ALTER COLUMN keyword SET DATA TYPE VARCHAR(400);
ALTER TABLE leader ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE leader ALTER COLUMN native_name SET DATA TYPE VARCHAR(400);
ALTER TABLE leader ALTER COLUMN office SET DATA TYPE VARCHAR(400);
ALTER TABLE source ALTER COLUMN outlet SET DATA TYPE VARCHAR(400);
ALTER TABLE source ALTER COLUMN title SET DATA TYPE VARCHAR(20000);
ALTER TABLE visit ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE visit ALTER COLUMN summary SET DATA TYPE VARCHAR(20000);
ALTER TABLE visit_city ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE cooperation_area ALTER COLUMN summary SET DATA TYPE VARCHAR(20000);
ALTER TABLE project ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE project ALTER COLUMN summary SET DATA TYPE VARCHAR(20000);
ALTER TABLE statement ALTER COLUMN quote_text SET DATA TYPE VARCHAR(20000);
ALTER TABLE milestone ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE milestone ALTER COLUMN summary SET DATA TYPE VARCHAR(20000);
