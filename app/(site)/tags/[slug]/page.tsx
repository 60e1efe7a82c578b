// /tags/{slug}: a tag's published articles, newest first, one keyset page at a time
// (`?before=` is the cursor of the last item shown). The data is cached; the page is
// rendered per request only because of that query string.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTagBySlug, listTagArticles, parseCursor } from "@/lib/data/tags";
import { ArticleItem } from "@/components/article/article-item";
import { safeDecode } from "@/lib/seo/decode";
import { site } from "@/lib/site/config";
import { absoluteUrl, FEED_PATH, tagFeedPath, tagPath } from "@/lib/urls";
import { notFoundMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

async function load({ params, searchParams }: Props) {
  const slug = safeDecode((await params).slug);
  const raw = (await searchParams).before;
  const before = parseCursor(typeof raw === "string" ? raw : raw === undefined ? undefined : "x");
  if (slug === null || slug.length > 200 || before === undefined) return null;
  const tag = await getTagBySlug(slug);
  if (!tag) return null;
  return { tag, before, page: await listTagArticles(tag.id, before) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const r = await load(props);
  if (!r) return notFoundMetadata();
  const title = `#${r.tag.name}`;
  const description = `${site.name}에서 ‘${r.tag.name}’ 태그가 붙은 기사를 최신순으로 봅니다.`;
  return {
    title,
    description,
    // Later pages are reachable but only the first is the tag's canonical page.
    alternates: {
      canonical: absoluteUrl(tagPath(r.tag.slug)),
      types: { "application/rss+xml": [{ url: absoluteUrl(FEED_PATH), title: `${site.name} 최신기사` }, { url: absoluteUrl(tagFeedPath(r.tag.slug)), title: `${site.name} #${r.tag.name}` }] },
    },
    ...(r.before ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function TagPage(props: Props) {
  const r = await load(props);
  if (!r) notFound();
  const { tag, page } = r;
  // No "Total : N" here: a tag's total would need a count over its articles on every render.
  return (
    <section className="article-list" aria-label={`#${tag.name} 기사`}>
      <div className="list-head">
        <h1 className="list-title">#{tag.name}</h1>
        <p className="list-total">
          <a href={tagFeedPath(tag.slug)}>RSS</a>
        </p>
      </div>
      <ul>
        {page.items.length ? page.items.map((a, i) => <ArticleItem key={a.id} article={a} showSection headingLevel={2} first={i === 0} />) : <li className="list-item">아직 게시된 기사가 없습니다.</li>}
      </ul>
      <nav className="pager" aria-label={`#${tag.name} 기사 페지 이동`}>
        {r.before && <a href={tagPath(tag.slug)}>처음</a>} {page.next && <a href={tagPath(tag.slug, page.next)} rel="next">다음 기사</a>}
      </nav>
    </section>
  );
}
