// Accounts (admin only): create, change role, disable. Everyone may change their own password.
// Each change to an account ends its sessions (a new session version, see lib/auth/session-token.ts).
import "server-only";
import { db } from "../../db";
import { ADMINS, ROLE_LABEL, STAFF } from "../../auth/roles";
import { hashPassword, verifyPassword } from "../../auth/password";
import { changePasswordInput, createUserInput, setDisabledInput, setRoleInput } from "../../validations/admin";
import { defineAction, done, fail } from "../safe-action";

export const createUser = defineAction({
  name: "createUser",
  roles: ADMINS,
  schema: createUserInput,
  async run(_actor, { email, name, password, role }) {
    if (await db.user.count({ where: { email } })) return fail(400, "입력한 내용을 확인해 주세요.", { email: ["이미 있는 계정입니다."] });
    await db.user.create({ data: { email, name, role, passwordHash: await hashPassword(password) } });
    return done(`${ROLE_LABEL[role]} 계정 ${email}을(를) 만들었습니다.`);
  },
});

export const setUserRole = defineAction({
  name: "setUserRole",
  roles: ADMINS,
  schema: setRoleInput,
  async run(actor, { id, role }) {
    // An admin cannot demote themselves: the newsroom must never be left without one.
    if (id === actor.id) return fail(409, "자기 자신의 역할은 바꿀 수 없습니다.");
    if (!(await db.user.count({ where: { id } }))) return fail(404, "계정을 찾을 수 없습니다.");
    await db.user.update({ where: { id }, data: { role, sessionVersion: { increment: 1 } } });
    return done(`역할을 ${ROLE_LABEL[role]}(으)로 바꿨습니다. 그 계정은 다시 로그인해야 합니다.`);
  },
});

export const setUserDisabled = defineAction({
  name: "setUserDisabled",
  roles: ADMINS,
  schema: setDisabledInput,
  async run(actor, { id, disabled }) {
    if (id === actor.id) return fail(409, "자기 자신의 계정은 막을 수 없습니다.");
    if (!(await db.user.count({ where: { id } }))) return fail(404, "계정을 찾을 수 없습니다.");
    await db.user.update({ where: { id }, data: { disabled, sessionVersion: { increment: 1 } } });
    return done(disabled ? "계정을 막았습니다. 바로 로그아웃됩니다." : "계정을 다시 열었습니다.");
  },
});

export const changeOwnPassword = defineAction({
  name: "changeOwnPassword",
  roles: STAFF,
  schema: changePasswordInput,
  async run(actor, { current, password }) {
    const u = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
    if (!u || !(await verifyPassword(current, u.passwordHash))) return fail(400, "입력한 내용을 확인해 주세요.", { current: ["지금 비밀번호가 맞지 않습니다."] });
    // Other sessions end; the caller re-issues this one at the new version. Addresses learnt
    // under the old password are forgotten: one of them may have been the intruder's.
    const [u2] = await db.$transaction([
      db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } }, select: { sessionVersion: true } }),
      db.knownSignInAddress.deleteMany({ where: { userId: actor.id } }),
    ]);
    return done("비밀번호를 바꿨습니다. 다른 기기의 로그인은 끝났습니다.", [], { data: { sessionVersion: u2.sessionVersion } });
  },
});
