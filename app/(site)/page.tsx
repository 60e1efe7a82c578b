import { getHome } from "@/lib/data/home";
import { formatListDate } from "@/lib/china-time";
import { Picture } from "@/components/article/picture";
import { site } from "@/lib/site/config";
import type { ArticleListItem } from "@/lib/types";
import { JsonLd } from "@/components/seo/json-ld";
import { homeMetadata } from "@/lib/seo/metadata";
import { websiteLd } from "@/lib/seo/json-ld";
import { articlePath, sectionPath } from "@/lib/urls";

export const revalidate = 300;

export function generateMetadata() {
  return homeMetadata();
}

export default async function HomePage() {
  const { top, topStories, latest, boxes, mostRead } = await getHome();
  return (
    <div className="home">
      <JsonLd data={websiteLd()} />
      <h1 className="visually-hidden">{site.name} 첫 화면</h1>
      <div className="home-lead">
        <div className="home-lead-main">
          {top && (
            <article className="top-story">
              <a href={articlePath(top.id)}>
                {top.cover && <Picture img={top.cover} sizes="(max-width: 760px) 100vw, 640px" eager alt={top.cover.alt || top.title} />}
                <h2>{top.title}</h2>
              </a>
              <p>{top.excerpt}</p>
            </article>
          )}
          {topStories.length > 0 && (
            <section className="top-stories" aria-labelledby="top-stories-h">
              <h2 id="top-stories-h">주요기사</h2>
              <ul>
                {topStories.map((a) => (
                  <li key={a.id}>
                    <a href={articlePath(a.id)}>{a.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <section className="latest" aria-labelledby="latest-h">
          <h2 id="latest-h">최신뉴스</h2>
          <ol>
            {latest.map((a) => (
              <li key={a.id}>
                <a href={articlePath(a.id)}>{a.title}</a>
                <time dateTime={a.publishedAt}>{formatListDate(a.publishedAt)}</time>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <div className="home-body">
        <div className="section-boxes">
          {boxes.map((b) => (
            <SectionBox key={b.section.id} name={b.section.name} slug={b.section.slug} items={b.items} />
          ))}
        </div>
        <aside className="most-read" aria-labelledby="most-read-h">
          <h2 id="most-read-h">많이 본 뉴스</h2>
          <ol>
            {mostRead.map((a, i) => (
              <li key={a.id}>
                <span className="rank" aria-hidden="true">
                  {i + 1}
                </span>
                <a href={articlePath(a.id)}>{a.title}</a>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

function SectionBox({ name, slug, items }: { name: string; slug: string; items: ArticleListItem[] }) {
  const [first, ...rest] = items;
  const lead = items.find((a) => a.cover) ?? first;
  const others = lead === first ? rest : items.filter((a) => a !== lead);
  return (
    <section className="section-box" aria-labelledby={`box-${slug}`}>
      <h2 id={`box-${slug}`}>
        <a href={sectionPath(slug)}>{name}</a>
      </h2>
      <a href={articlePath(lead.id)} className="box-lead">
        {lead.cover && <Picture img={lead.cover} sizes="(max-width: 760px) 100vw, 300px" alt={lead.cover.alt || lead.title} />}
        <span>{lead.title}</span>
      </a>
      <ul>
        {others.slice(0, 4).map((a) => (
          <li key={a.id}>
            <a href={articlePath(a.id)}>{a.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
