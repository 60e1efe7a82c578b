// What the small sample site holds, decided before anything is written: three boards, each
// post with its comments, attachments and inline images, and the odd cases an import meets on a
// real GnuBoard site (a notice, a secret post, an empty subject, entities, broken HTML, plain
// text, missing and corrupt files, a post just after midnight KST).
import { kstToUtc } from "./kst";
import * as W from "./words";

export type BoardCharset = "utf8mb4" | "euckr" | "latin1";
export type FileKind = "jpeg" | "png" | "hwp" | "pdf";
export type FileState = "ok" | "missing" | "corrupt";

export type PlannedFile = { kind: FileKind; source: string; state: FileState };
export type PlannedInline = { kind: "jpeg" | "png"; state: "ok" | "missing"; src: string; relPath: string };
export type PlannedComment = { name: string; mbId: string; content: string; datetime: string; reply: boolean };
export type PlannedPost = {
  key: string;
  board: string;
  /** wr_subject as stored (may hold entities); `title` is what a reader should see. */
  subject: string;
  title: string;
  content: string;
  /** wr_option: html1 (HTML), html2 (HTML + line breaks), '' (plain text), plus secret. */
  option: string;
  category: string;
  name: string;
  mbId: string;
  datetime: string;
  hit: number;
  notice: boolean;
  replyTo: string | null;
  files: PlannedFile[];
  inline: PlannedInline[];
  comments: PlannedComment[];
};

export type PlannedBoard = { boTable: string; subject: string; charset: BoardCharset; categories: string[]; skin: string };

/** The planned posts that carry one odd case each, by key (SamplePost.key). */
export const SAMPLE_KEYS = {
  notice: "news-0",
  missingFiles: "news-1",
  corruptFile: "news-2",
  documents: "news-3",
  secret: "news-4",
  emptySubject: "news-5",
  entities: "news-6",
  malformed: "news-7",
  plainText: "news-8",
  justAfterMidnightKst: "news-9",
  absoluteImageUrl: "news-10",
  reply: "news-12-re",
  replyToReply: "news-12-re-re",
  eucKrAttachment: "free-1",
  eucKrInlineImage: "free-2",
  cp949: "old-0",
  cp949MissingFile: "old-4",
} as const;

export const OLD_SITE_ORIGIN = "http://www.old-portal.example";

export const BOARDS: PlannedBoard[] = [
  { boTable: "news", subject: "지역 소식", charset: "utf8mb4", categories: Object.keys(W.NEWS_TOPICS), skin: "basic" },
  { boTable: "free", subject: "자유게시판", charset: "euckr", categories: [], skin: "basic" },
  { boTable: "old", subject: "옛 게시판", charset: "latin1", categories: [], skin: "basic" },
];

/** Members of the old site (g5_member); other writers are guests with a password. */
export const MEMBERS = [
  { mbId: "sunflower", nick: "해바라기", level: 2 },
  { mbId: "riverwave", nick: "두만강물결", level: 2 },
  { mbId: "editor01", nick: "편집부", level: 9 },
  { mbId: "hengin", nick: "햏인", level: 2 },
] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const fmt = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
/** A KST wall-clock string `minutes` after another one (plain arithmetic on the wall clock). */
export const addMinutes = (kst: string, minutes: number) => fmt(new Date(Date.parse(`${kst.replace(" ", "T")}Z`) + minutes * 60_000));

function editorImage(rng: W.Rng, datetime: string, kind: "jpeg" | "png", state: "ok" | "missing", absolute = false): PlannedInline {
  const yymm = datetime.slice(2, 4) + datetime.slice(5, 7);
  const hex = Array.from({ length: 16 }, () => "0123456789abcdef"[rng.int(0, 15)]).join("");
  const unix = Math.floor(kstToUtc(datetime).getTime() / 1000);
  const relPath = `data/editor/${yymm}/${hex}_${unix}.${kind === "jpeg" ? "jpg" : "png"}`;
  return { kind, state, relPath, src: `${absolute ? OLD_SITE_ORIGIN : ""}/${relPath}` };
}
const img = (i: PlannedInline) => `<p><img src="${i.src}" alt="" style="width:480px;height:320px"></p>`;

function comments(rng: W.Rng, n: number, after: string, pool: readonly string[], names: readonly string[]): PlannedComment[] {
  let at = after;
  return Array.from({ length: n }, (_, k) => {
    at = addMinutes(at, rng.int(3, 600));
    const name = rng.pick(names);
    const member = MEMBERS.find((m) => m.nick === name);
    return { name, mbId: member?.mbId ?? "", content: rng.pick(pool), datetime: at, reply: k > 0 && rng.next() < 0.2 };
  });
}

function post(p: Partial<PlannedPost> & Pick<PlannedPost, "key" | "board" | "subject" | "content" | "datetime" | "name">): PlannedPost {
  const member = MEMBERS.find((m) => m.nick === p.name);
  return { title: p.subject, option: "html1", category: "", mbId: member?.mbId ?? "", hit: 0, notice: false, replyTo: null, files: [], inline: [], comments: [], ...p };
}

export function planNews(rng: W.Rng): PlannedPost[] {
  const posts: PlannedPost[] = [];
  const cats = Object.keys(W.NEWS_TOPICS);
  let at = "2019-03-04 09:10:00";
  for (let i = 0; i < 26; i++) {
    at = addMinutes(at, rng.int(60 * 24 * 20, 60 * 24 * 70));
    const category = cats[i % cats.length];
    const subject = `${rng.pick(W.PLACES)} ${rng.pick(W.NEWS_TOPICS[category])} ${rng.pick(W.NEWS_ENDINGS)}`;
    const paras = Array.from({ length: rng.int(2, 4) }, () => `<p>${rng.pick(W.SENTENCES)} ${rng.pick(W.SENTENCES)}</p>`);
    const p = post({ key: `news-${i}`, board: "news", subject, content: paras.join("\n"), datetime: at, category, name: i % 3 === 0 ? "편집부" : rng.pick(W.NICKNAMES), hit: rng.int(20, 4000) });
    p.comments = comments(rng, [3, 0, 2, 1, 4, 0, 2][i % 7], at, W.COMMENTS, W.NICKNAMES);
    posts.push(p);
  }
  const [first, missing, corrupt, docs, secret, empty, entities, malformed, plain, midnight, absolute] = posts;
  first.notice = true;
  first.hit = 12345;
  first.inline = [editorImage(rng, first.datetime, "jpeg", "ok")];
  first.content = `${img(first.inline[0])}\n${first.content}`;
  first.files = [{ kind: "jpeg", source: W.FILE_NAMES[0], state: "ok" }, { kind: "png", source: W.FILE_NAMES[1], state: "ok" }];
  missing.inline = [editorImage(rng, missing.datetime, "jpeg", "missing")];
  missing.content += `\n${img(missing.inline[0])}`;
  missing.files = [{ kind: "jpeg", source: W.FILE_NAMES[2], state: "missing" }];
  corrupt.files = [{ kind: "jpeg", source: "깨진사진.jpg", state: "corrupt" }, { kind: "png", source: W.FILE_NAMES[5], state: "ok" }];
  docs.files = [{ kind: "hwp", source: W.FILE_NAMES[3], state: "ok" }, { kind: "pdf", source: W.FILE_NAMES[4], state: "ok" }];
  secret.option = "html1,secret";
  empty.subject = empty.title = "";
  entities.subject = "&#54620;중 교류 &amp; 협력 포럼 열려";
  entities.title = "한중 교류 & 협력 포럼 열려";
  entities.content = "<p>&#54620;&#44397; 전통 음식&nbsp;&nbsp;전시회가 &quot;성황&quot;리에 끝났다. 입장료는 5&#50896; &amp; 무료 시식.</p>";
  malformed.content = [
    `<p style="text-align:justify;font-family:굴림">${W.SENTENCES[0]}`,
    `<font color="#cc0000" face="돋움"><b>${W.SENTENCES[1]}</font>`,
    `<script>alert('옛 게시판')</script>`,
    `<a href="javascript:void(0)" onclick="window.open('/popup.php')">자세히 보기</a>`,
    `<div><table><tr><td>${W.SENTENCES[2]}</td></div>`,
    `<iframe src="http://ads.example/banner"></iframe><span onmouseover="x()">끝.`,
  ].join("\n");
  plain.option = "";
  plain.content = `${W.SENTENCES[3]}\n둘째 줄: 3 < 5 & 7 > 2\n\n<b>태그처럼 보이는 글자</b>도 그대로 보여야 합니다.`;
  midnight.datetime = "2020-01-01 00:30:00";
  midnight.comments = comments(rng, 2, midnight.datetime, W.COMMENTS, W.NICKNAMES);
  absolute.inline = [editorImage(rng, absolute.datetime, "png", "ok", true)];
  absolute.content += `\n${img(absolute.inline[0])}`;
  for (const p of posts.slice(14, 20)) {
    p.inline = [editorImage(rng, p.datetime, "jpeg", "ok")];
    p.content = `${img(p.inline[0])}\n${p.content}`;
  }
  // Replies (wr_reply A, then AA under it) to two posts.
  const replyTo = (parent: PlannedPost, key: string, minutes: number) =>
    post({ key, board: "news", subject: `Re: ${parent.subject}`, content: `<p>${rng.pick(W.CHAT_SENTENCES)}</p>`, datetime: addMinutes(parent.datetime, minutes), name: rng.pick(W.NICKNAMES), replyTo: parent.key, hit: rng.int(5, 300), category: parent.category });
  const r1 = replyTo(posts[12], "news-12-re", 180);
  const r2 = replyTo(r1, "news-12-re-re", 240);
  const r3 = replyTo(posts[13], "news-13-re", 90);
  return [...posts, r1, r2, r3];
}

export function planFree(rng: W.Rng): PlannedPost[] {
  let at = "2015-06-01 20:00:00";
  const posts = W.FREE_TITLES.map((subject, i) => {
    at = addMinutes(at, rng.int(60 * 24 * 30, 60 * 24 * 120));
    const body = Array.from({ length: rng.int(2, 3) }, () => rng.pick(W.CHAT_SENTENCES)).join("\n");
    const p = post({ key: `free-${i}`, board: "free", subject, content: body, option: "html2", datetime: at, name: rng.pick(W.NICKNAMES), hit: rng.int(3, 900) });
    p.comments = comments(rng, [2, 1, 3, 0][i % 4], at, W.COMMENTS, W.NICKNAMES);
    return p;
  });
  posts[1].files = [{ kind: "png", source: "김치 사진.png", state: "ok" }];
  posts[2].inline = [editorImage(rng, posts[2].datetime, "jpeg", "ok")];
  posts[2].option = "html1";
  posts[2].content = `<p>${W.CHAT_SENTENCES[0]}</p>\n${img(posts[2].inline[0])}\n<p>맛집 &amp; 카페 목록&nbsp;정리</p>`;
  const re = post({ key: "free-3-re", board: "free", subject: `Re: ${posts[3].subject}`, content: W.CHAT_SENTENCES[4], option: "html2", datetime: addMinutes(posts[3].datetime, 45), name: "커피한잔", replyTo: posts[3].key, hit: 40 });
  return [...posts, re];
}

export function planOld(rng: W.Rng): PlannedPost[] {
  let at = "2004-11-20 13:00:00";
  const posts = W.OLD_TITLES.map((subject, i) => {
    at = addMinutes(at, rng.int(60 * 24 * 40, 60 * 24 * 150));
    const body = `<p>${subject}... ${rng.pick(W.CHAT_SENTENCES)}</p>\n<p>똠방각하 햏햏 뷁 ${rng.pick(W.CHAT_SENTENCES)}</p>`;
    const p = post({ key: `old-${i}`, board: "old", subject, content: body, datetime: at, name: rng.pick(W.OLD_NICKNAMES), hit: rng.int(50, 7000) });
    p.comments = comments(rng, i % 3 === 0 ? 2 : 1, at, W.OLD_COMMENTS, W.OLD_NICKNAMES);
    return p;
  });
  posts[0].files = [{ kind: "jpeg", source: "햏자 정모.jpg", state: "ok" }];
  posts[4].files = [{ kind: "jpeg", source: "옛날사진.jpg", state: "missing" }];
  return posts;
}
