// The captcha picture: drawn without fonts, nothing readable in its source, digits only.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { newAnswer } from "@/lib/captcha/challenge";
import { DIGIT_PATHS, strokePoints } from "@/lib/captcha/glyphs";
import { captchaSvg, renderCaptcha, CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from "@/lib/captcha/render";

describe("captcha answers", () => {
  it("are 5 or 6 random digits", () => {
    const answers = Array.from({ length: 300 }, newAnswer);
    for (const a of answers) expect(a).toMatch(/^\d{5,6}$/);
    expect(new Set(answers.map((a) => a.length))).toEqual(new Set([5, 6]));
    expect(new Set(answers).size).toBeGreaterThan(290);
  });
});

describe("captcha picture", () => {
  it("has a pen stroke for every digit", () => {
    for (const d of "0123456789") expect(strokePoints(DIGIT_PATHS[d]).flat().length).toBeGreaterThan(2);
  });

  it("draws paths only: no text, no font, nothing a script could read the digits from", () => {
    const svg = captchaSvg("480213");
    expect(svg).not.toMatch(/<text|font|<title|<desc|aria-|data-/i);
    expect(svg).not.toContain("480213");
    // One path for all digits (a path per digit would hand a reader the segmentation), one line.
    expect(svg.match(/<path /g)!.length).toBe(2);
  });

  it("differs every time, even for the same digits", () => {
    expect(captchaSvg("11111")).not.toBe(captchaSvg("11111"));
  });

  it("renders to a PNG of the advertised size, in an ink dark enough whatever its hue", async () => {
    for (let i = 0; i < 20; i++) await expectDarkInk(await renderCaptcha("480213"));
  });

  async function expectDarkInk(png: Buffer) {
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width: CAPTCHA_WIDTH, height: CAPTCHA_HEIGHT });
    // Not blank: the digits and the noise leave plenty of dark pixels.
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const dark = data.filter((v) => v < 110).length / (info.width * info.height);
    expect(dark).toBeGreaterThan(0.04);
    expect(dark).toBeLessThan(0.4);
  }

  it("refuses anything but digits", () => {
    expect(() => captchaSvg("12a45")).toThrow();
  });
});
