// What the server answers before Next sees a request: malformed percent-escapes are a 400
// (Next would throw while decoding route parameters: a 500), methods no page takes are a 405.
import { describe, expect, it } from "vitest";
import { guardRequest, originForm, wellFormedUrl } from "@/lib/http/request-guard";

const none = () => undefined;
const headers = (h: Record<string, string>) => (n: string) => h[n];

describe("request guard", () => {
  it("recognises malformed percent-escapes anywhere in the URL", () => {
    for (const url of ["/articles/%E0%A4%A", "/categories/%", "/media/%zz.jpg", "/archive?page=%E0%A4%A", "/search?q=%ED%A0%80"]) {
      expect([url, wellFormedUrl(url)]).toEqual([url, false]);
      expect(guardRequest("GET", url, none)).toEqual({ status: 400 });
    }
    for (const url of ["/", "/articles/12", "/articles/%00", "/categories/%EA%B2%BD%EC%A0%9C", "/search?q=%25", "/media/..%2f..%2fetc%2fpasswd"]) {
      expect([url, guardRequest("GET", url, none)]).toEqual([url, null]);
    }
  });

  it("takes the path of absolute-form targets (their host is the client's choice) and refuses non-paths", () => {
    expect(originForm("http://evil.example/articles/0123?x=1#f")).toBe("/articles/0123?x=1");
    expect(originForm("HTTPS://evil.example")).toBe("/");
    expect(originForm("http://evil.example?page=1")).toBe("/?page=1");
    expect(originForm("/archive?page=2")).toBe("/archive?page=2");
    expect(originForm("*")).toBeNull();
    expect(originForm("articles/1")).toBeNull();
    expect(guardRequest("GET", "", none)).toEqual({ status: 400 });
  });

  it("answers 405 to methods no route takes, 204 with Allow to OPTIONS", () => {
    for (const m of ["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"]) expect(guardRequest(m, "/articles/1", none)).toEqual({ status: 405, allow: "GET, HEAD, POST" });
    expect(guardRequest("OPTIONS", "/", none)).toEqual({ status: 204, allow: "GET, HEAD, POST, OPTIONS" });
    expect(guardRequest("HEAD", "/articles/1", none)).toBeNull();
  });

  it("lets server actions and POST routes through, refuses other POSTs to pages", () => {
    expect(guardRequest("POST", "/articles/1", headers({ "content-type": "text/plain" }))).toEqual({ status: 405, allow: "GET, HEAD" });
    expect(guardRequest("POST", "/", none)).toEqual({ status: 405, allow: "GET, HEAD" });
    expect(guardRequest("POST", "/articles/1", headers({ "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    expect(guardRequest("POST", "/articles/1", headers({ "content-type": "multipart/form-data; boundary=x" }))).toBeNull();
    expect(guardRequest("POST", "/admin/login", headers({ "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
    for (const path of ["/api/views/1", "/api/auth/callback/credentials", "/admin/images/upload", "/admin/publish-due"]) {
      expect([path, guardRequest("POST", path, none)]).toEqual([path, null]);
    }
  });
});
