-- The archive generation: one number that every write to the archive's data moves on, so
-- every server process sees on its next request that cached pages and figures are stale
-- (articles/cache.py reads it). Statement-level triggers on every table a page shows data
-- from advance it with every statement, whoever writes: the ORM, update(), bulk_create,
-- loaddata, raw SQL, deletes, TRUNCATE. The row is updated inside the writer's transaction,
-- so readers see the new number exactly when they can see the new data.
-- CREATE OR REPLACE / IF NOT EXISTS throughout: a change is one small migration loading
-- this file again.

CREATE TABLE IF NOT EXISTS articles_generation (
    id smallint PRIMARY KEY CHECK (id = 1),
    value bigint NOT NULL
);
INSERT INTO articles_generation (id, value) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION articles_generation_advance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Writers of counts take the tally lock before this row (migration 0005); taking it
    -- here first as well keeps one lock order, so two writers cannot deadlock.
    PERFORM articles_tally_lock();
    UPDATE articles_generation SET value = value + 1 WHERE id = 1;
    IF NOT FOUND THEN  -- the row was deleted by hand
        INSERT INTO articles_generation AS g (id, value) VALUES (1, 1)
            ON CONFLICT (id) DO UPDATE SET value = g.value + 1;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY[
        'articles_article', 'articles_article_related', 'articles_taggedarticle',
        'articles_keyword', 'articles_mention', 'articles_person', 'articles_link',
        'articles_source', 'articles_document', 'articles_keyword_pinned'
    ] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', name || '_generation', name);
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION articles_generation_advance()',
            name || '_generation', name
        );
    END LOOP;
END
$$;
