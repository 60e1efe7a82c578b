// Sections (admin only): create, rename, reorder, hide. Section names and order show in the
// menu, the home page's boxes and the section's own list.
import "server-only";
import { db } from "../../db";
import { tags } from "../../cache-tags";
import { ADMINS } from "../../auth/roles";
import { createSectionInput, hideSectionInput, moveSectionInput, renameSectionInput } from "../../validations/admin";
import { defineAction, done, fail } from "../safe-action";

const SLUG_TAKEN = { slug: ["이미 쓰는 주소 이름입니다."] };
const slugTaken = async (slug: string, except?: number) =>
  (await db.section.count({ where: { slug, ...(except ? { id: { not: except } } : {}) } })) > 0;

export const createSection = defineAction({
  name: "createSection",
  roles: ADMINS,
  schema: createSectionInput,
  async run(_actor, { name, slug }) {
    if (await slugTaken(slug)) return fail(400, "입력한 내용을 확인해 주세요.", SLUG_TAKEN);
    const last = await db.section.aggregate({ _max: { position: true } });
    const s = await db.section.create({ data: { name, slug, position: (last._max.position ?? 0) + 10 }, select: { id: true } });
    return done(`분야 '${name}'을(를) 만들었습니다.`, [tags.sections, tags.home, tags.section(s.id)]);
  },
});

export const renameSection = defineAction({
  name: "renameSection",
  roles: ADMINS,
  schema: renameSectionInput,
  async run(_actor, { id, name, slug }) {
    if (!(await db.section.count({ where: { id } }))) return fail(404, "분야를 찾을 수 없습니다.");
    if (await slugTaken(slug, id)) return fail(400, "입력한 내용을 확인해 주세요.", SLUG_TAKEN);
    await db.section.update({ where: { id }, data: { name, slug } });
    // Lists and feeds show the section's name next to each item.
    return done("분야 이름을 바꿨습니다.", [tags.sections, tags.home, tags.section(id), tags.archive, tags.feeds]);
  },
});

export const moveSection = defineAction({
  name: "moveSection",
  roles: ADMINS,
  schema: moveSectionInput,
  async run(_actor, { id, direction }) {
    const all = await db.section.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
    const i = all.findIndex((s) => s.id === id);
    if (i === -1) return fail(404, "분야를 찾을 수 없습니다.");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return done("더 옮길 수 없습니다.", []);
    [all[i], all[j]] = [all[j], all[i]];
    // Positions are rewritten as 10, 20, 30... so that order never depends on ties.
    await db.$transaction(all.map((s, k) => db.section.update({ where: { id: s.id }, data: { position: (k + 1) * 10 } })));
    return done("순서를 바꿨습니다.", [tags.sections, tags.home]);
  },
});

export const setSectionHidden = defineAction({
  name: "setSectionHidden",
  roles: ADMINS,
  schema: hideSectionInput,
  async run(_actor, { id, hidden }) {
    if (!(await db.section.count({ where: { id } }))) return fail(404, "분야를 찾을 수 없습니다.");
    await db.section.update({ where: { id }, data: { hidden } });
    return done(hidden ? "분야를 숨겼습니다. 메뉴와 첫 화면에서 빠집니다." : "분야를 다시 보이게 했습니다.", [tags.sections, tags.home, tags.section(id)]);
  },
});
