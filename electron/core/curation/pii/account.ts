import type { DetectContext } from './context.ts';
import type { Hit } from '../../../shared/curation/pii-finding.ts';
import { afterCue, atWordBoundaries } from './text.ts';

/** Compiles the workspace's patterns; a pattern that is not a valid regular expression is reported, not skipped. */
export function compileAccountPattern(source: string): RegExp {
  const re = new RegExp(source, 'gu');
  if (re.test('')) throw new Error(`the pattern ${JSON.stringify(source)} matches empty text`);
  return re;
}

// Order, customer, account, membership, invoice, booking and reference numbers: they tie a message to a person in
// the company's systems. Found after the words that name them in the customers' languages, and wherever the
// workspace's own patterns (accountPatterns) match. Carriers' tracking numbers, product codes and the company's
// ticket numbers are not named by these words and are left alone.
const CUE = new RegExp(`(?<![\\p{L}\\p{N}])(?:order(?: id| number| no\\.?| nr\\.?| #| ref(?:erence)?)?|order|customer(?: id| number| no\\.?| ref(?:erence)?)|client(?: id| number| no\\.?)|account(?: id| number| no\\.?| #)?|acct|membership(?: number| no\\.?)?|member(?: id| number| no\\.?)|loyalty(?: card)?(?: number| no\\.?)|invoice(?: number| no\\.?| #)?|booking(?: ref(?:erence)?| number| no\\.?)?|reservation(?: number| no\\.?)?|policy(?: number| no\\.?)|contract(?: number| no\\.?)|ref(?:erence)?(?: number| no\\.?)?|your ref|our ref|bestellnummer|bestellung|auftragsnummer|auftrag|kundennummer|kunden-?nr\\.?|rechnungsnummer|rechnung|vertragsnummer|buchungsnummer|mitgliedsnummer|numéro de commande|commande|numéro client|numéro de client|n° client|facture|référence|réservation|número de pedido|pedido|número de cliente|factura|referencia|numero d['’]ordine|ordine|codice cliente|fattura|riferimento|bestelnummer|bestelling|ordernummer|klantnummer|factuur|kenmerk|numer zamówienia|zamówienie|numer klienta|faktura|kundnummer|ordernr|número do pedido|número de cliente)(?![\\p{L}])|注文番号|お客様番号|会員番号`, 'giu');
// A code of capitals and digits: "112-4829311-5529013", "A1234567", "2021/69389", "1234 5678 9012 3456".
const VALUE = /[\p{Lu}\p{N}](?:[\p{Lu}\p{N}]|[-/.](?=[\p{Lu}\p{N}])| (?=\d{3,}(?![\p{L}])))*(?![\p{L}\p{N}])/uy;
/** A date after "invoice" is when, not which. */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
/** A number followed by a quantity word is how many, not which: "Zamówienie 12500 sztuk". */
const QUANTITY_AFTER = /^\s*(?:x|×|units?|pcs|pieces?|items?|articles?|artikel|stück|stuks|st|szt|sztuk|unidades|pezzi|unités|euros?|€|\$|£|kr|zł|dollars?)(?![\p{L}])/iu;

export function detectAccount(text: string, ctx: DetectContext): Hit[] {
  const hits: Hit[] = [];
  for (const pattern of ctx.accountPatterns) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!atWordBoundaries(text, start, end)) continue;
      hits.push({ kind: 'account', start, end });
    }
  }
  for (const c of afterCue(text, CUE, VALUE)) {
    const value = text.slice(c.start, c.end);
    if ((value.match(/\p{N}/gu) ?? []).length < 3 || DATE.test(value) || QUANTITY_AFTER.test(text.slice(c.end, c.end + 12))) continue;
    hits.push({ kind: 'account', start: c.start, end: c.end, confidence: 'low' });
  }
  return hits;
}
