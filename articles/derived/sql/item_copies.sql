-- Keyword rows and mentions carry a copy of their item's date and listed state (item_date,
-- item_listed = articles_listed(status, kind), item_publish_at), so that a keyword's or a
-- person's newest listed items are one range of one index (articles/models/item_copies.py).
-- Loaded by migrations (first by 0015_readerpages_item_copies); written to be loaded again.
--
-- Two rules keep the copies exact whoever writes (ORM, update(), bulk_create, loaddata, COPY,
-- raw SQL): a keyword row or mention takes the copy from its item whenever it is written,
-- and an item whose date, status, kind or publish time changes hands the change to its rows.
-- bench/build.py loads with triggers off and writes the same values itself.

CREATE OR REPLACE FUNCTION articles_item_copies_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    item bigint;
BEGIN
    IF TG_TABLE_NAME = 'articles_taggedarticle' THEN
        item := NEW.content_object_id;
    ELSE
        item := NEW.article_id;
    END IF;
    SELECT a.published_on, articles_listed(a.status, a.kind), a.publish_at
      INTO NEW.item_date, NEW.item_listed, NEW.item_publish_at
      FROM articles_article a WHERE a.id = item;
    -- No item yet (a deferred foreign key, loaddata): the item's insert fills it in.
    NEW.item_listed := coalesce(NEW.item_listed, false);
    RETURN NEW;
END
$$;

-- Items inserted or changed by one statement: their rows take the item's values, one update
-- per table. On an update only items whose copied values changed are looked at, and only
-- rows whose copy differs are written (most saves change none).
CREATE OR REPLACE FUNCTION articles_item_copies_hand_on() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.id) INTO ids FROM new_rows n;
    ELSE
        SELECT array_agg(n.id) INTO ids
          FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
         WHERE (n.published_on, n.status, n.kind, n.publish_at)
               IS DISTINCT FROM (o.published_on, o.status, o.kind, o.publish_at);
    END IF;
    IF ids IS NULL THEN
        RETURN NULL;
    END IF;
    WITH items AS (
        SELECT a.id, a.published_on, articles_listed(a.status, a.kind) AS listed, a.publish_at
          FROM articles_article a WHERE a.id = ANY(ids)
    ), tagged AS (
        UPDATE articles_taggedarticle t
           SET item_date = i.published_on, item_listed = i.listed,
               item_publish_at = i.publish_at
          FROM items i
         WHERE t.content_object_id = i.id
           AND (t.item_date, t.item_listed, t.item_publish_at)
               IS DISTINCT FROM (i.published_on, i.listed, i.publish_at)
    )
    UPDATE articles_mention m
       SET item_date = i.published_on, item_listed = i.listed, item_publish_at = i.publish_at
      FROM items i
     WHERE m.article_id = i.id
       AND (m.item_date, m.item_listed, m.item_publish_at)
           IS DISTINCT FROM (i.published_on, i.listed, i.publish_at);
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS articles_item_copies_tagged ON articles_taggedarticle;
CREATE TRIGGER articles_item_copies_tagged
    BEFORE INSERT OR UPDATE ON articles_taggedarticle
    FOR EACH ROW EXECUTE FUNCTION articles_item_copies_row();

DROP TRIGGER IF EXISTS articles_item_copies_mention ON articles_mention;
CREATE TRIGGER articles_item_copies_mention
    BEFORE INSERT OR UPDATE ON articles_mention
    FOR EACH ROW EXECUTE FUNCTION articles_item_copies_row();

DROP TRIGGER IF EXISTS articles_item_copies_inserted ON articles_article;
CREATE TRIGGER articles_item_copies_inserted
    AFTER INSERT ON articles_article REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_item_copies_hand_on();

DROP TRIGGER IF EXISTS articles_item_copies_updated ON articles_article;
CREATE TRIGGER articles_item_copies_updated
    AFTER UPDATE ON articles_article REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION articles_item_copies_hand_on();
