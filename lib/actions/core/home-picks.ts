// The home page's lead and top stories, chosen and ordered by an editor: add, move up or
// down, remove. Every change revalidates the home page's tag.
import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { tags } from "../../cache-tags";
import { EDITORS } from "../../auth/roles";
import { HOME_SLOTS } from "../../data/home";
import { published } from "../../data/published";
import { defineAction, done, fail } from "../safe-action";

const articleId = z.coerce.number({ error: "기사 번호가 잘못되었습니다." }).int().positive("기사 번호가 잘못되었습니다.").max(2_147_483_647, "기사 번호가 잘못되었습니다.");
export const homePickInput = z.object({ articleId });
export const homeMoveInput = z.object({ articleId, direction: z.enum(["up", "down"]) });

const NOT_PICKED = "첫 화면에 고른 기사가 아닙니다.";

export const addHomePick = defineAction({
  name: "addHomePick",
  roles: EDITORS,
  schema: homePickInput,
  async run(_actor, { articleId }) {
    const article = await db.article.findFirst({ where: { id: articleId, ...published }, select: { id: true } });
    if (!article) return fail(404, "게시된 기사만 첫 화면에 올릴 수 있습니다.");
    return db.$transaction(async (tx) => {
      // One editor at a time: two adds at once would otherwise share a position or pass the cap.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('home_picks'))`;
      const picks = await tx.homePick.findMany({ orderBy: { position: "desc" }, select: { articleId: true, position: true } });
      if (picks.some((p) => p.articleId === articleId)) return fail(409, "이미 첫 화면에 고른 기사입니다.");
      if (picks.length >= HOME_SLOTS) return fail(409, `첫 화면에는 ${HOME_SLOTS}개까지 고를 수 있습니다. 하나를 먼저 빼세요.`);
      await tx.homePick.create({ data: { articleId, position: (picks[0]?.position ?? -1) + 1 } });
      return done(picks.length === 0 ? "첫 화면 머리기사로 올렸습니다." : "첫 화면 주요기사에 올렸습니다.", [tags.home]);
    });
  },
});

export const moveHomePick = defineAction({
  name: "moveHomePick",
  roles: EDITORS,
  schema: homeMoveInput,
  async run(_actor, { articleId, direction }) {
    return db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('home_picks'))`;
      const picks = await tx.homePick.findMany({ orderBy: [{ position: "asc" }, { articleId: "asc" }], select: { articleId: true } });
      const i = picks.findIndex((p) => p.articleId === articleId);
      if (i < 0) return fail(404, NOT_PICKED);
      const j = direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= picks.length) return done("더 옮길 수 없습니다.", []);
      [picks[i], picks[j]] = [picks[j], picks[i]];
      // Positions rewritten 0..n-1: also mends gaps left by removals.
      for (const [position, p] of picks.entries()) await tx.homePick.update({ where: { articleId: p.articleId }, data: { position } });
      return done(direction === "up" ? "위로 옮겼습니다." : "아래로 옮겼습니다.", [tags.home]);
    });
  },
});

export const removeHomePick = defineAction({
  name: "removeHomePick",
  roles: EDITORS,
  schema: homePickInput,
  async run(_actor, { articleId }) {
    const gone = await db.homePick.deleteMany({ where: { articleId } });
    if (gone.count === 0) return fail(404, NOT_PICKED);
    return done("첫 화면에서 뺐습니다.", [tags.home]);
  },
});
