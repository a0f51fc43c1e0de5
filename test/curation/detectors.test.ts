import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { makeContext } from '../../electron/core/curation/pii/context.ts';
import type { DetectContext } from '../../electron/core/curation/pii/context.ts';
import { DETECTORS, detectText } from '../../electron/core/curation/pii/detect.ts';
import { luhnValid } from '../../electron/core/curation/pii/card.ts';
import { ibanValid } from '../../electron/core/curation/pii/iban.ts';
import { compileAccountPattern } from '../../electron/core/curation/pii/account.ts';
import { nameVariants } from '../../electron/core/curation/pii/name.ts';
import { findingId } from '../../electron/core/curation/pii/finding-id.ts';
import type { PiiKind } from '../../electron/core/curation/pii/finding.ts';

type Row = [text: string, expected: string[], ctx?: Partial<DetectContext>];

function found(kind: PiiKind, text: string, ctx: Partial<DetectContext> = {}): string[] {
  return DETECTORS[kind](text, makeContext(ctx)).map((h) => text.slice(h.start, h.end));
}

const TABLES: Record<PiiKind, Row[]> = {
  email: [
    ['write to jo.bloggs+news@mail.example.org.', ['jo.bloggs+news@mail.example.org']],
    ['Ünïcødé: zoë@exämple.de', ['zoë@exämple.de']],
    ['two: a@b.io, c.d@e.co.uk', ['a@b.io', 'c.d@e.co.uk']],
    ['not an address: @handle, user@, @domain.com, a@b', []],
    ['support@acme.com is ours', [], { companyDomains: ['acme.com'] }],
    ['jane@acme.com is a person', ['jane@acme.com'], { companyDomains: ['acme.com'] }],
  ],
  phone: [
    ['call 07911 123456 today', ['07911 123456']],
    ['+44 (0)20 7946 0958', ['+44 (0)20 7946 0958']],
    ['(212) 555-0147 or 415.555.2671', ['(212) 555-0147', '415.555.2671'], { defaultCountry: 'US' }],
    ['Telefon 030 12345678', ['030 12345678'], { defaultCountry: 'DE' }],
    ['06 12 34 56 78', ['06 12 34 56 78'], { defaultCountry: 'FR' }],
    ['bel 06-12345678', ['06-12345678'], { defaultCountry: 'NL' }],
    ['on 2024-03-15 at 10:30, £1,299.00', []],
    ['order 07911123456', []],
    ['invoice no. 0161 496 0123', []],
    ['from 1999 to 2024, 12345 items', []],
    ['4155552671 bare digits in the US', [], { defaultCountry: 'US' }],
  ],
  card: [
    ['4111 1111 1111 1111', ['4111 1111 1111 1111']],
    ['5555-5555-5555-4444', ['5555-5555-5555-4444']],
    ['378282246310005', ['378282246310005']],
    ['4111 1111 1111 1112 (Luhn fails)', []],
    ['1234 5678 9012 3452 is Luhn-valid but no network', []],
    ['4111-1111 1111-1111 mixed separators', []],
    ['tracking 4111111111111111', []],
  ],
  iban: [
    ['GB82 WEST 1234 5698 7654 32', ['GB82 WEST 1234 5698 7654 32']],
    ['DE89370400440532013000 thanks', ['DE89370400440532013000']],
    ['NL91 ABNA 0417 1643 00', ['NL91 ABNA 0417 1643 00']],
    ['GB82 WEST 1234 5698 7654 33 (mod-97 fails)', []],
    ['XX82 WEST 1234 5698 7654 32 (no such country)', []],
  ],
  ip: [
    ['from 203.0.113.42.', ['203.0.113.42']],
    ['2001:db8::ff00:42:8329 and ::1', ['2001:db8::ff00:42:8329']],
    ['version 10.0.0.1, v1.2.3.4, 300.1.1.1, 1.2.3', []],
    ['at 10:30:45 and 12:30', []],
  ],
  name: [
    ['Dear Sarah, thanks — SARAH JONES, jones', ['Sarah', 'SARAH JONES', 'jones'], { customerNames: ['Sarah Jones'] }],
    ['Sarahs and Jonesy are other words', [], { customerNames: ['Sarah Jones'] }],
    ['Hi Jose Garcia-Lopez', ['Jose Garcia-Lopez'], { customerNames: ['José García-López'] }],
    ['May I? In May. Hi May!', ['May'], { customerNames: ['May Chen'] }],
    ['Bill arrived, paid the bill', [], { customerNames: ['Tom Baker'] }],
    ['Signed Dave', ['Dave'], { customerNames: ['David Wilson'] }],
    ['mr VAN DER BERG', ['VAN DER BERG'], { customerNames: ['Anna van der Berg'] }],
    ['no name known', [], {}],
  ],
  account: [
    ['ORD-123456 and ORD-1234567', ['ORD-123456'], { accountPatterns: [compileAccountPattern('ORD-\\d{6}')] }],
    ['acc 00012345', [], { accountPatterns: [compileAccountPattern('ACC\\d{8}')] }],
  ],
  url: [
    ['https://x.example/reset?token=abc', ['https://x.example/reset?token=abc']],
    ['(see https://x.example/u/8f14e45f-ceea-467f-a1b4-2cdb7e4a0b12).', ['https://x.example/u/8f14e45f-ceea-467f-a1b4-2cdb7e4a0b12']],
    ['https://user:pw@x.example/', ['https://user:pw@x.example/']],
    ['https://x.example/help?page=2 and www.example.com/about', []],
  ],
  address: [
    ['10 Downing Street, London', ['10 Downing Street']],
    ['1600 Pennsylvania Ave NW', ['1600 Pennsylvania Ave']],
    ['Unter den Linden? no: Hauptstraße 5a', ['Hauptstraße 5a']],
    ['3 bis rue des Lilas', ['3 bis rue des Lilas']],
    ['Prinsengracht 263', ['Prinsengracht 263']],
    ['waited 3 days for 5 items', []],
  ],
  postcode: [
    ['London SW1A 2AA', ['SW1A 2AA']],
    ['Austin, TX 78701', ['78701']],
    ['Hauptstraße 5, 10115 Berlin', ['10115']],
    ['75002 PARIS', ['75002']],
    ['1015 CJ Amsterdam', ['1015 CJ']],
    ['2000 MB disk, 1999 AD, 12000 Punkte.', []],
  ],
};

describe.each(Object.entries(TABLES) as [PiiKind, Row[]][])('%s detector', (kind, rows) => {
  it.each(rows)('%s', (text, expected, ctx) => {
    expect(found(kind, text, ctx)).toEqual(expected);
  });
});

describe('checksums', () => {
  it.each([['4111111111111111', true], ['4111111111111112', false], ['79927398713', true]] as const)('luhn %s', (d, ok) => expect(luhnValid(d)).toBe(ok));
  it.each([['GB82WEST12345698765432', true], ['gb82 west 1234 5698 7654 32', true], ['GB82WEST12345698765431', false], ['DE8937040044053201300', false]] as const)('iban %s', (d, ok) => expect(ibanValid(d)).toBe(ok));
});

describe('name variants', () => {
  it('covers full, first, surname with particles, hyphenated parts and nicknames', () => {
    expect(nameVariants('Dr. Anna van der Berg-Smit')).toEqual(expect.arrayContaining(['Anna van der Berg-Smit', 'van der Berg-Smit', 'Anna', 'Berg-Smit', 'Berg', 'Smit']));
    expect(nameVariants('Robert Brown')).toEqual(expect.arrayContaining(['Bob', 'Bob Brown', 'Rob']));
    expect(nameVariants('J. Smith')).not.toContain('J.');
    expect(nameVariants('someone@example.com')).toEqual([]);
    expect(nameVariants('Customer 1234')).toEqual([]);
    expect(nameVariants('Anonymous')).toEqual([]);
  });
});

describe('detectText', () => {
  const ctx = makeContext({ defaultCountry: 'GB' as CountryCode, customerNames: ['Sarah Jones'], accountPatterns: [compileAccountPattern('ORD-\\d{6}')], companyPostcodes: ['LS1 4AP'], companyAddresses: ['1 Wellington Street, Leeds'] });

  it('gives each finding a stable id from kind, place, span and text', () => {
    const a = detectText('Sarah: sarah@x.com', ctx, 'message:m1');
    const b = detectText('Sarah: sarah@x.com', ctx, 'message:m1');
    const c = detectText('Sarah: sarah@x.com', ctx, 'message:m2');
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id));
    expect(a[0]!.id).not.toBe(c[0]!.id);
    expect(a[0]!.id).toBe(findingId('name', 'message:m1', 0, 5, 'Sarah'));
    expect(a.map((f) => [f.kind, f.confidence])).toEqual([['name', 'high'], ['email', 'high']]);
  });

  it('drops what sits inside a better finding and lets account patterns shadow phone and card numbers', () => {
    const text = 'ORD-123456 then https://x.example/r?email=sarah@x.com';
    const kinds = detectText(text, ctx, 'subject').map((f) => [f.kind, f.text]);
    expect(kinds).toEqual([['account', 'ORD-123456'], ['url', 'https://x.example/r?email=sarah@x.com'], ['email', 'sarah@x.com']]);
  });

  it('never flags the company address or postcode', () => {
    expect(detectText('Return it to 1 Wellington  Street,  Leeds LS1 4AP please', ctx, 'subject')).toEqual([]);
  });

  it('handles empty and emoji text, with offsets in UTF-16 units', () => {
    expect(detectText('', ctx, 'subject')).toEqual([]);
    const text = '👋🏽 Sarah 👍 07911 123456';
    const f = detectText(text, ctx, 'subject');
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(f.map((x) => x.text)).toEqual(['Sarah', '07911 123456']);
  });
});
