-- Compound parts of an item's words, set before every insert or update of its text
-- (migration 0012 introduced it; loaded by 0013). The item writer (articles/writer/) computes
-- both columns itself, from the same lexicon and the same tokenisation
-- (articles/lexicon.py, search_parts()), while it adds the batch's new words to the lexicon:
-- it sets articles.search_parts_by_writer for its transaction and the trigger keeps what it
-- inserted. Every other insert and every update is computed here.
CREATE OR REPLACE FUNCTION articles_search_parts_of(text) RETURNS text
LANGUAGE sql STABLE AS $$
SELECT coalesce((
    SELECT string_agg(array_to_string(l.parts, ' '), ' ' ORDER BY w.first)
      FROM (SELECT lower(t.token) AS word, min(t.n) AS first
              FROM ts_parse('default', regexp_replace($1, '([[:alnum:]])/(?=[[:alnum:]])', '\1 ', 'g'))
                   WITH ORDINALITY AS t(tokid, token, n)
             WHERE t.tokid IN (1, 2, 10, 11) AND char_length(t.token) >= 7
             GROUP BY 1) AS w
      JOIN articles_compoundlexicon l ON l.word = w.word
     WHERE cardinality(l.parts) > 0), '')
$$;

CREATE OR REPLACE FUNCTION articles_search_parts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
       AND coalesce(current_setting('articles.search_parts_by_writer', true), '') = 'on' THEN
        RETURN NEW;
    END IF;
    NEW.search_head_parts := articles_search_parts_of(concat_ws(' ', NEW.title, NEW.kicker, NEW.search_text));
    NEW.search_parts := concat_ws(' ', NEW.search_head_parts,
                                  articles_search_parts_of(concat_ws(' ', NEW.teaser, NEW.body)));
    RETURN NEW;
END
$$;
