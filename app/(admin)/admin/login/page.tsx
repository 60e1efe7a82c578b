import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor, safeNext } from "@/lib/auth/session";
import { SignInForm } from "@/components/admin/sign-in-form";
import { site } from "@/lib/site/config";

export const metadata: Metadata = { title: "로그인" };

type Props = { searchParams: Promise<{ next?: string; signedOut?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const sp = await searchParams;
  const next = safeNext(sp.next);
  if (await getActor()) redirect(next);
  return (
    <main className="admin-login">
      <h1>
        {site.name} <span>편집실</span>
      </h1>
      {sp.signedOut && (
        <p className="notice" role="status">
          로그아웃했습니다.
        </p>
      )}
      <SignInForm next={next} />
      <p className="muted small">계정은 관리자가 만들어 줍니다. 비밀번호를 잊었으면 관리자에게 문의하세요.</p>
    </main>
  );
}
