// Solver step 2, the classic way: connected components become glyphs; pieces of one digit are
// merged, touching digits are split at the emptiest column, until there are exactly `n`.
import { components } from "./bitmap";
import { normalise } from "./segment";

type Group = { x0: number; x1: number; area: number; mask: Uint8Array };

function bounds(g: Group, w: number): Group {
  let x0 = Infinity, x1 = -1, area = 0;
  for (let i = 0; i < g.mask.length; i++) {
    if (!g.mask[i]) continue;
    const x = i % w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    area++;
  }
  return { ...g, x0, x1: x1 + 1, area };
}

function merge(a: Group, b: Group, w: number): Group {
  return bounds({ ...a, mask: a.mask.map((v, i) => v | b.mask[i]) }, w);
}

/** Splits `g` at the emptiest column near `want`. */
function split(g: Group, want: number, reach: number, w: number, h: number): [Group, Group] {
  const p = new Float32Array(w);
  for (let i = 0; i < g.mask.length; i++) if (g.mask[i]) p[i % w]++;
  let cut = Math.round(want), best = Infinity;
  for (let x = Math.max(g.x0 + 2, Math.round(want - reach)); x <= Math.min(g.x1 - 2, Math.round(want + reach)); x++) {
    const cost = (p[x - 1] ?? 0) + 2 * p[x] + (p[x + 1] ?? 0) + 0.1 * Math.abs(x - want);
    if (cost < best) { best = cost; cut = x; }
  }
  const left = g.mask.map((v, i) => (v && i % w < cut ? 1 : 0));
  const right = g.mask.map((v, i) => (v && i % w >= cut ? 1 : 0));
  void h;
  return [bounds({ ...g, mask: left }, w), bounds({ ...g, mask: right }, w)];
}

export function componentGlyphs(mask: Uint8Array, w: number, h: number, n: number, hue?: Float32Array): Float32Array[] {
  const { labels, sizes } = components(mask, w, h, hue);
  let groups: Group[] = [];
  for (let l = 1; l < sizes.length; l++) {
    if (sizes[l] < 12) continue;
    groups.push(bounds({ x0: 0, x1: 0, area: 0, mask: labels.map((v) => (v === l ? 1 : 0)) as unknown as Uint8Array }, w));
  }
  groups = groups.filter((g) => g.area > 0);
  if (!groups.length) return Array.from({ length: n }, () => normalise(new Uint8Array(w * h), w, h));
  const span = Math.max(...groups.map((g) => g.x1)) - Math.min(...groups.map((g) => g.x0));
  const pitch = span / n;
  const byX = () => groups.sort((a, b) => a.x0 + a.x1 - b.x0 - b.x1);

  // Specks and pieces: anything small, or mostly inside another's columns, joins its neighbour.
  for (let changed = true; changed; ) {
    changed = false;
    byX();
    for (let i = 0; i < groups.length && !changed; i++) {
      for (let j = 0; j < groups.length && !changed; j++) {
        if (i === j) continue;
        const a = groups[i], b = groups[j];
        const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const narrow = Math.min(a.x1 - a.x0, b.x1 - b.x0);
        if (overlap >= 0.6 * narrow && a.area <= b.area) {
          groups[j] = merge(a, b, w);
          groups.splice(i, 1);
          changed = true;
        }
      }
    }
  }
  while (groups.length > n) {
    byX();
    let k = 0, best = Infinity;
    for (let i = 0; i + 1 < groups.length; i++) {
      const width = groups[i + 1].x1 - groups[i].x0;
      const cost = width + 0.02 * Math.min(groups[i].area, groups[i + 1].area);
      if (cost < best) { best = cost; k = i; }
    }
    groups.splice(k, 2, merge(groups[k], groups[k + 1], w));
  }
  while (groups.length < n) {
    byX();
    let k = 0;
    for (let i = 1; i < groups.length; i++) if (groups[i].x1 - groups[i].x0 > groups[k].x1 - groups[k].x0) k = i;
    const g = groups[k];
    const parts = Math.max(2, Math.min(n - groups.length + 1, Math.round((g.x1 - g.x0) / pitch)));
    groups.splice(k, 1, ...split(g, g.x0 + (g.x1 - g.x0) / parts, pitch * 0.35, w, h));
  }
  byX();
  return groups.map((g) => normalise(g.mask, w, h));
}
