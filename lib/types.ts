// Domain types handed from lib/data to pages. Dates are ISO strings so that cached
// values survive serialisation unchanged.
export type ImageVariant = { width: number; height: number; format: string; key: string };
export type ImageRef = { id: number; key: string; width: number; height: number; alt: string; variants: ImageVariant[] };

export type SectionRef = { id: number; slug: string; name: string };
export type Section = SectionRef & { position: number; parentId: number | null; legacyBoard: string | null };

export type ArticleListItem = {
  id: number;
  title: string;
  excerpt: string;
  publishedAt: string;
  section: SectionRef;
  cover: ImageRef | null;
};

export type Article = ArticleListItem & {
  subtitle: string | null;
  body: string;
  sourceName: string;
  byline: string | null;
  editorName: string | null;
  updatedAt: string;
  viewCount: number;
  coverCaption: string | null;
  /** The cover photo's credit from the photo library ("사진=…"). */
  coverCredit?: string | null;
  legacyId: number | null;
  /** The reporter's account name (structured data names them as the author). */
  authorName: string | null;
};

export type ArticlePage = { total: number; page: number; pages: number; items: ArticleListItem[] };
