// Digits 0-9 as pen strokes in a 40×60 box (y grows downwards), so that the captcha needs no
// font on the server: a slim container may have none, and a font's clean outlines are what
// OCR reads best. Only M, L and C commands, sampled to points by `strokePoints`.
export const GLYPH_W = 40;
export const GLYPH_H = 60;

export const DIGIT_PATHS: Record<string, string> = {
  "0": "M20 2 C35 2 38 18 38 30 C38 44 34 58 20 58 C6 58 2 44 2 30 C2 16 5 2 20 2",
  "1": "M9 15 L22 2 L22 58 M11 58 L33 58",
  "2": "M4 16 C4 6 12 2 20 2 C30 2 36 8 36 17 C36 30 14 42 4 58 L38 58",
  "3": "M5 9 C12 1 33 0 34 14 C35 24 26 29 16 29 C28 29 38 34 37 45 C36 58 12 61 3 51",
  "4": "M30 58 L30 2 L2 42 L40 42",
  "5": "M35 3 L9 3 L6 27 C14 22 34 19 36 38 C37 52 25 59 17 58 C10 58 5 55 3 52",
  "6": "M30 2 C18 10 6 22 5 40 C4 52 11 58 20 58 C29 58 36 52 36 43 C36 34 29 28 20 28 C12 28 6 33 5 40",
  "7": "M2 4 L38 4 L15 58",
  "8": "M20 29 C8 29 6 21 6 15 C6 7 12 2 20 2 C28 2 34 7 34 15 C34 21 32 29 20 29 C8 29 3 36 3 44 C3 53 11 58 20 58 C29 58 37 53 37 44 C37 36 32 29 20 29",
  "9": "M10 58 C22 50 34 38 35 20 C36 8 29 2 20 2 C11 2 4 8 4 17 C4 26 11 32 20 32 C28 32 34 27 35 20",
};

export type Point = [number, number];

/** The strokes of a path as polylines: straight segments kept, cubic curves sampled. */
export function strokePoints(path: string, curveSteps = 10): Point[][] {
  const tokens = path.match(/[MLC]|-?\d+(?:\.\d+)?/g) ?? [];
  const strokes: Point[][] = [];
  let cur: Point[] = [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const cmd = tokens[i++];
    if (cmd === "M") {
      if (cur.length) strokes.push(cur);
      cur = [[num(), num()]];
    } else if (cmd === "L") {
      cur.push([num(), num()]);
    } else if (cmd === "C") {
      const [x0, y0] = cur[cur.length - 1];
      const c1: Point = [num(), num()];
      const c2: Point = [num(), num()];
      const end: Point = [num(), num()];
      for (let s = 1; s <= curveSteps; s++) {
        const t = s / curveSteps;
        const u = 1 - t;
        const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
        cur.push([a * x0 + b * c1[0] + c * c2[0] + d * end[0], a * y0 + b * c1[1] + c * c2[1] + d * end[1]]);
      }
    } else {
      throw new Error(`unsupported path token ${cmd}`);
    }
  }
  if (cur.length) strokes.push(cur);
  return strokes;
}
