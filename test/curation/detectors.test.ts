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
import type { PiiKind } from '../../electron/shared/curation/pii-finding.ts';

type Row = [text: string, expected: string[], ctx?: Partial<DetectContext>];

/** What one detector finds, in text order, each span once (a kind may have several ways to find the same text). */
function found(kind: PiiKind, text: string, ctx: Partial<DetectContext> = {}): string[] {
  const hits = DETECTORS[kind](text, makeContext(ctx)).sort((a, b) => a.start - b.start || b.end - a.end);
  const spans = hits.filter((h, i) => !hits.slice(0, i).some((k) => k.start <= h.start && h.end <= k.end));
  return spans.map((h) => text.slice(h.start, h.end));
}

const TABLES: Record<PiiKind, Row[]> = {
  email: [
    ['write to jo.bloggs+news@mail.example.org.', ['jo.bloggs+news@mail.example.org']],
    ['Ünïcødé: zoë@exämple.de', ['zoë@exämple.de']],
    ['two: a@b.io, c.d@e.co.uk', ['a@b.io', 'c.d@e.co.uk']],
    ['not an address: @handle, user@, @domain.com, a@b', []],
    ['support@acme.com is ours', [], { companyDomains: ['acme.com'] }],
    ['jane@acme.com is a person', ['jane@acme.com'], { companyDomains: ['acme.com'] }],
    ['jane dot doe at gmail dot com, j.doe [at] web [dot] de, jo(at)web.de, ohughes at hotmail.co.uk', ['jane dot doe at gmail dot com', 'j.doe [at] web [dot] de', 'jo(at)web.de', 'ohughes at hotmail.co.uk']],
    ['look at example.com; 1234 at 9.15am; meet at noon.Then', []],
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
    // Whatever the workspace's country: the examples, read in a UK workspace.
    ['(415) 555-0132 or 1-415-555-0123 x204', ['(415) 555-0132', '1-415-555-0123 x204'], { defaultCountry: 'GB' }],
    ['bel me op 06 4821 7730', ['06 4821 7730'], { defaultCountry: 'GB' }],
    ['llame al 943 12 34 56', ['943 12 34 56'], { defaultCountry: 'GB' }],
    ['電話番号は０９０－１２３４－５６７８です', ['０９０－１２３４－５６７８'], { defaultCountry: 'GB' }],
    ['8774545506 (pager)', ['8774545506'], { defaultCountry: 'GB' }],
    ['our line +44 113 496 0999', [], { companyPhones: ['0113 496 0999'] }],
    ['MALM (802.145.49), v10.0.19045.3803, 12/03/2024 14:30, 2 340 000 units', []],
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
    ['version 10.0.0.1, v1.2.3.4, 300.1.1.1, 1.2.3, 0.0.0.0', []],
    ['at 10:30:45 and 12:30', []],
  ],
  name: [
    ['Dear Sarah, thanks — SARAH JONES, jones', ['Sarah', 'SARAH JONES', 'jones'], { customerNames: ['Sarah Jones'] }],
    ['Sarahs and Jonesy are other words', [], { customerNames: ['Sarah Jones'] }],
    ['Hi Jose Garcia-Lopez', ['Jose Garcia-Lopez'], { customerNames: ['José García-López'] }],
    // Whatever apostrophe the name and the message each use (a backtick is typed for one on some keyboards).
    ['Please call Siobhan O`Brien back', ['Siobhan O`Brien'], { customerNames: ["Siobhan O'Brien"] }],
    ["Please call Siobhan O'Brien back", ["Siobhan O'Brien"], { customerNames: ['Siobhan O`Brien'] }],
    ['Please call Siobhan O\u2019Brien back', ['Siobhan O\u2019Brien'], { customerNames: ['Siobhan O`Brien'] }],
    ['May I? In May. Hi May!', ['May'], { customerNames: ['May Chen'] }],
    ['Bill arrived, paid the bill', [], { customerNames: ['Tom Baker'] }],
    ['Signed Dave', ['Dave'], { customerNames: ['David Wilson'] }],
    ['mr VAN DER BERG', ['VAN DER BERG'], { customerNames: ['Anna van der Berg'] }],
    ['no name known', [], {}],
    ['Mail delivery failed, mail again', [], { customerNames: ['Mail Delivery System'] }],
    ['https://www.hughes.com/warranty and tom.hughes@x.com', [], { customerNames: ['Tom Hughes'] }],
    ['The BEN-2000 kettle', [], { customerNames: ['Ben Ross'] }],
    ['佐藤花子と申します', ['佐藤花子'], { customerNames: ['佐藤 花子'] }],
    // Third parties, greetings and signatures, without metadata.
    ['my neighbour Mrs Okafor took it; Mein Mann Klaus rief an', ['Okafor', 'Klaus']],
    ['Dear Mr Thompson,\nsorry.\n\nKind regards,\nTom Hughes', ['Thompson', 'Tom Hughes']],
    ['Kind regards,\nTom\nCustomer Care Team', [], { publicNames: ['Tom Baker'] }],
    ['Dear Sir or Madam, Hi there, Thanks,\nThe Acme Team', []],
    ['Mr Kipling cakes and I miss London', []],
    ['From: Molly Meyers [mailto:m@x.com]\nTo: Meyers, Albert', ['Molly Meyers', 'Meyers, Albert']],
    ['隣の鈴木さんが、お客様', ['鈴木']],
    ['X'.repeat(40000), [], { customerNames: [`${'A '.repeat(20000)}Smith`] }],
  ],
  account: [
    ['ORD-123456 and ORD-1234567', ['ORD-123456'], { accountPatterns: [compileAccountPattern('ORD-\\d{6}')] }],
    ['acc 00012345', [], { accountPatterns: [compileAccountPattern('ACC\\d{8}')] }],
    ['My order number is 112-4829311-5529013; Kundennummer 48213377', ['112-4829311-5529013', '48213377']],
    ['Zamówienie 12500 sztuk, order total $20, date of invoice: 03/10/2024, ticket #48213', []],
  ],
  cvv: [
    ['CVV 123, security code: 4567, the 3 digits on the back are 837', ['123', '4567', '837']],
    ['verification code 123456, 3 digits', []],
  ],
  bank: [
    ['Sort code 60-16-13, account number 31926819', ['60-16-13', '31926819']],
    ['routing number 021000021 account 000123456789', ['021000021', '000123456789']],
    ['routing number 021000022 (bad check digit)', []],
    ['BIC DEUTDEFF, IFSC SBIN0001234, BSB 062-000', ['DEUTDEFF', 'SBIN0001234', '062-000']],
    ['account 12345678 shows the wrong date', []],
  ],
  'national-id': [
    ['SSN 078-05-1121 and 516-89-9449', ['078-05-1121', '516-89-9449']],
    ['NI number CJ 71 73 24 A, DNI 12345678Z, CF BNCMRC85T10H501W', ['CJ 71 73 24 A', '12345678Z', 'BNCMRC85T10H501W']],
    ['NIR 2 95 10 99 126 111 93, CPF 529.982.247-25, personnummer 811218-9876', ['2 95 10 99 126 111 93', '529.982.247-25', '811218-9876']],
    ['BSN 111222333 and PESEL 44051401359; Aadhaar 2341 2341 2346', ['111222333', '44051401359', '2341 2341 2346']],
    ['sin éxito 046 454 286; USPS 9400 0831 5343 4975 7304 31', []],
  ],
  passport: [
    ['passport number: 123456789; Reisepassnummer C01X00T47', ['123456789', 'C01X00T47']],
    ['I will pass 123456789 to you', []],
  ],
  licence: [
    ['MORGA753116SM9IJ; driving licence no. D1234567', ['MORGA753116SM9IJ', 'D1234567']],
    ['licence key pending', []],
  ],
  birthdate: [
    ['born on 12/03/1985; DOB: March 12, 1985; geboren am 12.03.1985; 1985年3月12日生まれ', ['12/03/1985', 'March 12, 1985', '12.03.1985', '1985年3月12日']],
    ['delivered 12/03/2024, born in 1990', []],
  ],
  vehicle: [
    ['AB12 CDE and GH-417-KL; Kennzeichen M-AB 1234', ['AB12 CDE', 'GH-417-KL', 'M-AB 1234']],
    ['after registration 2024 and SW1A 2AA', []],
  ],
  url: [
    ['https://x.example/reset?token=abc', ['https://x.example/reset?token=abc']],
    ['https://www.google.com/maps?q=53.4808,-2.2426 and https://www.dropbox.com/s/k3j4h5g6f7d8s9a0/r.pdf', ['https://www.google.com/maps?q=53.4808,-2.2426', 'https://www.dropbox.com/s/k3j4h5g6f7d8s9a0/r.pdf']],
    ['https://example.com/iphone15promax', []],
    ['(see https://x.example/u/8f14e45f-ceea-467f-a1b4-2cdb7e4a0b12).', ['https://x.example/u/8f14e45f-ceea-467f-a1b4-2cdb7e4a0b12']],
    ['https://user:pw@x.example/', ['https://user:pw@x.example/']],
    ['https://x.example/help?page=2 and www.example.com/about', []],
  ],
  address: [
    ['10 Downing Street, London', ['10 Downing Street']],
    ['1600 Pennsylvania Ave NW', ['1600 Pennsylvania Ave NW']],
    ['Unter den Linden? no: Hauptstraße 5a', ['Hauptstraße 5a']],
    ['3 bis rue des Lilas', ['3 bis rue des Lilas']],
    ['Prinsengracht 263', ['Prinsengracht 263']],
    ['waited 3 days for 5 items', []],
    ['14 HIGH STREET, KÖNIGSALLEE 92A, VIA DANTE ALIGHIERI 21', ['14 HIGH STREET', 'KÖNIGSALLEE 92A', 'VIA DANTE ALIGHIERI 21']],
    ['Flat 2, 5 Park Road; Calle de Alcalá 45, 3º B; ul. Długa 5', ['Flat 2, 5 Park Road', 'Calle de Alcalá 45, 3º B', 'ul. Długa 5']],
    ['Rose Cottage, Church Lane, Little Snoring NR21 0AX', ['Rose Cottage, Church Lane']],
    ['the Royal Albert Hall, and Spring 2024', []],
  ],
  postcode: [
    ['London SW1A 2AA', ['SW1A 2AA']],
    ['Austin, TX 78701', ['78701']],
    ['Hauptstraße 5, 10115 Berlin', ['10115']],
    ['75002 PARIS', ['75002']],
    ['1015 CJ Amsterdam', ['1015 CJ']],
    ['2000 MB disk, 1999 AD, 12000 Punkte.', []],
    ['Eircode D02 X285, Toronto ON M5S 1M2, NSW 2000, 00-590 Warszawa, 〒150-0002', ['D02 X285', 'M5S 1M2', '2000', '00-590', '150-0002']],
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

describe('linear in the input', () => {
  // Each detector is tried on 40,000 characters built to make a backtracking pattern explode; the test timeout is
  // the bound (a quadratic detector takes minutes here).
  const hostile = ['1 ', '1-', 'a. ', 'Mr A ', 'jane dot ', 'x at y dot ', 'Dear ', 'Kind regards,\n', '12 ', 'A1 ', '(0', '+4', 'Rue ', 'ul. A ', '田中'];
  it.each(hostile)('%j repeated', (unit) => {
    const text = unit.repeat(Math.ceil(40_000 / unit.length));
    const ctx = makeContext({ customerNames: [text.slice(0, 40_000)], publicNames: ['Sam'] });
    for (const kind of Object.keys(DETECTORS) as PiiKind[]) DETECTORS[kind](text, ctx);
    expect(detectText(text, ctx, 'subject').length).toBeGreaterThanOrEqual(0);
  });
});
