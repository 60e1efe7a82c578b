// Solver step 3: a one-hidden-layer perceptron (ReLU, softmax) trained by plain SGD. Small on
// purpose: the attacker draws as many labelled glyphs as it likes, so data does the work.
export type Mlp = { predict(x: Float32Array): Float32Array };

export type TrainOptions = { hidden: number; epochs: number; rate: number; seed: number };

/** A small seeded PRNG (mulberry32): the solver's training and its test data repeat exactly. */
export function seededRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainMlp(xs: Float32Array[], ys: number[], classes: number, opts: TrainOptions): Mlp {
  const d = xs[0].length, H = opts.hidden, rng = seededRng(opts.seed);
  const w1 = Float32Array.from({ length: H * d }, () => (rng() - 0.5) * 2 * Math.sqrt(6 / (d + H)));
  const b1 = new Float32Array(H);
  const w2 = Float32Array.from({ length: classes * H }, () => (rng() - 0.5) * 2 * Math.sqrt(6 / (H + classes)));
  const b2 = new Float32Array(classes);
  const hid = new Float32Array(H), out = new Float32Array(classes), gh = new Float32Array(H);

  const forward = (x: Float32Array) => {
    for (let j = 0; j < H; j++) {
      let s = b1[j];
      const o = j * d;
      for (let i = 0; i < d; i++) s += w1[o + i] * x[i];
      hid[j] = s > 0 ? s : 0;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let s = b2[c];
      const o = c * H;
      for (let j = 0; j < H; j++) s += w2[o + j] * hid[j];
      out[c] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let c = 0; c < classes; c++) z += out[c] = Math.exp(out[c] - max);
    for (let c = 0; c < classes; c++) out[c] /= z;
    return out;
  };

  const order = xs.map((_, i) => i);
  for (let e = 0; e < opts.epochs; e++) {
    const rate = opts.rate / (1 + e);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = xs[n];
      forward(x);
      out[ys[n]] -= 1; // now dLoss/dLogits
      gh.fill(0);
      for (let c = 0; c < classes; c++) {
        const g = out[c], o = c * H;
        for (let j = 0; j < H; j++) {
          gh[j] += g * w2[o + j];
          w2[o + j] -= rate * g * hid[j];
        }
        b2[c] -= rate * g;
      }
      for (let j = 0; j < H; j++) {
        if (hid[j] <= 0) continue;
        const g = gh[j] * rate, o = j * d;
        for (let i = 0; i < d; i++) w1[o + i] -= g * x[i];
        b1[j] -= g;
      }
    }
  }
  return { predict: (x) => Float32Array.from(forward(x)) };
}

export function argmax(p: Float32Array): number {
  let k = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[k]) k = i;
  return k;
}
