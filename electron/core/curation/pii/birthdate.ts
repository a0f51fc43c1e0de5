import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { afterCue } from './text.ts';

// Dates of birth: a date written right after "born", "DOB", "date of birth" and their equivalents in the languages
// of Candor's customers (or before "geboren", 生まれ). Other dates (deliveries, invoices) are left alone; a year alone ("born
// in 1990") is not a date of birth.

const MONTHS = [
  'jan(?:uary|uar|vier|eiro)?', 'feb(?:ruary|ruar)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'jun(?:e)?', 'jul(?:y)?', 'aug(?:ust)?', 'sep(?:t|tember)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
  'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember',
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maart', 'mei', 'augustus',
  'stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia',
  'augusti', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
].join('|');

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MON = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';
// 12/03/1985, 03-12-85, 1985-03-12, 12 March 1985, 12. März 1985, 12 de marzo de 1985, March 12, 1985, 1985年3月12日.
const DATE = `(?:${DAY}[./-]${DAY}[./-](?:${YEAR}|\\d{2})|${YEAR}[./-]${MON}[./-]${DAY}|${DAY}(?:st|nd|rd|th|er|\\.)? ?(?:de )?(?:${MONTHS})\\.?,? (?:de )?${YEAR}|(?:${MONTHS})\\.? ${DAY}(?:st|nd|rd|th)?,? ${YEAR}|${YEAR}年${MON}月${DAY}日)`;

const DATE_AFTER_CUE = new RegExp(`${DATE}(?![\\p{N}])`, 'iuy');
const CUE = new RegExp(`(?<![\\p{L}\\p{N}])(?:born(?: on)?|b\\.|dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|geboren(?: am| op)?|geb\\.(?: am)?|geburtsdatum|geburtstag|née?(?: le)?|date de naissance|fecha de nacimiento|nac[ií](?:d[oa])?(?: el)?|data di nascita|nat[oa](?: il)?|geboortedatum|data urodzenia|urodzi(?:ł|ła|łam|łem)(?: się)?|urodzon[ya]|född|födelsedatum|nascid[oa](?: em)?|nasci(?: em)?|data de nascimento)(?![\\p{L}])|生年月日`, 'giu');
const BEFORE_BORN = new RegExp(`${DATE}(?=\\s*(?:geboren|生まれ|生))`, 'giu');

export function detectBirthdate(text: string, _ctx: DetectContext): Hit[] {
  const hits: Hit[] = afterCue(text, CUE, DATE_AFTER_CUE).map((c) => ({ kind: 'birthdate', start: c.start, end: c.end }));
  if (/生|geboren/iu.test(text)) for (const m of text.matchAll(BEFORE_BORN)) hits.push({ kind: 'birthdate', start: m.index, end: m.index + m[0].length });
  return hits;
}
