// Text of an old GnuBoard database: what each board's bytes and escapes must come out as.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, decodeEntities, plainText, repairMojibake } from "@/lib/import/gnuboard/decode";
import { wallTimeToUtc } from "@/lib/import/gnuboard/dates";

const TEXT = "연변 소식: 똠방각하, 갂, 햏 · 한글 뉴스";
/** What MySQL sends for latin1 bytes over a utf8 connection (cp1252, its five holes as C1). */
const asMysqlLatin1 = (b: Buffer) => [...b].map((x) => (x >= 0x80 && x < 0xa0 ? iconv.decode(Buffer.from([x]), "cp1252").replace("\ufffd", String.fromCharCode(x)) : String.fromCharCode(x))).join("");

describe("decodeBytes", () => {
  it("reads EUC-KR tables as CP949, extension syllables included", () => {
    expect(decodeBytes(iconv.encode(TEXT, "cp949"), "euckr")).toBe(TEXT);
  });
  it("reads latin1 columns holding CP949 bytes as Hangul", () => {
    expect(decodeBytes(iconv.encode(TEXT, "cp949"), "latin1")).toBe(TEXT);
  });
  it("reads latin1 columns holding UTF-8 bytes as Hangul", () => {
    expect(decodeBytes(Buffer.from(TEXT), "latin1")).toBe(TEXT);
  });
  it("leaves plain latin1 and ASCII alone", () => {
    expect(decodeBytes(Buffer.from("plain ascii"), "latin1")).toBe("plain ascii");
    expect(decodeBytes(Buffer.from("한글", "utf8"), "utf8mb4")).toBe("한글");
  });
  it("gives NFC and drops NUL", () => {
    expect(decodeBytes(Buffer.from("한\u0000글".normalize("NFD")), "utf8mb4")).toBe("한글");
  });
});

describe("repairMojibake", () => {
  it("repairs CP949 text that went through a latin1 connection", () => {
    expect(repairMojibake(asMysqlLatin1(iconv.encode(TEXT, "cp949")))).toBe(TEXT);
  });
  it("repairs UTF-8 text that went through a latin1 connection", () => {
    expect(repairMojibake(asMysqlLatin1(Buffer.from(TEXT)))).toBe(TEXT);
  });
  it("leaves Western text and real Hangul untouched", () => {
    expect(repairMojibake("Café déjà vu")).toBe("Café déjà vu");
    expect(repairMojibake("한글 Ç")).toBe("한글 Ç");
  });
});

describe("entities", () => {
  it("resolves numeric references EUC-KR boards stored for characters outside EUC-KR", () => {
    expect(decodeEntities("&#54620;&#xAE00; &amp; &quot;뉴스&quot;")).toBe('한글 & "뉴스"');
  });
  it("resolves doubly escaped references once more", () => {
    expect(decodeEntities("&amp;#54620;국")).toBe("한국");
  });
  it("keeps unknown and invalid references as they are", () => {
    expect(decodeEntities("&bogus; &#xD800; &#0;")).toBe("&bogus; &#xD800; &#0;");
  });
  it("makes one clean line of a title", () => {
    expect(plainText("  <b>속보</b>&nbsp;연길\n시 &lt;행사&gt;\u0007 ")).toBe("속보 연길 시 <행사>");
  });
});

describe("wallTimeToUtc", () => {
  it("reads the old server's wall time in the zone given", () => {
    expect(wallTimeToUtc("2020-01-01 00:30:00", "Asia/Seoul")?.toISOString()).toBe("2019-12-31T15:30:00.000Z");
    expect(wallTimeToUtc("2020-01-01 00:30:00", "Asia/Shanghai")?.toISOString()).toBe("2019-12-31T16:30:00.000Z");
  });
  it("handles Seoul's daylight saving time of 1988", () => {
    expect(wallTimeToUtc("1988-07-01 12:00:00", "Asia/Seoul")?.toISOString()).toBe("1988-07-01T02:00:00.000Z");
  });
  it("refuses GnuBoard's empty dates and impossible ones", () => {
    for (const bad of ["0000-00-00 00:00:00", "2023-02-30 10:00:00", "", "yesterday", "2023-01-01 24:00:00"]) expect(wallTimeToUtc(bad, "Asia/Seoul")).toBeNull();
  });
});
