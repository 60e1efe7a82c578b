// A GnuBoard5 site to import from, for tests and measurements: schema, sample and bulk fill.
export { buildGnuboardSample } from "./build";
export { connectGnuboard } from "./connect";
export { EXIF_MAKE, EXIF_MODEL } from "./files";
export { kstToUtc } from "./kst";
export { samplePost, type GnuboardSampleManifest, type SampleBoard, type SampleComment, type SampleFile, type SampleInline, type SamplePost } from "./manifest";
export { BOARDS, OLD_SITE_ORIGIN, SAMPLE_KEYS } from "./plan";
export { fillGnuboardSample, type FillOptions, type FillResult } from "./fill";
export { sharedTablesSql, writeTableSql } from "./schema";
