// XML Schema validation with libxml2's xmllint (Debian package libxml2-utils), against the
// published schemas kept in tests/fixtures/xsd.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const XSD_DIR = fileURLToPath(new URL("../fixtures/xsd/", import.meta.url));

export const SCHEMAS = {
  /** Sitemap 0.9 URL set with the image and Google News extensions. */
  urlset: `${XSD_DIR}urlset-with-extensions.xsd`,
  sitemapIndex: `${XSD_DIR}siteindex.xsd`,
} as const;

export type XsdResult = { valid: boolean; errors: string[] };

/** Well-formedness and, with `schema`, validity; the errors are xmllint's own lines. */
export function xmllint(xml: string, schema?: keyof typeof SCHEMAS): XsdResult {
  const args = ["--noout", "--nonet", ...(schema ? ["--schema", SCHEMAS[schema]] : []), "-"];
  const r = spawnSync("xmllint", args, { input: xml, encoding: "utf8" });
  if (r.error) {
    throw new Error(
      `xmllint is needed to validate sitemaps (${(r.error as NodeJS.ErrnoException).code}): apt-get install -y libxml2-utils`,
    );
  }
  const errors = r.stderr
    .split("\n")
    .filter((l) => l.trim() && !/ validates$/.test(l));
  return { valid: r.status === 0, errors };
}
