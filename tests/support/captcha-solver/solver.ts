// A machine reader for the comment captcha, written as an attacker who has this repository:
// it draws as many labelled pictures as it wants with the project's own renderer, learns from
// them, then reads fresh pictures. Pipeline: binarise and clean, guess the digit count, cut,
// classify each glyph. Used by tests/unit/captcha-solver.test.ts.
import { decode } from "./bitmap";
import { clean, DEFAULT_CLEAN, type CleanOptions } from "./clean";
import { columnProfile, glyphs } from "./segment";
import { componentGlyphs } from "./groups";
import { argmax, seededRng, trainMlp, type Mlp } from "./mlp";

export { seededRng };

export type Rng = () => number;
export type Render = (answer: string, rng: Rng) => Promise<Buffer>;
export type Sample = { png: Buffer; answer: string };
export type Solver = { solve(png: Buffer): Promise<string> };
export type SolverOptions = { clean: CleanOptions; threshold: number; hidden: number; epochs: number; rate?: number; segment: "cuts" | "components" | "colours" };

export const DEFAULT_SOLVER: SolverOptions = { clean: DEFAULT_CLEAN, threshold: 0.5, hidden: 64, epochs: 6, segment: "components" };

/** `count` labelled pictures, answers of the given lengths, all drawn from one seed. */
export async function generate(render: Render, count: number, lengths: number[], seed: number): Promise<Sample[]> {
  const rng = seededRng(seed);
  const out: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const n = lengths[Math.floor(rng() * lengths.length)];
    const answer = Array.from({ length: n }, () => String(Math.floor(rng() * 10))).join("");
    out.push({ png: await render(answer, rng), answer });
  }
  return out;
}

/** The column profile in 4-px bins, the count model's input. */
function countFeatures(mask: Uint8Array, w: number, h: number): Float32Array {
  const p = columnProfile(mask, w, h);
  const bins = new Float32Array(Math.ceil(w / 4));
  for (let x = 0; x < w; x++) bins[x >> 2] += p[x] / (4 * h);
  return bins;
}

async function prepare(png: Buffer, o: SolverOptions) {
  const bm = await decode(png, o.threshold);
  return { mask: clean(bm, o.clean), w: bm.w, h: bm.h, hue: bm.hue };
}

export async function trainSolver(samples: Sample[], lengths: number[], o: SolverOptions = DEFAULT_SOLVER): Promise<Solver> {
  const cutter = o.segment === "cuts" ? glyphs : componentGlyphs;
  const cut = (mask: Uint8Array, w: number, h: number, n: number, hue: Float32Array) => cutter(mask, w, h, n, o.segment === "colours" ? hue : undefined);
  const gx: Float32Array[] = [], gy: number[] = [], cx: Float32Array[] = [], cy: number[] = [];
  for (const s of samples) {
    const { mask, w, h, hue } = await prepare(s.png, o);
    cx.push(countFeatures(mask, w, h));
    cy.push(lengths.indexOf(s.answer.length));
    cut(mask, w, h, s.answer.length, hue).forEach((g, k) => {
      gx.push(g);
      gy.push(Number(s.answer[k]));
    });
  }
  const digit: Mlp = trainMlp(gx, gy, 10, { hidden: o.hidden, epochs: o.epochs, rate: o.rate ?? 0.02, seed: 1 });
  const count: Mlp | null = lengths.length > 1 ? trainMlp(cx, cy, lengths.length, { hidden: 16, epochs: 10, rate: 0.05, seed: 2 }) : null;

  return {
    async solve(png) {
      const { mask, w, h, hue } = await prepare(png, o);
      const pCount = count ? count.predict(countFeatures(mask, w, h)) : Float32Array.of(1);
      let best = "", bestScore = -Infinity;
      lengths.forEach((n, i) => {
        // Joint score: how likely this length looks, and how sure the glyph reader is.
        let score = Math.log(pCount[i] + 1e-9), read = "";
        for (const g of cut(mask, w, h, n, hue)) {
          const p = digit.predict(g);
          const k = argmax(p);
          score += Math.log(p[k] + 1e-9);
          read += String(k);
        }
        if (score > bestScore) { bestScore = score; best = read; }
      });
      return best;
    },
  };
}

/** Rates of: every digit right; each digit right (position by position); the length right. */
export async function measure(solver: Solver, samples: Sample[]): Promise<{ exact: number; perDigit: number; length: number }> {
  let exact = 0, right = 0, total = 0, length = 0;
  for (const s of samples) {
    const got = await solver.solve(s.png);
    if (got === s.answer) exact++;
    if (got.length === s.answer.length) length++;
    for (let k = 0; k < s.answer.length; k++) right += got[k] === s.answer[k] ? 1 : 0;
    total += s.answer.length;
  }
  return { exact: exact / samples.length, perDigit: right / total, length: length / samples.length };
}
