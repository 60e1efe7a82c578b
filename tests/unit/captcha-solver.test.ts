// The captcha against a machine reader that has this repository: the solver in
// tests/support/captcha-solver trains on the renderer's own labelled pictures, then reads 200
// fresh ones. It must read the old renderer well (so the solver is a real attacker) and fail on
// the current one. Seeds are fixed so that the figures are reproducible, never flaky.
import { describe, expect, it } from "vitest";
import { newAnswer } from "@/lib/captcha/challenge";
import { renderCaptcha } from "@/lib/captcha/render";
import { renderOldCaptcha } from "../support/captcha-solver/old-renderer";
import { DEFAULT_SOLVER, generate, measure, trainSolver, type Render } from "../support/captcha-solver/solver";

// The attacker reads the answer lengths off the repository, as it would.
const LENGTHS = [...new Set(Array.from({ length: 400 }, () => newAnswer().length))].sort();

async function attack(render: Render) {
  const train = await generate(render, 450, LENGTHS, 11);
  const fresh = await generate(render, 200, LENGTHS, 977);
  const solver = await trainSolver(train, LENGTHS, { ...DEFAULT_SOLVER, threshold: 0.3, segment: "cuts" });
  return measure(solver, fresh);
}

describe("captcha against a solver trained on its own generator", () => {
  it("the solver is strong: it reads most of the old renderer's pictures", async () => {
    const rate = await attack(renderOldCaptcha);
    console.log("old renderer", rate);
    expect(rate.perDigit).toBeGreaterThan(0.8);
    expect(rate.exact).toBeGreaterThan(0.4);
  }, 120_000);

  it("the current renderer defeats it: under 5 % of fresh pictures read exactly", async () => {
    const rate = await attack(renderCaptcha);
    console.log("current renderer", rate);
    expect(rate.exact).toBeLessThan(0.05);
    expect(rate.perDigit).toBeLessThan(0.6);
  }, 120_000);
});
