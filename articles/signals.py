"""No signal receivers are needed for derived data: database triggers keep the search text
(articles/derived/sql/search_text.sql), the counts and the cache generation current."""
