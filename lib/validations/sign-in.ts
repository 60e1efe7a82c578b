import { z } from "zod";

export const signInInput = z.object({
  email: z.string().trim().min(1, "이메일을 입력하세요.").max(320),
  password: z.string().min(1, "비밀번호를 입력하세요.").max(1000),
  next: z.string().optional(),
});
