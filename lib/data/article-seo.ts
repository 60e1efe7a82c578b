// An article's search and sharing settings for its page's <head> (cached under the article's
// own tag, which every save of a published article revalidates).
import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { readDb } from "../read-db";
import { tags, REVALIDATE_SECONDS } from "../cache-tags";
import type { ArticleSeo } from "../seo/metadata";
import { imageSelect, toImageRef } from "./mappers";

async function readSeo(id: number): Promise<ArticleSeo> {
  const r = await readDb.article.findUnique({
    where: { id },
    select: { seoTitle: true, seoDescription: true, socialImage: { select: imageSelect } },
  });
  return { title: r?.seoTitle ?? null, description: r?.seoDescription ?? null, image: toImageRef(r?.socialImage) };
}

export const getArticleSeo = cache((id: number) =>
  unstable_cache(() => readSeo(id), ["article-seo", String(id)], { tags: [tags.article(id)], revalidate: REVALIDATE_SECONDS })(),
);
