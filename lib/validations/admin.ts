// Inputs of the comment, section and user actions.
import { z } from "zod";
import { passwordProblem } from "../auth/password";
import { nfc } from "./text";

const id = z.coerce.number().int().positive();
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const commentId = z.object({ id });
export const unblockInput = z.object({ blockId: id });

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "주소 이름은 영문 소문자, 숫자, 하이픈(-)으로 40자까지 씁니다.");
const sectionName = nfc().trim().min(1, "분야 이름을 입력하세요.").max(40, "분야 이름은 40자 이하로 써 주세요.");

export const createSectionInput = z.object({ name: sectionName, slug });
export const renameSectionInput = z.object({ id, name: sectionName, slug });
export const moveSectionInput = z.object({ id, direction: z.enum(["up", "down"]) });
export const hideSectionInput = z.object({ id, hidden: checkbox });

export const roleEnum = z.enum(["ADMIN", "EDITOR", "REPORTER"], { error: "역할을 고르세요." });
export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email("이메일 주소를 확인해 주세요.").max(320),
  name: nfc().trim().min(1, "이름을 입력하세요.").max(50, "이름은 50자 이하로 써 주세요."),
  // The same rule as accounts made on the command line (lib/auth/bootstrap.ts).
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  role: roleEnum,
});
export const setRoleInput = z.object({ id, role: roleEnum });
export const setDisabledInput = z.object({ id, disabled: checkbox });
export const changePasswordInput = z.object({
  current: z.string().min(1, "지금 비밀번호를 입력하세요."),
  password: createUserInput.shape.password,
});
