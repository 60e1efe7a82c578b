import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { isAdmin } from "@/lib/auth/roles";
import { allSections } from "@/lib/data/sections";
import { createSectionAction, moveSectionAction, renameSectionAction, setSectionHiddenAction } from "@/lib/actions/sections";
import { ActionButton } from "@/components/admin/action-button";
import { Forbidden } from "@/components/admin/forbidden";
import { SimpleForm } from "@/components/admin/simple-form";
import { sectionPath } from "@/lib/urls";

export const metadata: Metadata = { title: "분야" };

export default async function SectionsPage() {
  const actor = await requireActor("/admin/sections");
  if (!isAdmin(actor)) return <Forbidden what="분야 관리는 관리자만 할 수 있습니다." />;
  const sections = await allSections();
  return (
    <>
      <h1>분야</h1>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">순서</th>
            <th scope="col">이름과 주소</th>
            <th scope="col">보이기</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s, i) => (
            <tr key={s.id} className={s.hidden ? "is-hidden" : ""}>
              <td className="row-actions">
                <ActionButton action={moveSectionAction} fields={{ id: s.id, direction: "up" }} label={`↑`} />
                <ActionButton action={moveSectionAction} fields={{ id: s.id, direction: "down" }} label={`↓`} />
                <span className="visually-hidden">{i + 1}번째</span>
              </td>
              <td>
                <ActionButton action={renameSectionAction} fields={{ id: s.id }} label="이름 바꾸기">
                  <input name="name" defaultValue={s.name} aria-label={`${s.name} 이름`} maxLength={40} required />
                  <span className="muted">{sectionPath("")}</span>
                  <input name="slug" defaultValue={s.slug} aria-label={`${s.name} 주소 이름`} maxLength={40} required />
                </ActionButton>
              </td>
              <td>
                <ActionButton action={setSectionHiddenAction} fields={{ id: s.id, hidden: s.hidden ? "false" : "true" }} label={s.hidden ? "다시 보이기" : "숨기기"} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>새 분야</h2>
      <SimpleForm
        action={createSectionAction}
        submit="분야 만들기"
        fields={[
          { name: "name", label: "이름", hint: "예: 연변" },
          { name: "slug", label: "주소 이름", hint: `영문 소문자, 숫자, 하이픈. 예: yanbian → ${sectionPath("yanbian")}` },
        ]}
      />
    </>
  );
}
