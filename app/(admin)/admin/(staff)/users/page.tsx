import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { isAdmin, ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { listStaff } from "@/lib/data/accounts";
import { formatListDate } from "@/lib/china-time";
import { createUserAction, setUserDisabledAction, setUserRoleAction } from "@/lib/actions/users";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { ActionButton } from "@/components/admin/action-button";
import { Forbidden } from "@/components/admin/forbidden";
import { SimpleForm } from "@/components/admin/simple-form";

export const metadata: Metadata = { title: "계정" };

const roles = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!isAdmin(actor)) return <Forbidden what="계정 관리는 관리자만 할 수 있습니다." />;
  const users = await listStaff();
  return (
    <>
      <h1>계정</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">이름</th>
            <th scope="col">이메일</th>
            <th scope="col">역할</th>
            <th scope="col">상태</th>
            <th scope="col">만든 날</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.disabled ? "is-hidden" : ""}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                {u.id === actor.id ? (
                  ROLE_LABEL[u.role]
                ) : (
                  <ActionButton action={setUserRoleAction} fields={{ id: u.id }} label="바꾸기">
                    <select name="role" defaultValue={u.role} aria-label={`${u.name}의 역할`}>
                      {roles.map((r) => (
                        <option key={r.value} value={r.value}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </ActionButton>
                )}
              </td>
              <td>
                {u.id === actor.id ? (
                  "나"
                ) : (
                  <ActionButton action={setUserDisabledAction} fields={{ id: u.id, disabled: u.disabled ? "false" : "true" }} label={u.disabled ? "다시 열기" : "막기"} danger={!u.disabled} />
                )}
              </td>
              <td>{formatListDate(u.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>새 계정</h2>
      <SimpleForm
        action={createUserAction}
        submit="계정 만들기"
        fields={[
          { name: "email", label: "이메일", type: "email", autoComplete: "off" },
          { name: "name", label: "이름 (기사와 편집실에 보임)" },
          { name: "password", label: "처음 비밀번호", type: "password", autoComplete: "new-password", hint: `${PASSWORD_MIN}자 이상. 본인이 로그인한 뒤 바꾸게 하세요.` },
          { name: "role", label: "역할", options: roles, defaultValue: "REPORTER" },
        ]}
      />
    </>
  );
}
