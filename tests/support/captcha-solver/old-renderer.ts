// The captcha renderer as it was before the solver test (commit 2d483b5), kept as a fixture:
// the solver must read this one well, which proves that the solver is a real attacker and that
// its failure on the current renderer means something. Do not "improve" it.
import sharp from "sharp";
import { CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from "@/lib/captcha/size";
import { DIGIT_PATHS, GLYPH_H, GLYPH_W, strokePoints, type Point } from "@/lib/captcha/glyphs";

type Rng = () => number;

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const f1 = (n: number) => n.toFixed(1);

/** A dark ink of random hue: high contrast on the light background, never one fixed colour. */
function ink(rng: Rng, lightness: [number, number] = [18, 34]) {
  return `hsl(${Math.floor(between(rng, 0, 360))} ${Math.floor(between(rng, 45, 80))}% ${Math.floor(between(rng, ...lightness))}%)`;
}

function polyline(points: Point[]) {
  return points.map(([x, y], k) => `${k ? "L" : "M"}${f1(x)} ${f1(y)}`).join("");
}

export function oldCaptchaSvg(answer: string, rng: Rng = Math.random): string {
  const W = CAPTCHA_WIDTH;
  const H = CAPTCHA_HEIGHT;
  const cell = (W - 24) / answer.length;
  // One wave bends the whole line (baseline), a second one warps every point.
  const base = { amp: between(rng, 3, 6), len: between(rng, 90, 160), phase: between(rng, 0, 6.3) };
  const warp = { ax: between(rng, 1.2, 2.2), ay: between(rng, 1.2, 2.2), lx: between(rng, 18, 30), ly: between(rng, 22, 36), px: rng() * 6.3, py: rng() * 6.3 };
  const bend = ([x, y]: Point): Point => [
    x + warp.ax * Math.sin((2 * Math.PI * y) / warp.ly + warp.px),
    y + warp.ay * Math.sin((2 * Math.PI * x) / warp.lx + warp.py),
  ];

  const parts: string[] = [];
  const hue = Math.floor(between(rng, 0, 360));
  parts.push(`<rect width="${W}" height="${H}" fill="hsl(${hue} 40% 95%)"/>`);
  for (let i = 0; i < 7; i++) {
    parts.push(`<circle cx="${f1(between(rng, 0, W))}" cy="${f1(between(rng, 0, H))}" r="${f1(between(rng, 8, 26))}" fill="hsl(${Math.floor(between(rng, 0, 360))} 60% 80%)" fill-opacity="0.35"/>`);
  }

  answer.split("").forEach((digit, k) => {
    const path = DIGIT_PATHS[digit];
    if (!path) throw new Error("captcha answers are digits only");
    const top = Math.min(0.8, (cell / GLYPH_W) * 1.08); // six digits must not pile up
    const scale = between(rng, top - 0.14, top);
    const angle = (between(rng, -18, 18) * Math.PI) / 180;
    const shear = between(rng, -0.28, 0.28);
    const cx = 12 + cell * (k + 0.5) + between(rng, -3, 3);
    const cy = H / 2 + base.amp * Math.sin((2 * Math.PI * cx) / base.len + base.phase) + between(rng, -2.5, 2.5);
    const cos = Math.cos(angle), sin = Math.sin(angle);
    const place = ([x, y]: Point): Point => {
      const gx = (x - GLYPH_W / 2) * scale, gy = (y - GLYPH_H / 2) * scale;
      const sx = gx + shear * gy;
      return bend([cx + sx * cos - gy * sin, cy + sx * sin + gy * cos]);
    };
    const d = strokePoints(path).map((stroke) => polyline(stroke.map(place))).join("");
    parts.push(`<path d="${d}" fill="none" stroke="${ink(rng)}" stroke-width="${f1(between(rng, 3, 4))}" stroke-linecap="round" stroke-linejoin="round"/>`);
  });

  // Curves through the digits, in the digits' own ink, thinner so that people see past them.
  for (let i = 0; i < 2; i++) {
    const y = () => f1(between(rng, 8, H - 8));
    const pts = [`M${f1(between(rng, -10, 20))} ${y()}`, `C${f1(between(rng, 40, 90))} ${y()} ${f1(between(rng, 110, 160))} ${y()} ${f1(between(rng, 180, W + 10))} ${y()}`];
    parts.push(`<path d="${pts.join("")}" fill="none" stroke="${ink(rng, [25, 45])}" stroke-width="${f1(between(rng, 1.1, 1.7))}" stroke-linecap="round"/>`);
  }
  for (let i = 0; i < 80; i++) {
    parts.push(`<circle cx="${f1(between(rng, 0, W))}" cy="${f1(between(rng, 0, H))}" r="${f1(between(rng, 0.6, 1.7))}" fill="${ink(rng, [20, 60])}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

export async function renderOldCaptcha(answer: string, rng: Rng = Math.random): Promise<Buffer> {
  return sharp(Buffer.from(oldCaptchaSvg(answer, rng))).png({ compressionLevel: 9 }).toBuffer();
}
