// The publisher's logo (structured data, feeds, cards without a photo): waves of the
// 해란강 on the site's blue, drawn with paths only so it renders the same on any machine.
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="96" fill="#0b4f8a"/>
<g fill="none" stroke-linecap="round" stroke-width="34">
<path d="M88 196q42-48 84 0t84 0t84 0t84 0" stroke="#ffffff"/>
<path d="M88 276q42-48 84 0t84 0t84 0t84 0" stroke="#9fd0f5"/>
<path d="M88 356q42-48 84 0t84 0t84 0t84 0" stroke="#ffffff"/>
</g></svg>`;
