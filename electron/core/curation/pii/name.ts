import type { DetectContext } from './context.ts';
import type { Hit } from './finding.ts';
import { escapeRegExp, fold, foldWithMap, wordAfter, wordBefore } from './text.ts';

/** Titles are not part of the name to look for. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'herr', 'frau', 'm', 'mme', 'mlle', 'dhr', 'mevr', 'mevrouw', 'meneer', 'monsieur', 'madame']);
/** Placeholders exports put where a name would be ("Customer 1234", "Anonymous"): never looked for in the text. */
const GENERIC = new Set(['customer', 'client', 'kunde', 'kundin', 'klant', 'guest', 'gast', 'invité', 'anonymous', 'anonym', 'anonyme', 'anoniem', 'user', 'member', 'buyer', 'reviewer', 'visitor', 'unknown', 'none', 'null', 'support', 'team', 'admin', 'staff', 'agent', 'system', 'requester', 'contact', 'consumer', 'shopper', 'n/a', 'na', 'test']);
/** Surname particles: part of a surname, never a name on their own. */
const PARTICLES = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'von', 'zu', 'vom', 'ten', 'ter', 'te', 'op', "'t", 'het', 'al', 'el', 'bin', 'ibn', 'y', 'e']);
/**
 * First names and surnames that are also everyday words (or months). They count as the customer's name only when
 * written with a capital, not at the start of a sentence unless clearly addressed, and never next to a number.
 */
const EVERYDAY = new Set([
  'may', 'june', 'april', 'august', 'bill', 'will', 'mark', 'rose', 'grace', 'hope', 'joy', 'faith', 'pat', 'sue', 'frank', 'earl', 'dean', 'art',
  'rob', 'jack', 'ray', 'dawn', 'summer', 'autumn', 'holly', 'ivy', 'lily', 'daisy', 'iris', 'ruby', 'amber', 'crystal', 'penny', 'sandy', 'rusty',
  'chase', 'hunter', 'mason', 'bishop', 'baker', 'cook', 'hill', 'wood', 'brown', 'white', 'green', 'black', 'young', 'king', 'long', 'little',
  'rich', 'price', 'bell', 'ward', 'hall', 'stone', 'fox', 'lamb', 'bush', 'cross', 'marsh', 'lane', 'street', 'field', 'miles', 'major', 'gay',
  'sterling', 'noble', 'best', 'love', 'bird', 'swan', 'moss', 'reed', 'rice', 'rock', 'shore', 'snow', 'storm', 'wolf', 'fuchs', 'klein', 'lang',
  'braun', 'schwarz', 'weiss', 'koch', 'bauer', 'fischer', 'pierre', 'blanc', 'petit', 'roux', 'rose', 'de', 'carter', 'fisher', 'porter',
  'turner', 'walker', 'page', 'park', 'guy', 'sky', 'star', 'angel', 'precious', 'honey', 'sunny', 'harmony', 'destiny', 'patience', 'prudence',
  'constance', 'charity', 'verity', 'mercy', 'trinity', 'max', 'van', 'buck', 'don', 'sol', 'ben', 'eve', 'jan', 'mar', 'tom', 'nick', 'bob',
  'drew', 'gene', 'kit', 'lee', 'ted', 'wade', 'violet', 'olive', 'pearl', 'jade', 'heather', 'brook', 'river', 'forest', 'august', 'winter',
]);
/** Given names that are also months: "in June" is a date, "Hi June" is a person. */
const MONTHS = new Set(['may', 'june', 'april', 'august']);
const BEFORE_MONTH = /(?:^|[^\p{L}])(?:in|since|until|till|by|last|next|this|early|late|mid|of|from|during|before|after|end|through|im|seit|bis|ab|en|depuis|fin|début|sinds|tot|eind|begin)\s+$/iu;
/** Common short forms of given names: a customer called David signs as Dave. */
const NICKNAMES: Record<string, readonly string[]> = {
  david: ['dave', 'davy'], william: ['bill', 'will', 'billy', 'liam'], robert: ['bob', 'rob', 'bobby', 'robbie', 'bert'],
  richard: ['rick', 'rich', 'richie', 'dick'], james: ['jim', 'jimmy', 'jamie'], john: ['jack', 'johnny'], michael: ['mike', 'mick', 'mickey'],
  thomas: ['tom', 'tommy'], christopher: ['chris'], matthew: ['matt'], anthony: ['tony'], joseph: ['joe', 'joey'], daniel: ['dan', 'danny'],
  edward: ['ed', 'eddie', 'ted', 'ned'], charles: ['charlie', 'chuck'], benjamin: ['ben'], samuel: ['sam'], alexander: ['alex', 'sandy'],
  nicholas: ['nick'], stephen: ['steve'], steven: ['steve'], andrew: ['andy', 'drew'], peter: ['pete'], patrick: ['pat', 'paddy'],
  timothy: ['tim'], jonathan: ['jon'], gregory: ['greg'], kenneth: ['ken', 'kenny'], ronald: ['ron', 'ronnie'], donald: ['don'],
  margaret: ['maggie', 'meg', 'peggy'], elizabeth: ['liz', 'beth', 'betty', 'lizzie', 'eliza'], katherine: ['kate', 'kathy', 'katie'],
  catherine: ['cathy', 'kate', 'katie'], jennifer: ['jen', 'jenny'], rebecca: ['becky', 'becca'], susan: ['sue', 'susie'],
  patricia: ['pat', 'patty', 'trish'], deborah: ['debbie', 'deb'], victoria: ['vicky', 'tori'], alexandra: ['alex', 'lexi'],
  samantha: ['sam'], christine: ['chris', 'tina'], christina: ['chris', 'tina'], jessica: ['jess'], abigail: ['abby'], kimberly: ['kim'],
  nicole: ['nikki'], johannes: ['hans'], johanna: ['hanna'], wolfgang: ['wolf'], frederick: ['fred', 'freddie'], henry: ['harry', 'hal'],
};
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|["“«]\s*)$/u;
const GREETING = /(?:hi|hello|hey|dear|thanks|thank you|cheers|hallo|liebe|lieber|bonjour|cher|chère|beste|beste|geachte|hoi|ciao)\W*$/iu;

type Variant = { folded: string; everyday: boolean; short: boolean };

/** Full name, first name, surname (with its particles) and each hyphenated part. */
export function nameVariants(fullName: string): string[] {
  const cleaned = fullName.replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned.includes('@')) return [];
  const tokens = cleaned.split(' ').filter((t) => !TITLES.has(t.toLowerCase().replace(/\.$/, '')) && !GENERIC.has(fold(t)) && !/^[\d#.-]+$/.test(t));
  if (tokens.length === 0) return [];
  const out = new Set<string>();
  if (tokens.length > 1) out.add(tokens.join(' '));
  const particleIndex = tokens.findIndex((t, i) => i > 0 && PARTICLES.has(t.toLowerCase()));
  if (particleIndex > 0) out.add(tokens.slice(particleIndex).join(' '));
  // Several given names ("Mary Ann Bell"): they are also written together without the surname.
  const surnameIndex = particleIndex > 0 ? particleIndex : tokens.length - 1;
  if (surnameIndex >= 2) out.add(tokens.slice(0, surnameIndex).join(' '));
  const surnames = tokens.slice(surnameIndex).join(' ');
  for (const short of NICKNAMES[fold(tokens[0] ?? '')] ?? []) {
    const nick = short[0]!.toUpperCase() + short.slice(1);
    out.add(nick);
    if (tokens.length > 1) out.add(`${nick} ${surnames}`);
  }
  for (const token of tokens) {
    const t = token.replace(/[.,]$/, '');
    if (PARTICLES.has(t.toLowerCase())) continue;
    if (/^\p{L}\.?$/u.test(t)) continue; // an initial
    if ([...t].length >= 2) out.add(t);
    if (t.includes('-')) for (const part of t.split('-')) if ([...part].length >= 3) out.add(part);
  }
  return [...out];
}

function capitalised(original: string): boolean {
  const first = original.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

type Prepared = { variants: (Variant & { re: RegExp })[]; foldedVariants: string[]; quick: RegExp | null };
const prepared = new WeakMap<readonly string[], Prepared>();

/** Variants and their patterns depend only on the customer's names: built once per thread, not once per message. */
function prepare(names: readonly string[]): Prepared {
  const cached = prepared.get(names);
  if (cached) return cached;
  const variants: (Variant & { re: RegExp })[] = [];
  const seen = new Set<string>();
  for (const full of names) {
    for (const v of nameVariants(full)) {
      const folded = fold(v);
      if (seen.has(folded)) continue;
      seen.add(folded);
      const single = !/\s/.test(folded);
      const re = new RegExp(folded.split(' ').map(escapeRegExp).join('\\s+'), 'gu');
      variants.push({ folded, everyday: single && EVERYDAY.has(folded), short: single && [...folded].length <= 2, re });
    }
  }
  // Longest first, so "Anna van der Berg" is one hit rather than three.
  variants.sort((a, b) => b.folded.length - a.folded.length);
  // A cheap case-insensitive pre-check on the raw text when every variant is plain ASCII.
  const ascii = variants.every((v) => /^[\x20-\x7e]+$/.test(v.folded));
  const quick = ascii && variants.length > 0 ? new RegExp(variants.map((v) => v.folded.split(' ').map(escapeRegExp).join('\\s+')).join('|'), 'i') : null;
  const p = { variants, foldedVariants: variants.map((v) => v.folded), quick };
  prepared.set(names, p);
  return p;
}

export function detectName(text: string, ctx: DetectContext): Hit[] {
  const { variants, foldedVariants, quick } = prepare(ctx.customerNames);
  if (variants.length === 0) return [];
  // Accented text may still match an ASCII variant ("José" vs "Jose"), so the shortcut applies only to ASCII text.
  if (quick && !quick.test(text) && !/[^\x20-\x7e\t\n\r]/.test(text)) return [];
  const { folded, map } = foldWithMap(text);
  const hits: Hit[] = [];
  for (const v of variants) {
    for (const m of folded.matchAll(v.re)) {
      const start = map[m.index]!;
      const end = map[m.index + m[0].length]!;
      if (wordBefore(text, start) || wordAfter(text, end)) continue;
      const original = text.slice(start, end);
      if (v.everyday || v.short) {
        if (!capitalised(original)) continue;
        const before = text.slice(Math.max(0, start - 40), start);
        const after = text.slice(end, end + 24);
        if (/\d\s*$/.test(before) || /^\s*(?:\d|of\b)/u.test(after)) continue;
        if (MONTHS.has(v.folded) && BEFORE_MONTH.test(before)) continue;
        if (v.everyday && SENTENCE_START.test(before) && !GREETING.test(before)) {
          // "May I ask" is a question; "Bill, thank you" or "Bill Smith wrote" is the customer.
          const next = fold(after.trimStart());
          const addressed = /^(?:[,!]|$)/u.test(after.trimStart()) || foldedVariants.some((fv) => fv !== v.folded && next.startsWith(fv));
          if (!addressed) continue;
        }
      }
      if (hits.some((h) => h.start <= start && end <= h.end)) continue;
      hits.push({ kind: 'name', start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
