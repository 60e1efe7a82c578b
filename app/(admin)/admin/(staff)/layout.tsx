// Signed-in staff only. A layout cannot know the URL it wraps, so when nobody is signed in it
// renders the page alone and the page's own requireActor(path) redirects to the sign-in page
// with the right way back; every page (and every action) checks for itself anyway, since a
// layout is not re-run on client navigation. tests/unit/admin-guards.test.ts keeps it so.
import { getActor } from "@/lib/auth/session";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) return <main id="main">{children}</main>;
  return (
    <>
      <AdminNav actor={actor} />
      <main id="main" className="admin-main">
        {children}
      </main>
    </>
  );
}
