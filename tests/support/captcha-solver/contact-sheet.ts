// A contact sheet of captcha pictures for a person to look at (legibility check by eye):
//   npx tsx tests/support/captcha-solver/contact-sheet.ts [old] [out.png]
import sharp from "sharp";
import { renderCaptcha, CAPTCHA_HEIGHT, CAPTCHA_WIDTH } from "@/lib/captcha/render";
import { newAnswer } from "@/lib/captcha/challenge";
import { renderOldCaptcha } from "./old-renderer";

const old = process.argv.includes("old");
const out = process.argv.find((a) => a.endsWith(".png")) ?? "/tmp/captcha-sheet.png";
const render = old ? renderOldCaptcha : renderCaptcha;
const cols = 4, rows = 5, pad = 8, scale = 2;
const answers = Array.from({ length: cols * rows }, () => (old ? newAnswer().slice(0, 5 + (Math.random() < 0.5 ? 1 : 0)) : newAnswer()));
const tiles = await Promise.all(
  answers.map(async (a) => sharp(await render(a, Math.random)).resize(CAPTCHA_WIDTH * scale, CAPTCHA_HEIGHT * scale).png().toBuffer()),
);
const tw = CAPTCHA_WIDTH * scale + pad, th = CAPTCHA_HEIGHT * scale + pad;
await sharp({ create: { width: cols * tw + pad, height: rows * th + pad, channels: 3, background: "#fff" } })
  .composite(tiles.map((input, i) => ({ input, left: pad + (i % cols) * tw, top: pad + Math.floor(i / cols) * th })))
  .png()
  .toFile(out);
console.log(out);
console.log(answers.reduce((s, a, i) => s + a + ((i + 1) % cols ? "  " : "\n"), ""));
