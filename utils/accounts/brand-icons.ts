/**
 * Brand icons for common issuers, from simple-icons (CC0), tree-shaken to the ones listed
 * here. Pure data and a lookup; loaded by the popup after its first paint, so the icons
 * never delay the codes. Brands simple-icons does not carry (Amazon, Microsoft, Slack…) keep
 * their letter avatar.
 * @see https://simpleicons.org/
 */
import {
  si1password, siAirbnb, siApple, siAtlassian, siBinance, siBitwarden, siCloudflare, siCoinbase,
  siDigitalocean, siDiscord, siDocker, siDropbox, siEbay, siEpicgames, siEtsy, siFacebook, siFigma,
  siGithub, siGitlab, siGodaddy, siGoogle, siHetzner, siInstagram, siMeta, siMozilla, siNamecheap,
  siNetlify, siNextcloud, siNotion, siNpm, siOkta, siOvh, siPatreon, siPaypal, siPinterest,
  siPlaystation, siProton, siReddit, siRevolut, siRobinhood, siShopify, siSnapchat, siSquarespace,
  siSteam, siStripe, siSynology, siTesla, siTiktok, siTrello, siTwitch, siUber, siUbisoft, siVercel,
  siWise, siWix, siWordpress, siX, siZoom,
} from 'simple-icons';

export interface BrandIcon {
  title: string;
  /** SVG path data on a 24×24 view box. */
  path: string;
  /** Brand colour, e.g. "#181717". */
  color: string;
  /** Icon colour that reads on `color`: white on dark brands, near-black on light ones. */
  foreground: string;
}

interface SimpleIcon {
  title: string;
  path: string;
  hex: string;
}

const ICONS: readonly SimpleIcon[] = [
  si1password, siAirbnb, siApple, siAtlassian, siBinance, siBitwarden, siCloudflare, siCoinbase,
  siDigitalocean, siDiscord, siDocker, siDropbox, siEbay, siEpicgames, siEtsy, siFacebook, siFigma,
  siGithub, siGitlab, siGodaddy, siGoogle, siHetzner, siInstagram, siMeta, siMozilla, siNamecheap,
  siNetlify, siNextcloud, siNotion, siNpm, siOkta, siOvh, siPatreon, siPaypal, siPinterest,
  siPlaystation, siProton, siReddit, siRevolut, siRobinhood, siShopify, siSnapchat, siSquarespace,
  siSteam, siStripe, siSynology, siTesla, siTiktok, siTrello, siTwitch, siUber, siUbisoft, siVercel,
  siWise, siWix, siWordpress, siX, siZoom,
];

/** Other names issuers use for the same brand (otpauth issuers are free text). */
const ALIASES: Record<string, string> = {
  twitter: 'x',
  'x.com': 'x',
  protonmail: 'proton',
  'proton mail': 'proton',
  'proton account': 'proton',
  'sony playstation': 'playstation',
  'playstation network': 'playstation',
  psn: 'playstation',
  'epic games store': 'epic games',
  gmail: 'google',
  'google account': 'google',
  'wordpress.com': 'wordpress',
  'digital ocean': 'digitalocean',
  'ebay inc': 'ebay',
};

/** Lower case, accents and punctuation folded, ".com" and "Inc." dropped. */
function normalize(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(inc|llc|ltd|corp)\b\.?/g, '')
    .replace(/\.(com|net|org|io)$/u, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

const byName = new Map(ICONS.map((icon) => [normalize(icon.title), icon]));

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The titles of every brand icon here, in alphabetical order (the edit form's choices). */
export function brandTitles(): string[] {
  return ICONS.map((icon) => icon.title).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}

/**
 * The brand icon an account shows: the one the user chose (`icon`), none when they chose the
 * letter, else the issuer's. Undefined means the letter avatar.
 */
export function chosenBrandIcon(account: { issuer: string; icon?: string }): BrandIcon | undefined {
  // An icon field that is not text (a backup or sync copy from elsewhere) counts as automatic.
  const icon: unknown = account.icon;
  if (icon === 'letter') return undefined;
  return brandIconFor(typeof icon === 'string' && icon !== '' ? icon : account.issuer);
}

/**
 * The brand icon for an issuer name ("GitHub", "github.com", "Proton Mail", "Twitter"), or
 * undefined when there is none. A first word of four letters or more is tried too
 * ("Google Workspace" → Google).
 */
export function brandIconFor(issuer: string): BrandIcon | undefined {
  const name = normalize(issuer);
  if (!name) return undefined;
  // A first word short enough to be something else ("X Bank", "Uber Eats" is fine) is not tried.
  const firstWord = name.split(' ')[0] ?? '';
  const icon =
    byName.get(ALIASES[name] ?? name) ?? (firstWord.length >= 4 ? byName.get(ALIASES[firstWord] ?? firstWord) : undefined);
  if (!icon) return undefined;
  return {
    title: icon.title,
    path: icon.path,
    color: `#${icon.hex}`,
    foreground: luminance(icon.hex) > 0.4 ? '#111111' : '#ffffff',
  };
}
