// Types of security-headers.mjs (plain JavaScript so that next.config.mjs can import it).
export type HeaderPair = { key: string; value: string };
export declare const READER_CSP: string;
export declare function adminCsp(nonce: string): string;
export declare const STATIC_SECURITY_HEADERS: HeaderPair[];
export declare function hstsHeader(siteUrl: string | undefined): HeaderPair | null;
