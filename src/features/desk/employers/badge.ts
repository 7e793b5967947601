// The "Wij staan open" badge an open employer shows on its own website (recommendation 44 of the Zeeland
// report: a visible sign, like the "Erkend Leerwerkbedrijf" plate). A self-contained SVG: no scripts, no
// external fonts or images, accessible name from <title>, colours with enough contrast (WCAG 2.2 AA).

export const BADGE_WIDTH = 360;
export const BADGE_HEIGHT = 112;

/** Dark blue with white text (contrast about 10:1); the neutral badge is dark grey on light grey (about 14:1). */
export const BADGE_COLOURS = {
  background: '#154273',
  text: '#ffffff',
  neutralBackground: '#f3f3f3',
  neutralBorder: '#6b6b6b',
  neutralText: '#222222',
} as const;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** The relative luminance of a #rrggbb colour (WCAG 2.x). */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function badgeTitle(regionName: string): string {
  return `Wij staan open – geverifieerd door Loket ${regionName}`;
}

/** The badge of a verified employer: the pledge, the employer's name, the region and the year it was verified. */
export function verifiedBadgeSvg(args: { employerName: string; regionName: string; verifiedYear: string }): string {
  const c = BADGE_COLOURS;
  const title = escapeXml(badgeTitle(args.regionName));
  const name = escapeXml(args.employerName);
  const region = escapeXml(args.regionName);
  const year = escapeXml(args.verifiedYear);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" viewBox="0 0 ${BADGE_WIDTH} ${BADGE_HEIGHT}" role="img" aria-labelledby="badge-titel badge-uitleg">`,
    `<title id="badge-titel">${title}</title>`,
    `<desc id="badge-uitleg">${name} staat open voor het in dienst nemen van mensen met psychische problemen. Geverifieerd door Loket ${region} in ${year}.</desc>`,
    `<rect width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" rx="10" fill="${c.background}"/>`,
    `<g font-family="${FONT}" fill="${c.text}">`,
    `<text x="18" y="34" font-size="22" font-weight="700">Wij staan open</text>`,
    `<text x="18" y="60" font-size="16">${escapeXml(shorten(args.employerName, 38))}</text>`,
    `<text x="18" y="82" font-size="13">Geverifieerd door Loket ${escapeXml(shorten(args.regionName, 28))}</text>`,
    `<text x="18" y="100" font-size="13">sinds ${year}</text>`,
    `</g>`,
    `</svg>`,
  ].join('\n');
}

/** For a withdrawn, pending or unknown employer: the badge no longer claims anything. */
export function neutralBadgeSvg(): string {
  const c = BADGE_COLOURS;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" viewBox="0 0 ${BADGE_WIDTH} ${BADGE_HEIGHT}" role="img" aria-labelledby="badge-titel">`,
    `<title id="badge-titel">Niet (meer) geverifieerd</title>`,
    `<rect x="1" y="1" width="${BADGE_WIDTH - 2}" height="${BADGE_HEIGHT - 2}" rx="10" fill="${c.neutralBackground}" stroke="${c.neutralBorder}" stroke-width="2"/>`,
    `<g font-family="${FONT}" fill="${c.neutralText}">`,
    `<text x="18" y="50" font-size="20" font-weight="700">Niet (meer) geverifieerd</text>`,
    `<text x="18" y="76" font-size="13">Staat niet in het register van het loket.</text>`,
    `</g>`,
    `</svg>`,
  ].join('\n');
}
