// The RSS 2.0 rules (https://www.rssboard.org/rss-specification) as a checker: required
// channel elements, items with a title or a description, RFC 822 dates, enclosures with
// url, length and type, plus what validators expect of a feed (atom:link rel="self",
// unique guids). Returns the list of problems; empty means valid.
import { xmllint } from "./xmllint";
import { child, children, parseXml, textOf, type XmlNode } from "./xml-tree";

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const RFC822 = new RegExp(
  `^(?:(${DAY}), )?(\\d{1,2}) (${MONTH.join("|")}) (\\d{2}|\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? (UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\\d{4})$`,
);

/** Whether `s` is an RFC 822 date-time that names a real instant (and the right weekday). */
export function isRfc822(s: string): boolean {
  const m = RFC822.exec(s);
  if (!m) return false;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const [, day, d, mon, y] = m;
  if (Number(d) < 1 || Number(d) > 31 || Number(m[5]) > 23 || Number(m[6]) > 59) return false;
  if (day) {
    // The weekday is that of the date as written (in its own zone).
    const local = new Date(Date.UTC(y.length === 2 ? 1900 + Number(y) : Number(y), MONTH.indexOf(mon), Number(d)));
    if (["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][local.getUTCDay()] !== day) return false;
  }
  return true;
}

const isAbsoluteUrl = (s: string) => /^https?:\/\/[^\s]+$/.test(s) && URL.canParse(s);

export function checkRss(xml: string): string[] {
  const wf = xmllint(xml);
  if (!wf.valid) return [`not well-formed XML: ${wf.errors.join("; ")}`];
  const problems: string[] = [];
  const doc = parseXml(xml);
  const rss = child(doc, "rss");
  if (!rss) return ["root element is not <rss>"];
  if (rss.attrs.version !== "2.0") problems.push(`rss version is ${rss.attrs.version ?? "missing"}, not 2.0`);
  const channels = children(rss, "channel");
  if (channels.length !== 1) return [...problems, `expected one <channel>, found ${channels.length}`];
  const ch = channels[0];
  for (const req of ["title", "link", "description"]) if (!textOf(child(ch, req))) problems.push(`channel has no ${req}`);
  if (textOf(child(ch, "link")) && !isAbsoluteUrl(textOf(child(ch, "link")))) problems.push("channel link is not an absolute URL");
  for (const d of ["pubDate", "lastBuildDate"]) {
    const v = child(ch, d);
    if (v && !isRfc822(textOf(v))) problems.push(`channel ${d} is not RFC 822: ${textOf(v)}`);
  }
  const lang = child(ch, "language");
  if (lang && !/^[a-z]{2,3}(-[A-Za-z]{2,8})?$/.test(textOf(lang))) problems.push(`channel language is not a language code: ${textOf(lang)}`);
  const ttl = child(ch, "ttl");
  if (ttl && !/^\d+$/.test(textOf(ttl))) problems.push("ttl is not a number of minutes");
  const image = child(ch, "image");
  if (image) {
    for (const req of ["url", "title", "link"]) if (!textOf(child(image, req))) problems.push(`channel image has no ${req}`);
    const w = child(image, "width");
    const h = child(image, "height");
    if (w && !(Number(textOf(w)) > 0 && Number(textOf(w)) <= 144)) problems.push("channel image width must be 1-144");
    if (h && !(Number(textOf(h)) > 0 && Number(textOf(h)) <= 400)) problems.push("channel image height must be 1-400");
  }
  const self = children(ch, "atom:link").find((l) => l.attrs.rel === "self");
  if (!self || !isAbsoluteUrl(self.attrs.href ?? "")) problems.push('channel has no atom:link rel="self" with an absolute href');
  const guids = new Set<string>();
  children(ch, "item").forEach((item, i) => problems.push(...checkItem(item, i, guids)));
  return problems;
}

function checkItem(item: XmlNode, i: number, guids: Set<string>): string[] {
  const p: string[] = [];
  const at = `item ${i + 1}`;
  if (!textOf(child(item, "title")) && !textOf(child(item, "description"))) p.push(`${at} has neither title nor description`);
  const link = child(item, "link");
  if (link && !isAbsoluteUrl(textOf(link))) p.push(`${at} link is not an absolute URL`);
  const guid = child(item, "guid");
  if (!guid || !textOf(guid)) p.push(`${at} has no guid`);
  else {
    if (guids.has(textOf(guid))) p.push(`${at} repeats guid ${textOf(guid)}`);
    guids.add(textOf(guid));
    if (guid.attrs.isPermaLink !== "false" && !isAbsoluteUrl(textOf(guid))) p.push(`${at} guid is a permalink but not a URL`);
  }
  const pub = child(item, "pubDate");
  if (!pub) p.push(`${at} has no pubDate`);
  else if (!isRfc822(textOf(pub))) p.push(`${at} pubDate is not RFC 822: ${textOf(pub)}`);
  for (const enc of children(item, "enclosure")) {
    if (!isAbsoluteUrl(enc.attrs.url ?? "")) p.push(`${at} enclosure url is not an absolute URL`);
    if (!/^\d+$/.test(enc.attrs.length ?? "")) p.push(`${at} enclosure length is not a number of bytes`);
    if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(enc.attrs.type ?? "")) p.push(`${at} enclosure type is not a MIME type`);
  }
  if (children(item, "enclosure").length > 1) p.push(`${at} has more than one enclosure`);
  return p;
}
