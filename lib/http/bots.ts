// Crawlers and tools that must not count as reader visits.
const BOT = /bot|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|quora link|whatsapp|telegram|yeti|daum|baidu|sogou|bytespider|yandex|petal|headless|lighthouse|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|wrk|ab\/|monitor|preview/i;

export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}
