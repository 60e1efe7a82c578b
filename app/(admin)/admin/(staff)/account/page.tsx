import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { changeOwnPasswordAction } from "@/lib/actions/users";
import { SimpleForm } from "@/components/admin/simple-form";

export const metadata: Metadata = { title: "내 계정" };

export default async function AccountPage() {
  const actor = await requireActor("/admin/account");
  return (
    <>
      <h1>내 계정</h1>
      <p>
        {actor.name} · {actor.email} · {ROLE_LABEL[actor.role]}
      </p>
      <h2>비밀번호 바꾸기</h2>
      <SimpleForm
        action={changeOwnPasswordAction}
        submit="비밀번호 바꾸기"
        fields={[
          { name: "current", label: "지금 비밀번호", type: "password", autoComplete: "current-password" },
          { name: "password", label: "새 비밀번호", type: "password", autoComplete: "new-password", hint: `${PASSWORD_MIN}자 이상` },
        ]}
      />
    </>
  );
}
