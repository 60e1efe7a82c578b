/** The sections the footer menu lists, after the home link (as the reference portal's footer does). */
export const FOOTER_SLUGS: readonly string[] = ["people", "photo", "literature", "rest"];
