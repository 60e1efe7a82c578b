// Draws a captcha answer as a PNG: each digit a pen stroke with its own rotation, scale,
// shear and offset, crowded into its neighbours, all of it bent by a wave and crossed by
// strokes of the same ink and width. People read it at a glance; a machine reader finds no
// font, no gaps to cut at and no colour or width that separates the digits from the noise.
import sharp from "sharp";
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from "./size";
import { DIGIT_PATHS, GLYPH_H, GLYPH_W, strokePoints, type Point } from "./glyphs";

export { CAPTCHA_HEIGHT, CAPTCHA_WIDTH };

export type Rng = () => number;

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const f1 = (n: number) => n.toFixed(1);

function polyline(points: Point[]) {
  return points.map(([x, y], k) => `${k ? "L" : "M"}${f1(x)} ${f1(y)}`).join("");
}

/**
 * The SVG source (exported for tests: it must carry no text and no digits in clear).
 * What defeats a machine reader that has this code (tests/unit/captcha-solver.test.ts):
 * the digits are crowded so that each one overlaps its neighbours (no gap to cut at, no
 * fixed pitch: sizes and advances vary per digit), one ink for everything (no colour to
 * separate digits by), and the noise strokes have the digits' own ink and width (no filter
 * removes them without removing the digits).
 */
export function captchaSvg(answer: string, rng: Rng = Math.random): string {
  const W = CAPTCHA_WIDTH;
  const H = CAPTCHA_HEIGHT;
  const warp = { ax: between(rng, 1, 2), ay: between(rng, 1, 2), lx: between(rng, 20, 32), ly: between(rng, 24, 36), px: rng() * 6.3, py: rng() * 6.3 };
  const bend = ([x, y]: Point): Point => [
    x + warp.ax * Math.sin((2 * Math.PI * y) / warp.ly + warp.px),
    y + warp.ay * Math.sin((2 * Math.PI * x) / warp.lx + warp.py),
  ];
  const hue = Math.floor(between(rng, 0, 360));
  // Yellows and greens look bright at the same HSL lightness: darker, so every ink contrasts.
  const inkHue = (hue + 180 + Math.floor(between(rng, -60, 60))) % 360;
  const lightness = between(rng, 18, 26) - (inkHue > 40 && inkHue < 200 ? 5 : 0);
  const inkColour = `hsl(${inkHue} ${Math.floor(between(rng, 50, 80))}% ${Math.floor(lightness)}%)`;
  const width = between(rng, 3, 3.6);
  const stroke = `fill="none" stroke="${inkColour}" stroke-width="${f1(width)}" stroke-linecap="round" stroke-linejoin="round"`;

  const parts: string[] = [`<rect width="${W}" height="${H}" fill="hsl(${hue} 40% 95%)"/>`];
  for (let i = 0; i < 7; i++) {
    parts.push(`<circle cx="${f1(between(rng, 0, W))}" cy="${f1(between(rng, 0, H))}" r="${f1(between(rng, 8, 26))}" fill="hsl(${Math.floor(between(rng, 0, 360))} 60% 80%)" fill-opacity="0.35"/>`);
  }

  // Each digit's own size, slant and advance: the next one starts inside this one's box.
  const glyphs = answer.split("").map((digit) => {
    const path = DIGIT_PATHS[digit];
    if (!path) throw new Error("captcha answers are digits only");
    const scale = between(rng, 0.7, 0.82);
    return { path, scale, angle: (between(rng, -14, 14) * Math.PI) / 180, shear: between(rng, -0.22, 0.22), advance: GLYPH_W * scale * between(rng, 0.8, 0.92), dy: between(rng, -4, 4) };
  });
  const total = glyphs.slice(0, -1).reduce((s, g) => s + g.advance, 0);
  let cx = W / 2 - total / 2 + between(rng, -6, 6);
  const baseY = H / 2 + between(rng, -1.5, 1.5);
  const d: string[] = [];
  for (const g of glyphs) {
    const cos = Math.cos(g.angle), sin = Math.sin(g.angle);
    const x0 = cx, y0 = baseY + g.dy;
    const place = ([x, y]: Point): Point => {
      const gx = (x - GLYPH_W / 2) * g.scale, gy = (y - GLYPH_H / 2) * g.scale;
      const sx = gx + g.shear * gy;
      return bend([x0 + sx * cos - gy * sin, y0 + sx * sin + gy * cos]);
    };
    d.push(strokePoints(g.path).map((s) => polyline(s.map(place))).join(""));
    cx += g.advance;
  }
  parts.push(`<path d="${d.join("")}" ${stroke}/>`);

  // One long curve through the digits, in their ink and width: people see past a line, a
  // cleaner that drops thin strokes cannot, and it joins all digits into one blob.
  // It climbs or falls across the picture rather than striking one row through every digit.
  const fall = rng() < 0.5 ? 1 : -1;
  const y = (t: number) => f1(H / 2 + fall * (t - 0.5) * between(rng, 22, 34) + between(rng, -4, 4));
  parts.push(`<path d="M${f1(between(rng, 0, 20))} ${y(0)}C${f1(between(rng, 50, 90))} ${y(0.33)} ${f1(between(rng, 110, 150))} ${y(0.67)} ${f1(between(rng, 180, W))} ${y(1)}" ${stroke}/>`);
  for (let i = 0; i < 40; i++) {
    parts.push(`<circle cx="${f1(between(rng, 0, W))}" cy="${f1(between(rng, 0, H))}" r="${f1(between(rng, 0.8, 1.8))}" fill="${inkColour}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

export async function renderCaptcha(answer: string, rng: Rng = Math.random): Promise<Buffer> {
  return sharp(Buffer.from(captchaSvg(answer, rng))).png({ compressionLevel: 9 }).toBuffer();
}
