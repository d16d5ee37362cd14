-- The copied search text (articles/derived/search_text.py has the same rule in Python):
-- keyword names, then person names, each sorted by code point.
CREATE OR REPLACE FUNCTION articles_search_text_of(item bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT trim(concat_ws(' ',
        (SELECT string_agg(k.name, ' ' ORDER BY k.name COLLATE "C")
           FROM articles_taggedarticle t JOIN articles_keyword k ON k.id = t.tag_id
          WHERE t.content_object_id = item),
        (SELECT string_agg(p.name, ' ' ORDER BY p.name COLLATE "C")
           FROM articles_mention m JOIN articles_person p ON p.id = m.person_id
          WHERE m.article_id = item)))
$$;

-- Recompute the search text of these items (every item when NULL); rows already right are
-- not written, so their search vector is not computed again.
CREATE OR REPLACE FUNCTION articles_search_text_refresh(items bigint[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    UPDATE articles_article a
       SET search_text = s.text
      FROM (SELECT id, articles_search_text_of(id) AS text
              FROM articles_article
             WHERE items IS NULL OR id = ANY(items)) s
     WHERE a.id = s.id AND a.search_text IS DISTINCT FROM s.text;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- The item writer (articles/writer/) fills the search text before it inserts and refreshes
-- what it updated itself; inside its transactions it sets articles.search_text_by_writer.
CREATE OR REPLACE FUNCTION articles_search_text_by_writer() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('articles.search_text_by_writer', true), '') = 'on'
$$;

-- Keyword rows or mentions inserted, deleted or moved by one statement.
CREATE OR REPLACE FUNCTION articles_search_text_relations_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    items bigint[];
    item_column text := TG_ARGV[0];
BEGIN
    IF articles_search_text_by_writer() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', item_column) INTO items;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', item_column) INTO items;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM new_rows'
                       ' UNION SELECT %1$I FROM old_rows) u', item_column) INTO items;
    END IF;
    IF items IS NOT NULL THEN
        PERFORM articles_search_text_refresh(items);
    END IF;
    RETURN NULL;
END
$$;

-- A keyword or a person renamed: the items that carry or name them.
CREATE OR REPLACE FUNCTION articles_search_text_names_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    items bigint[];
BEGIN
    IF TG_TABLE_NAME = 'articles_keyword' THEN
        SELECT array_agg(DISTINCT t.content_object_id) INTO items
          FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.name IS DISTINCT FROM n.name
          JOIN articles_taggedarticle t ON t.tag_id = n.id;
    ELSE
        SELECT array_agg(DISTINCT m.article_id) INTO items
          FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.name IS DISTINCT FROM n.name
          JOIN articles_mention m ON m.person_id = n.id;
    END IF;
    IF items IS NOT NULL THEN
        PERFORM articles_search_text_refresh(items);
    END IF;
    RETURN NULL;
END
$$;

-- An item row written with a search text of its own (a save restoring an old version, raw
-- SQL): the text follows the rule anyway.
CREATE OR REPLACE FUNCTION articles_search_text_row_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := articles_search_text_of(NEW.id);
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS articles_article_search_text_row ON articles_article;
CREATE TRIGGER articles_article_search_text_row
    BEFORE INSERT OR UPDATE OF search_text ON articles_article
    FOR EACH ROW WHEN (NOT articles_search_text_by_writer())
    EXECUTE FUNCTION articles_search_text_row_trigger();

DROP TRIGGER IF EXISTS articles_taggedarticle_search_text_insert ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_taggedarticle_search_text_delete ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_taggedarticle_search_text_update ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_mention_search_text_insert ON articles_mention;
DROP TRIGGER IF EXISTS articles_mention_search_text_delete ON articles_mention;
DROP TRIGGER IF EXISTS articles_mention_search_text_update ON articles_mention;
DROP TRIGGER IF EXISTS articles_keyword_search_text_update ON articles_keyword;
DROP TRIGGER IF EXISTS articles_person_search_text_update ON articles_person;

CREATE TRIGGER articles_taggedarticle_search_text_insert AFTER INSERT ON articles_taggedarticle
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('content_object_id');
CREATE TRIGGER articles_taggedarticle_search_text_delete AFTER DELETE ON articles_taggedarticle
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('content_object_id');
CREATE TRIGGER articles_taggedarticle_search_text_update AFTER UPDATE ON articles_taggedarticle
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('content_object_id');
CREATE TRIGGER articles_mention_search_text_insert AFTER INSERT ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('article_id');
CREATE TRIGGER articles_mention_search_text_delete AFTER DELETE ON articles_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('article_id');
CREATE TRIGGER articles_mention_search_text_update AFTER UPDATE ON articles_mention
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_relations_trigger('article_id');
CREATE TRIGGER articles_keyword_search_text_update AFTER UPDATE ON articles_keyword
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_names_trigger();
CREATE TRIGGER articles_person_search_text_update AFTER UPDATE ON articles_person
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION articles_search_text_names_trigger();
