import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { ORG_WORDS } from './name-words.ts';
import { fold } from './text.ts';

// Names of people the thread's metadata does not know: third parties after a title or a kinship word ("my
// neighbour Mrs Okafor", "mein Mann Klaus", "夫の田中"), the person greeted ("Dear Mr Thompson", "Hola Lucía") or
// signing ("Kind regards,\nTom Hughes"), and names in quoted mail headers ("From: Molly Meyers <…>"). Found by the
// words around them, in the languages of Candor's customers, with low confidence: they are removed and shown for
// review. Staff names the site publishes anyway (publicNames) are left in signatures.

/** A capitalised name of one to three words, with surname particles ("De Vries", "van der Berg", "O'Sullivan"). */
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*\\p{L}|\\p{Lu}\\.?";
const PARTICLE = '(?:van|von|de|der|den|del|della|di|da|du|dos|das|la|le|ten|ter|el|al|bin|st\\.)';
const NAME = `(?:${PARTICLE} )*(?:${NAME_WORD})(?:[ \\t](?:${PARTICLE} )*(?:${NAME_WORD})){0,2}`;
const NAME_STICKY = new RegExp(NAME, 'uy');

// Titles that are also everyday words ("I miss London", "a pan") count only when capitalised; some only with a dot.
const TITLE = "(?:mr|mrs|ms|mx|dr|prof|herr|frau|mme|mlle|madame|monsieur|sr|sra|srta|señor|señora|señorita|doña|dona|signor|signora|signore|dhr|mevr|mevrouw|meneer|pani|panie|panią|panu|(?-i:Miss|Sir|Dame|Don|Pan|Fru)|sig\\.ra|dott\\.ssa|(?:m|hr|fr|sig|dott|avv|ing)(?=\\.))";
const KIN_EN = 'husband|wife|partner|son|daughter|mother|mum|mom|father|dad|brother|sister|neighbour|neighbor|friend|colleague|boss|landlord|landlady|carer|grandmother|grandfather|gran|nan|grandson|granddaughter|aunt|uncle|cousin|nephew|niece|fiancée?|girlfriend|boyfriend|flatmate|roommate|lodger|tenant|rep|agent|advisor|adviser|manager|engineer|driver|courier|solicitor|lawyer|doctor|nurse|child|kid';
const KIN_DE = 'mann|frau|sohn|tochter|mutter|vater|bruder|schwester|nachbar|nachbarin|freund|freundin|kollege|kollegin|partner|partnerin|vermieter|vermieterin|chef|chefin';
const KIN_FR = 'mari|femme|fils|fille|mère|père|frère|sœur|soeur|voisin|voisine|ami|amie|collègue|compagnon|compagne|propriétaire|conjoint|conjointe';
const KIN_ES = 'marido|esposo|esposa|mujer|hijo|hija|madre|padre|hermano|hermana|vecino|vecina|amigo|amiga|compañero|compañera|jefe|jefa|casero|casera';
const KIN_IT = 'marito|moglie|figlio|figlia|madre|padre|fratello|sorella|vicino|vicina|amico|amica|collega|compagno|compagna';
const KIN_NL = 'man|vrouw|zoon|dochter|moeder|vader|broer|zus|buurman|buurvrouw|vriend|vriendin|collega|partner|huisbaas';
const KIN_PL = 'mąż|żona|syn|córka|matka|ojciec|brat|siostra|sąsiad|sąsiadka|kolega|koleżanka|przyjaciel|przyjaciółka';
const KIN_SV = 'man|fru|son|dotter|mamma|pappa|bror|syster|granne|vän|kollega|sambo';
const KIN_PT = 'marido|esposa|mulher|filho|filha|mãe|pai|irmão|irmã|vizinho|vizinha|amigo|amiga|colega';
const KINSHIP = `(?:(?:my|our|his|her|your|their)[ \\t]+(?:(?:late|dear|elderly|ex-?|new|old)[ \\t]+)?(?:${KIN_EN})|(?:mein|meine|meinem|meiner|meinen|unser|unsere)[ \\t]+(?:${KIN_DE})|(?:mon|ma|notre)[ \\t]+(?:${KIN_FR})|(?:mi|nuestro|nuestra)[ \\t]+(?:${KIN_ES})|(?:mio|mia|il mio|la mia)[ \\t]+(?:${KIN_IT})|(?:mijn|onze)[ \\t]+(?:${KIN_NL})|(?:mój|moja|mojego|mojej|nasz|nasza)[ \\t]+(?:${KIN_PL})|(?:min|mitt|vår)[ \\t]+(?:${KIN_SV})|(?:meu|minha)[ \\t]+(?:${KIN_PT})|(?:called|named|namens|nommée?|llamad[oa]|chiamat[oa]|genaamd|o imieniu))`;

const GREET = "(?:hi|hello|hey|hiya|dear|morning|good morning|good afternoon|good evening|g['’]day|hallo|liebe|lieber|sehr geehrte|sehr geehrter|guten tag|moin|servus|bonjour|bonsoir|cher|chère|salut|hola|estimad[oa]|buenos días|buenas tardes|buongiorno|buonasera|ciao|salve|gentile|gentilissim[oa]|caro|cara|beste|geachte|hoi|dag|goedemiddag|goedemorgen|dzień dobry|szanown[ya]|witam|cześć|hej|hejsan|kära|olá|oi|prezad[oa]|bom dia|boa tarde)";
const CLOSING = "(?:thanks|thank you|many thanks|thanks again|thanks & regards|thanks and regards|kind regards|best regards|warm regards|warmest regards|regards|best|best wishes|all the best|cheers|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|take care|love|mit freundlichen grüßen|mit freundlichem gruß|freundliche grüße|viele grüße|beste grüße|liebe grüße|lg|mfg|vg|gruß|grüße|danke|cordialement|bien à vous|bien cordialement|salutations|merci|bonne journée|saludos|un saludo|atentamente|cordiales saludos|gracias|cordiali saluti|distinti saluti|saluti|grazie|met vriendelijke groet|vriendelijke groet|groet|groeten|mvg|pozdrawiam|z poważaniem|dziękuję|med vänliga hälsningar|vänliga hälsningar|hälsningar|mvh|tack|atenciosamente|abraços|obrigad[oa]|--)";

// "my neighbour Mrs Okafor", "Mein Mann Klaus", "Dr. O'Sullivan", "la señora García".
const AFTER_KIN = new RegExp(`(?<![\\p{L}])${KINSHIP},?[ \\t]+(?:${TITLE}\\.?[ \\t]+)?(?=\\p{Lu})`, 'giu');
const AFTER_TITLE = new RegExp(`(?<![\\p{L}\\p{N}])${TITLE}\\.?[ \\t]+(?=\\p{Lu})`, 'giu');
// A greeting at the start of a line: "Dear Mr Thompson,", "Hola Lucía:", "Hej Erik!".
const AFTER_GREETING = new RegExp(`(?:^|\\n)[ \\t]*${GREET}[ \\t]+(?:${TITLE}\\.?[ \\t]+)?(?=\\p{Lu})`, 'giu');
// A closing, then the name on the same line after a comma or on the next lines.
const AFTER_CLOSING = new RegExp(`(?:^|[\\n.!?][ \\t]*)${CLOSING}(?:[ \\t]*[,!.]?[ \\t]*\\n(?:[ \\t]*\\n)?[ \\t]*|[ \\t]*[,!][ \\t]*|[ \\t]+(?=(?:\\p{Lu}[\\p{L}'’-]*[ \\t]*){1,3}(?:\\n|$)))(?:(?:${TITLE})\\.?[ \\t]+)?(?=\\p{Lu})`, 'giu');
// The first line of a message addressing someone: "Sara,\n", "Cheryl:\n".
const VOCATIVE = /^[ \t]*(?=\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?[ \t]*[,:][ \t]*\n)/u;
// Quoted headers: "From: Molly Meyers [mailto:…]", "To: Meyers, Albert", "Von: Lukas Schneider <…>".
const HEADER = /(?:^|\n)[ \t]*(?:from|to|cc|bcc|von|an|de|à|a|van|aan|da|från|till|od|do|差出人|送信者|宛先)[ \t]*:[ \t]*([^\n]+)/giu;
const DISPLAY_NAME = /"([^"\n]{2,60})"|(?<![\p{L}'’.-])(\p{Lu}[\p{L}'’.-]{0,40}(?:,? \p{Lu}[\p{L}'’.-]{0,40}){1,3})(?=[ \t]*(?:<|\[mailto:|;|$))/gu;
// Japanese: a name (kanji or kana) before an honorific, or after 夫の/妻の/隣の.
const JA_HONORIFIC = /([\p{Script=Han}\p{Script=Katakana}]{1,4})(?=様|さん|殿|氏|くん|ちゃん)/gu;
const JA_KIN = /(?:夫|妻|主人|家内|母|父|息子|娘|兄|弟|姉|妹|隣|友人)の([\p{Script=Han}]{1,4})/gu;

/** Words that follow a cue without being anyone's name. */
const NOT_A_NAME = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'the', 'a', 'an', 'and', 'or', 'but', 'to', 'at', 'on', 'in', 'for', 'my', 'our', 'your', 'this', 'that', 'there',
  'all', 'team', 'everyone', 'everybody', 'folks', 'guys', 'sir', 'madam', 'sir or madam', 'sirs', 'customer', 'customers', 'client', 'support', 'again', 'both', 'friends', 'colleagues',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'damen', 'herren', 'damen und herren', 'kunde', 'kundin', 'team', 'madame', 'monsieur', 'mesdames', 'messieurs', 'señor', 'señora', 'señores', 'cliente', 'clienti', 'klant', 'heer', 'mevrouw', 'pan', 'pani', 'państwo',
  'gentlemen', 'ladies', 'hello', 'hi', 'thanks', 'thank', 'regards', 'best', 'cheers', 'kind', 'please', 'sent', 'update', 'note', 'ps', 'p.s', 'fyi', 're', 'fw', 'fwd',
  'customer services', 'customer service', 'service', 'services', 'care', 'management', 'the team', 'mail', 'email', 'ihr', 'your', 'le', 'la', 'les', 'el', 'il', 'het', 'der', 'die', 'das']);
const GREETING_OR_CLOSING = new RegExp(`^(?:${GREET}|${CLOSING})$`, 'iu');
/** Japanese words before an honorific that are not names: お客様 (customer), 皆様 (everyone), 担当者様. */
const JA_NOT_NAMES = new Set(['客', '皆', '各位', '担当', '担当者', '貴社', '御社', '社長', '店長', '会員']);
/** Brand names that begin with a title: not people. */
const BRANDS = /^(?:mr\.? (?:kipling|muscle|sheen|bean|clean|potato head|men)|dr\.? (?:martens|oetker|pepper|scholl|who)|mrs\.? (?:crimble's|brown's boys))/iu;

function firstWordOk(name: string): boolean {
  const words = fold(name).split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return false;
  // "Acme Support", "Customer Care Team": an organisation signs, not a person.
  if (words.some((w) => ORG_WORDS.has(w))) return false;
  return !NOT_A_NAME.has(words[0]!) && !NOT_A_NAME.has(words.join(' ')) && !GREETING_OR_CLOSING.test(name.split(/[\s,]+/)[0]!);
}

/** The name that starts at `at`, trimmed of trailing sentence words; null when there is none. */
function nameAt(text: string, at: number): [number, number] | null {
  NAME_STICKY.lastIndex = at;
  const m = NAME_STICKY.exec(text);
  if (!m) return null;
  let value = m[0];
  const words = value.split(/[ \t]+/);
  // "Acme Support", "Customer Care Team": an organisation signs, not a person.
  if (words.some((w) => ORG_WORDS.has(fold(w)))) return null;
  while (words.length > 1 && NOT_A_NAME.has(fold(words[words.length - 1]!))) words.pop();
  value = words.join(' ').replace(/[.'’-]+$/u, (s) => (/^\p{Lu}\.$/u.test(value.slice(-2)) ? s : ''));
  if (!value || !firstWordOk(value)) return null;
  return [at, at + value.length];
}

function isPublic(name: string, ctx: DetectContext): boolean {
  const words = fold(name).split(/[\s.,]+/).filter((w) => w.length > 1);
  return ctx.publicNames.some((p) => {
    const known = new Set(fold(p).split(/\s+/));
    return words.length > 0 && words.every((w) => known.has(w));
  });
}

export function detectPeople(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  const add = (span: [number, number] | null, signature = false) => {
    if (!span) return;
    if (signature && isPublic(text.slice(span[0], span[1]), ctx)) return;
    hits.push({ kind: 'name', start: span[0], end: span[1], confidence: 'low' });
  };
  for (const m of text.matchAll(AFTER_KIN)) add(nameAt(text, m.index + m[0].length));
  for (const m of text.matchAll(AFTER_TITLE)) {
    const span = nameAt(text, m.index + m[0].length);
    if (span && !BRANDS.test(text.slice(m.index, span[1]))) add(span);
  }
  for (const m of text.matchAll(AFTER_GREETING)) add(nameAt(text, m.index + m[0].length));
  for (const m of text.matchAll(AFTER_CLOSING)) add(nameAt(text, m.index + m[0].length), true);
  const v = VOCATIVE.exec(text);
  if (v) add(nameAt(text, v[0].length));
  for (const h of text.matchAll(HEADER)) {
    const line = h[1]!;
    const offset = h.index + h[0].length - line.length;
    if (/^(?:re|fw|fwd|aw|wg|tr)\s*:/iu.test(line)) continue;
    for (const d of line.matchAll(DISPLAY_NAME)) {
      const inner = (d[1] ?? d[2]!).split(/\s@\s/)[0]!.trim();
      const start = offset + d.index + (d[1] !== undefined ? 1 : 0);
      if (inner && firstWordOk(inner)) add([start, start + inner.length]);
    }
  }
  // "David Kaiser" <davidk@…>, "Jared @ Enron" <jkaiser@…>: a quoted display name next to an address.
  for (const m of text.matchAll(/"([^"\n]{2,60})"[ \t]*<[^>\n@]{1,100}@[^>\n]{1,100}>/gu)) {
    const inner = m[1]!.split(/\s@\s/)[0]!.trim();
    if (inner && firstWordOk(inner)) add([m.index + 1, m.index + 1 + inner.length]);
  }
  if (/[\p{Script=Han}\p{Script=Hiragana}]/u.test(text)) {
    for (const re of [JA_HONORIFIC, JA_KIN]) {
      for (const m of text.matchAll(re)) {
        const start = m.index + m[0].length - m[1]!.length;
        if (JA_NOT_NAMES.has(m[1]!) || text[start - 1] === 'お') continue;
        hits.push({ kind: 'name', start, end: start + m[1]!.length, confidence: 'low' });
      }
    }
  }
  return hits;
}
