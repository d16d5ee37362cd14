-- The tallies: counts of listed items that PostgreSQL keeps current, whoever writes.
-- Loaded by migrations with CREATE OR REPLACE (first by 0011_writer_derived; the tables and
-- triggers themselves come from 0005_tallies). A change here is one small migration that
-- loads this file again (articles/derived/sql.py).
--
-- Statement-level triggers with transition tables see a whole statement's rows at once, so a
-- bulk insert of 100,000 keyword rows is one set-based update. Every trigger works the same
-- way: take the affected items' state before and after the statement (state -1 and +1 in
-- articles_tally_apply), compute each state's contribution to every tally and add the
-- difference. articles_tally_rebuild() recomputes everything from the items themselves.

-- "Listed": what Article.objects.listed() asks, but the publish time (items scheduled for
-- later are subtracted when read, articles/derived/tallies.py). articles/derived/rules.py
-- has the same rule for the ORM; tests/derived/test_rules.py holds them equal.
CREATE OR REPLACE FUNCTION articles_listed(status text, kind text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT status = 'published' AND kind <> 'teaser'
$$;

-- The period an item counts in: month 0 when the text gives only the year, year NULL when
-- the item is undated.
CREATE OR REPLACE FUNCTION articles_tally_period(published date, date_precision text,
                                      OUT year integer, OUT month smallint)
LANGUAGE sql IMMUTABLE AS $$
    SELECT extract(year FROM published)::integer,
           CASE WHEN published IS NULL OR date_precision = 'year' THEN 0
                ELSE extract(month FROM published) END::smallint
$$;

-- One writer of tallies at a time, until its transaction ends. Taken before a trigger reads
-- the items' keywords and people, so it reads what earlier writers committed: two editors
-- tagging the same item at once are counted exactly, and writers that touch the same tally
-- rows in different orders (keywords are added one statement each) cannot deadlock.
CREATE OR REPLACE FUNCTION articles_tally_lock() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(499850701945)
$$;

-- Add the contributions of item states to every tally. Items: (state, id, source, year,
-- month) of listed items; state -1 is before the statement, +1 after. Keyword and person
-- rows belong to the item state with the same number, or to both when their state is 0.
CREATE OR REPLACE FUNCTION articles_tally_apply(
    i_state integer[], i_id bigint[], i_source bigint[], i_year integer[], i_month smallint[],
    k_state integer[], k_item bigint[], k_keyword bigint[],
    p_state integer[], p_item bigint[], p_person bigint[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF i_id IS NULL THEN
        RETURN;
    END IF;
    WITH items AS (
        SELECT * FROM unnest(i_state, i_id, i_source, i_year, i_month)
            AS i(state, id, source_id, year, month)
    ), keywords AS (
        SELECT i.state, i.id, i.year, i.month, k.keyword_id
          FROM unnest(k_state, k_item, k_keyword) AS k(state, item_id, keyword_id)
          JOIN items i ON i.id = k.item_id AND k.state IN (0, i.state)
    ), people AS (
        SELECT i.state, i.id, i.year, i.month, p.person_id
          FROM unnest(p_state, p_item, p_person) AS p(state, item_id, person_id)
          JOIN items i ON i.id = p.item_id AND p.state IN (0, i.state)
    ), delta AS (
        SELECT 'period' AS tally, source_id AS a, NULL::bigint AS b, year, month,
               sum(state) AS n
          FROM items GROUP BY source_id, year, month
        UNION ALL
        SELECT 'keyword_period', keyword_id, NULL, year, month, sum(state)
          FROM keywords GROUP BY keyword_id, year, month
        UNION ALL
        SELECT 'person_period', person_id, NULL, year, month, sum(state)
          FROM people GROUP BY person_id, year, month
        UNION ALL
        SELECT 'keyword_pair', x.keyword_id, y.keyword_id, NULL, NULL, sum(x.state)
          FROM keywords x
          JOIN keywords y ON y.id = x.id AND y.state = x.state
         GROUP BY x.keyword_id, y.keyword_id
        UNION ALL
        SELECT 'keyword_person', k.keyword_id, p.person_id, NULL, NULL, sum(k.state)
          FROM keywords k JOIN people p ON p.id = k.id AND p.state = k.state
         GROUP BY k.keyword_id, p.person_id
        UNION ALL
        SELECT 'person_pair', x.person_id, y.person_id, NULL, NULL, sum(x.state)
          FROM people x
          JOIN people y ON y.id = x.id AND y.state = x.state
         GROUP BY x.person_id, y.person_id
    ), changes AS MATERIALIZED (
        SELECT * FROM delta WHERE n <> 0
    ), period AS (
        INSERT INTO articles_periodcount AS t (source_id, year, month, count)
        SELECT a, year, month, n FROM changes WHERE tally = 'period'
        ON CONFLICT ON CONSTRAINT periodcount_unique
        DO UPDATE SET count = t.count + excluded.count
    ), keyword_period AS (
        INSERT INTO articles_keywordperiodcount AS t (keyword_id, year, month, count)
        SELECT a, year, month, n FROM changes WHERE tally = 'keyword_period'
        ON CONFLICT ON CONSTRAINT keywordperiodcount_unique
        DO UPDATE SET count = t.count + excluded.count
    ), person_period AS (
        INSERT INTO articles_personperiodcount AS t (person_id, year, month, count)
        SELECT a, year, month, n FROM changes WHERE tally = 'person_period'
        ON CONFLICT ON CONSTRAINT personperiodcount_unique
        DO UPDATE SET count = t.count + excluded.count
    ), keyword_pair AS (
        INSERT INTO articles_keywordpaircount AS t (keyword_id, other_id, count)
        SELECT a, b, n FROM changes WHERE tally = 'keyword_pair'
        ON CONFLICT ON CONSTRAINT keywordpaircount_unique
        DO UPDATE SET count = t.count + excluded.count
    ), keyword_person AS (
        INSERT INTO articles_keywordpersoncount AS t (keyword_id, person_id, count)
        SELECT a, b, n FROM changes WHERE tally = 'keyword_person'
        ON CONFLICT ON CONSTRAINT keywordpersoncount_unique
        DO UPDATE SET count = t.count + excluded.count
    )
    INSERT INTO articles_personpaircount AS t (person_id, other_id, count)
    SELECT a, b, n FROM changes WHERE tally = 'person_pair'
    ON CONFLICT ON CONSTRAINT personpaircount_unique
    DO UPDATE SET count = t.count + excluded.count;
END
$$;

-- Items inserted, deleted or changed: their old listed state out, the new one in. An update
-- that leaves status, kind, source and date alone (most saves) cancels out and writes nothing.
CREATE OR REPLACE FUNCTION articles_tally_items_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    i_state integer[]; i_id bigint[]; i_source bigint[]; i_year integer[]; i_month smallint[];
    k_state integer[]; k_item bigint[]; k_keyword bigint[];
    p_state integer[]; p_item bigint[]; p_person bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(1), array_agg(n.id), array_agg(n.source_id), array_agg(p.year),
               array_agg(p.month)
          INTO i_state, i_id, i_source, i_year, i_month
          FROM new_rows n, articles_tally_period(n.published_on, n.date_precision) p
         WHERE articles_listed(n.status, n.kind);
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(-1), array_agg(o.id), array_agg(o.source_id), array_agg(p.year),
               array_agg(p.month)
          INTO i_state, i_id, i_source, i_year, i_month
          FROM old_rows o, articles_tally_period(o.published_on, o.date_precision) p
         WHERE articles_listed(o.status, o.kind);
    ELSE
        WITH before AS (
            SELECT o.id, o.source_id, p.year, p.month
              FROM old_rows o, articles_tally_period(o.published_on, o.date_precision) p
             WHERE articles_listed(o.status, o.kind)
        ), after AS (
            SELECT n.id, n.source_id, p.year, p.month
              FROM new_rows n, articles_tally_period(n.published_on, n.date_precision) p
             WHERE articles_listed(n.status, n.kind)
        ), changed AS (
            SELECT -1 AS state, * FROM (SELECT * FROM before EXCEPT ALL SELECT * FROM after) b
            UNION ALL
            SELECT 1, * FROM (SELECT * FROM after EXCEPT ALL SELECT * FROM before) a
        )
        SELECT array_agg(state), array_agg(id), array_agg(source_id), array_agg(year),
               array_agg(month)
          INTO i_state, i_id, i_source, i_year, i_month
          FROM changed;
    END IF;
    IF i_id IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM articles_tally_lock();
    SELECT array_agg(0), array_agg(content_object_id), array_agg(tag_id)
      INTO k_state, k_item, k_keyword
      FROM articles_taggedarticle WHERE content_object_id = ANY(i_id);
    SELECT array_agg(0), array_agg(article_id), array_agg(person_id)
      INTO p_state, p_item, p_person
      FROM articles_mention WHERE article_id = ANY(i_id);
    PERFORM articles_tally_apply(i_state, i_id, i_source, i_year, i_month,
                                 k_state, k_item, k_keyword, p_state, p_item, p_person);
    RETURN NULL;
END
$$;

-- Keyword rows (relation 'keyword') or mentions (relation 'person') added and removed by one
-- statement: the affected listed items' keywords (or people) before and after it.
CREATE OR REPLACE FUNCTION articles_tally_relations_changed(
    relation text, added_item bigint[], added_other bigint[],
    removed_item bigint[], removed_other bigint[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    i_state integer[]; i_id bigint[]; i_source bigint[]; i_year integer[]; i_month smallint[];
    c_state integer[]; c_item bigint[]; c_other bigint[];
    u_state integer[]; u_item bigint[]; u_other bigint[];
BEGIN
    IF added_item IS NOT DISTINCT FROM removed_item
       AND added_other IS NOT DISTINCT FROM removed_other THEN
        RETURN;  -- an update that changed neither the item nor the keyword or person
    END IF;
    PERFORM articles_tally_lock();
    SELECT array_agg(s.state), array_agg(a.id), array_agg(a.source_id), array_agg(p.year),
           array_agg(p.month)
      INTO i_state, i_id, i_source, i_year, i_month
      FROM articles_article a
      CROSS JOIN LATERAL articles_tally_period(a.published_on, a.date_precision) p
      CROSS JOIN (VALUES (-1), (1)) AS s(state)
     WHERE a.id IN (SELECT unnest(added_item) UNION SELECT unnest(removed_item))
       AND articles_listed(a.status, a.kind);
    IF i_id IS NULL THEN
        RETURN;
    END IF;
    -- The changed relation: as it is now (+1), and before = now - added + removed (-1).
    WITH present AS (
        SELECT content_object_id AS item_id, tag_id AS other_id
          FROM articles_taggedarticle
         WHERE relation = 'keyword' AND content_object_id = ANY(i_id)
        UNION ALL
        SELECT article_id, person_id
          FROM articles_mention
         WHERE relation = 'person' AND article_id = ANY(i_id)
    ), added AS (
        SELECT * FROM unnest(added_item, added_other) AS x(item_id, other_id)
    ), removed AS (
        SELECT * FROM unnest(removed_item, removed_other) AS x(item_id, other_id)
    ), states AS (
        SELECT 1 AS state, * FROM present
        UNION ALL
        SELECT -1, * FROM (
            (SELECT * FROM present EXCEPT ALL SELECT * FROM added)
            UNION ALL SELECT * FROM removed
        ) b
    )
    SELECT array_agg(state), array_agg(item_id), array_agg(other_id)
      INTO c_state, c_item, c_other
      FROM states;
    -- The other relation, unchanged by this statement.
    IF relation = 'keyword' THEN
        SELECT array_agg(0), array_agg(article_id), array_agg(person_id)
          INTO u_state, u_item, u_other
          FROM articles_mention WHERE article_id = ANY(i_id);
        PERFORM articles_tally_apply(i_state, i_id, i_source, i_year, i_month,
                                     c_state, c_item, c_other, u_state, u_item, u_other);
    ELSE
        SELECT array_agg(0), array_agg(content_object_id), array_agg(tag_id)
          INTO u_state, u_item, u_other
          FROM articles_taggedarticle WHERE content_object_id = ANY(i_id);
        PERFORM articles_tally_apply(i_state, i_id, i_source, i_year, i_month,
                                     u_state, u_item, u_other, c_state, c_item, c_other);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION articles_tally_keywords_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added_item bigint[]; added_other bigint[]; removed_item bigint[]; removed_other bigint[];
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT array_agg(content_object_id), array_agg(tag_id)
          INTO added_item, added_other FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT array_agg(content_object_id), array_agg(tag_id)
          INTO removed_item, removed_other FROM old_rows;
    END IF;
    PERFORM articles_tally_relations_changed('keyword', added_item, added_other,
                                             removed_item, removed_other);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION articles_tally_people_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added_item bigint[]; added_other bigint[]; removed_item bigint[]; removed_other bigint[];
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT array_agg(article_id), array_agg(person_id)
          INTO added_item, added_other FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        SELECT array_agg(article_id), array_agg(person_id)
          INTO removed_item, removed_other FROM old_rows;
    END IF;
    PERFORM articles_tally_relations_changed('person', added_item, added_other,
                                             removed_item, removed_other);
    RETURN NULL;
END
$$;

-- Everything from scratch: all listed items with all their keywords and people.
CREATE OR REPLACE FUNCTION articles_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    i_state integer[]; i_id bigint[]; i_source bigint[]; i_year integer[]; i_month smallint[];
    k_state integer[]; k_item bigint[]; k_keyword bigint[];
    p_state integer[]; p_item bigint[]; p_person bigint[];
BEGIN
    PERFORM articles_tally_lock();
    DELETE FROM articles_periodcount;
    DELETE FROM articles_keywordperiodcount;
    DELETE FROM articles_personperiodcount;
    DELETE FROM articles_keywordpaircount;
    DELETE FROM articles_keywordpersoncount;
    DELETE FROM articles_personpaircount;
    SELECT array_agg(1), array_agg(a.id), array_agg(a.source_id), array_agg(p.year),
           array_agg(p.month)
      INTO i_state, i_id, i_source, i_year, i_month
      FROM articles_article a, articles_tally_period(a.published_on, a.date_precision) p
     WHERE articles_listed(a.status, a.kind);
    SELECT array_agg(0), array_agg(content_object_id), array_agg(tag_id)
      INTO k_state, k_item, k_keyword FROM articles_taggedarticle;
    SELECT array_agg(0), array_agg(article_id), array_agg(person_id)
      INTO p_state, p_item, p_person FROM articles_mention;
    PERFORM articles_tally_apply(i_state, i_id, i_source, i_year, i_month,
                                 k_state, k_item, k_keyword, p_state, p_item, p_person);
END
$$;

CREATE OR REPLACE FUNCTION articles_tally_truncate_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_tally_rebuild();
    RETURN NULL;
END
$$;
