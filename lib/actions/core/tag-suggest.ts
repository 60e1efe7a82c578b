// Existing tags for the editor's "태그" field, as it is typed.
import "server-only";
import { z } from "zod";
import { STAFF } from "../../auth/roles";
import { suggestTags } from "../../data/tag-suggestions";
import { defineAction, done } from "../safe-action";

export const suggestTagsInput = z.object({ prefix: z.string().trim().max(30) });

export const suggestTagNames = defineAction({
  name: "suggestTagNames",
  roles: STAFF,
  schema: suggestTagsInput,
  async run(_actor, { prefix }) {
    return done("", [], { data: await suggestTags(prefix) });
  },
});
