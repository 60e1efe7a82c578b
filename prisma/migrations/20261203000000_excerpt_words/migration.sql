-- The search index's text of a body, as lib/format.ts#htmlToText now makes it: an inline tag
-- (a link, bold, italic...) is removed without a trace, so "<a>홈페이지</a>에서" is indexed as
-- the one word it is (홈페이지에서) and a search for it finds the article; every other tag
-- still ends a word.
CREATE OR REPLACE FUNCTION search_html_text(html text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(replace(replace(replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(
                 regexp_replace(
                   regexp_replace(html, '<!--.*?-->', '', 'g'),
                   '<(script|style)([ >]).*?</\1>', ' ', 'gi'),
                 '<figcaption.*?</figcaption>', ' ', 'gi'),
               '</?(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)(\s[^>]*)?/?>', '', 'gi'),
             '<[^>]+>', ' ', 'g'),
           '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&apos;', ''''), '&amp;', '&')
$$;

-- Re-index the published articles whose body has an inline tag (the others index the same).
UPDATE article_search s
SET body = x.b, keys = search_row_keys(s.title, x.b)
FROM (
  SELECT id, search_fold(concat_ws(' ', subtitle, search_html_text(body), byline)) AS b
  FROM articles
  WHERE status = 'PUBLISHED' AND deleted_at IS NULL AND published_at IS NOT NULL
    AND body ~* '<(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)[\s>]'
) x
WHERE s.article_id = x.id AND s.body IS DISTINCT FROM x.b;
