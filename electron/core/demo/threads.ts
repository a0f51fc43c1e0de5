import type { ThreadFileRecord } from '../../shared/model/thread.ts';
import type { Random } from './random.ts';

// Sample conversations for Fernhill Outfitters, a fictional outdoor clothing company: complaints (some never
// resolved), praise, questions and suggestions from a help desk, a review site, e-mail and a web form. They carry
// what real ones do: personal data to remove, internal notes that must never be published, Markdown replies.

export const COMPANY = {
  name: 'Fernhill Outfitters Ltd',
  domain: 'fernhill.example',
  url: 'https://www.fernhill.example/',
  address: '4 Tannery Yard, Kendal LA9 4DL',
  postcode: 'LA9 4DL',
};

type Kind = 'complaint' | 'praise' | 'question' | 'suggestion' | 'other';
type Topic = 'delivery' | 'returns' | 'sizing' | 'quality' | 'repairs' | 'service' | 'website' | 'packaging' | 'payment';
type Message = ThreadFileRecord['messages'][number];
type RawMessage = Omit<Message, 'sent_at'> & { sent_at: string };

const FIRST = ['Priya', 'Tom', 'Aisha', 'James', 'Sofia', 'Liam', 'Mei', 'Oliver', 'Fatima', 'Noah', 'Grace', 'Kwame', 'Hannah', 'Mateusz', 'Chloe', 'Ravi', 'Isla', 'Daniel', 'Zara', 'Ewan', 'Lucía', 'Finn', 'Amara', 'Joe', 'Niamh', 'Sanjay', 'Elif', 'Callum', 'Ingrid', 'Marco'];
const LAST = ['Shah', 'Whitaker', 'Okafor', 'Brennan', 'Rossi', 'Campbell', 'Chen', 'Hughes', 'Haddad', 'Evans', 'Lindqvist', 'Mensah', 'Price', 'Kowalski', 'Martin', 'Patel', 'MacLeod', 'Byrne', 'Ahmed', 'Fraser', 'García', 'Murphy', 'Osei', 'Walsh', 'Doherty', 'Iyer', 'Yilmaz', 'Reid', 'Berg', 'Bianchi'];
const TOWNS = ['Leeds', 'Bristol', 'Manchester', 'Edinburgh', 'Cardiff', 'York', 'Norwich', 'Glasgow', 'Sheffield', 'Brighton', 'Belfast', 'Exeter', 'Utrecht', 'Lyon', 'Munich', 'Portland'];
const STAFF = ['Megan (Customer Care)', 'Arjun (Customer Care)', 'Beth (Repairs Team)', 'Ollie (Customer Care)', 'Sara (Returns)'];
const PRODUCTS = ['Skiddaw waterproof jacket', 'Helvellyn down parka', 'Langdale fleece', 'Borrowdale walking boots', 'Wasdale rucksack 35L', 'Coniston merino base layer', 'Eskdale trousers', 'Ullswater rain shell', 'Kentmere insulated gilet', 'Grasmere wool socks'];
const JACKETS = ['Skiddaw waterproof jacket', 'Ullswater rain shell', 'Helvellyn down parka', 'Kentmere insulated gilet'];
const SHELLS = ['Skiddaw waterproof jacket', 'Ullswater rain shell'];
const CLOTHES = ['Skiddaw waterproof jacket', 'Ullswater rain shell', 'Helvellyn down parka', 'Langdale fleece', 'Coniston merino base layer', 'Eskdale trousers', 'Kentmere insulated gilet'];

/**
 * Which products a conversation can be about, from what it says: boots for soles and boot sizes, shells for leaks,
 * seams and rain, the down parka for down, knitwear for pilling, jackets for zips. The first rule that matches wins.
 */
const PRODUCT_RULES: [RegExp, readonly string[]][] = [
  [/boots|\bsole\b|resole/i, ['Borrowdale walking boots']],
  [/\bdown\b/i, ['Helvellyn down parka']],
  [/pill|fleece/i, ['Langdale fleece', 'Coniston merino base layer']],
  [/leak|seam|rain|dry|shell|winter|tear/i, SHELLS],
  [/zip|jacket/i, JACKETS],
  [/sleeve|size chart|medium|colourway|repair|made|price|cheaper/i, CLOTHES],
  [/socks were in the box/i, CLOTHES],
];

/** A product the conversation's text fits, chosen by the one already drawn (the random sequence stays the same). */
function fittingProduct(drawn: string, text: string): string {
  const rule = PRODUCT_RULES.find(([re]) => re.test(text));
  if (!rule) return drawn;
  const fits = rule[1];
  return fits.includes(drawn) ? drawn : fits[PRODUCTS.indexOf(drawn) % fits.length]!;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export type DemoThread = { record: ThreadFileRecord; decision: 'publish' | 'withhold' | 'pending'; reason?: 'privacy-request' | 'legal' | 'abusive' | 'spam' | 'duplicate' | 'off-topic' | 'no-consent' | 'other'; note?: string };

type Ctx = { r: Random; first: string; last: string; name: string; email: string; phone: string; order: string; product: string; town: string; staff: string; day: string };

function fill(text: string, c: Ctx): string {
  return text
    .replace(/\{first\}/g, c.first).replace(/\{name\}/g, c.name).replace(/\{email\}/g, c.email).replace(/\{phone\}/g, c.phone)
    .replace(/\{order\}/g, c.order).replace(/\{product\}/g, c.product).replace(/\{town\}/g, c.town).replace(/\{day\}/g, c.day)
    .replace(/\{staffFirst\}/g, c.staff.split(' ')[0]!);
}

// Each entry: [subject, the customer's opening message, the company's reply, optional follow-up from the customer].
const COMPLAINTS: Record<Topic, [string, string, string?, string?][]> = {
  delivery: [
    ['Order {order} still not delivered', 'I ordered the {product} on {day} with next-day delivery and it still has not arrived. Tracking has said "out for delivery" for three days. Order {order}. Can someone actually tell me where it is?', 'Hi {first},\n\nI am sorry, that is not the next-day delivery you paid for. The courier has confirmed the parcel was mis-sorted at their depot. I have:\n\n1. sent a replacement by tracked express delivery today, and\n2. refunded the delivery charge in full.\n\nYou will get the new tracking link by e-mail within the hour.', 'The replacement came this morning. Thanks for sorting it, but the original parcel never turned up.'],
    ['Parcel left in the rain', 'The courier left my parcel on the doorstep in the rain and the box was soaked through. The {product} inside is fine but the gift box is ruined and it was a present. Not impressed.', 'Hi {first}, I am sorry the parcel was left out in the rain. We have raised it with the courier, and I have sent a new gift box with a handwritten card at no cost. Deliveries to your address will now be marked "do not leave unattended".'],
    ['Charged for express, got standard', 'I paid £6.95 for express delivery and the order took six working days. I would like the delivery charge back.', 'Hi {first}, you are right: the order missed the express cut-off because of a stock transfer, and we should have told you. The £6.95 has been refunded to your original payment method; it can take 3 to 5 days to show.'],
    ['Half my order is missing', 'Order {order} arrived but only the socks were in the box. The {product} is missing, although the packing slip says it was included.', 'Hi {first}, thank you for the photo of the packing slip. The warehouse confirmed the item was missed at packing. The {product} was sent separately today by tracked delivery.'],
  ],
  returns: [
    ['Refund still not received after 3 weeks', 'I returned the {product} over three weeks ago and I still have not had my refund. The return tracking shows you received it on the 4th. This is ridiculous.', 'Hi {first}, I am sorry for the wait. Your return was received but was stuck in a quality check queue that should have taken two days. I have processed the refund now and added a £10 voucher for the delay.', 'Refund arrived. Two weeks late but it is there.'],
    ['Returns label does not work', 'The prepaid returns label in my account will not print, it just shows an error. I have tried three browsers. I need to return the {product} before the 30 days run out.', 'Hi {first}, thanks for telling us: a fault in the returns page affected some accounts this week and it is fixed now. I have also extended your return window by 14 days, so there is no rush.'],
    ['Refused a return on unworn boots', 'You refused my return of the {product} saying they had been worn outside. They were tried on indoors on carpet and nothing else. I want a full refund.', 'Hi {first}, I have looked at the photos from our returns team again. There is mud in the tread, which is why the return was refused. We can offer a repair or a 50% credit as a goodwill gesture, but not a full refund.', 'That is not acceptable. I will be going through my bank.'],
  ],
  sizing: [
    ['Sizes are nothing like the chart', 'I ordered a medium in the {product} based on your size chart and it is enormous. I have had to send it back twice now. Your size chart is wrong.', 'Hi {first}, thank you, this helps. Several customers have said the {product} comes up large, and the product team is re-measuring it. I have sent a small on a free exchange and refunded the return postage.'],
    ['Women\'s sizing for boots', 'Why do the women\'s {product} only go up to size 7? It is 2026.', 'Hi {first}, that is a fair point. Women\'s sizes 8 and 9 are coming in the spring range; I have added you to the notify list for when they are in stock.'],
  ],
  quality: [
    ['Zip broke after two weeks', 'The main zip on my {product} broke after two weeks of normal use. For a jacket at this price I expected it to last years, not weeks.', 'Hi {first}, I am really sorry. That zip should not fail. Our repairs team can replace it free under the guarantee, or we can exchange the jacket. Which would you prefer?', 'A repair please. I would rather not waste a whole jacket.'],
    ['Jacket leaks at the seams', 'My "waterproof" {product} leaks at the shoulder seams in anything more than drizzle. I was soaked on a walk in {town} last weekend.', 'Hi {first}, that is a seam-taping fault and it is covered by our guarantee. Please send it to us with the free label I have e-mailed; if we cannot fix it we will replace it.'],
    ['Sole came off my boots', 'The sole of one of my {product} came away from the upper after about 80 miles. I have owned walking boots for 20 years and never had this happen.', 'Hi {first}, sorry to hear that. We resole boots in-house; I have arranged a free resole and a courier collection for {day}.'],
    ['Pilling after one wash', 'The {product} pilled badly after one wash on a cold cycle, exactly as the label says. It looks years old already.', 'Hi {first}, thank you for the photos. This batch had a fabric fault and we have stopped selling it. A replacement from a new batch is on its way, and you do not need to send the old one back.'],
  ],
  repairs: [
    ['Repair taking months', 'I sent my {product} for repair in early spring and have heard nothing for over two months. Nobody replies to my e-mails.', 'Hi {first}, I am sorry, that is far too long and you should not have had to chase. Your jacket is waiting for a replacement zip from our supplier, due next week. I will e-mail you the day it ships.'],
    ['Repair quote far too high', 'You quoted £45 to fix a small tear in my {product}. That is more than half what it cost.', 'Hi {first}, the quote includes re-taping the seam around the tear so the jacket stays waterproof. A simple patch without re-taping is £15 if you prefer; just reply to this message.'],
  ],
  service: [
    ['Rude response on the phone', 'I called about my order {order} and the person I spoke to was dismissive and hung up on me. I have been a customer for ten years.', 'Hi {first}, I am sorry. That is not how we want anyone to be treated, and I have passed your message to the team lead, who will listen to the call. May I call you back myself to sort out the order?'],
    ['No reply to three e-mails', 'I have e-mailed three times about a faulty {product} and had no reply at all. Is anyone there?', 'Hi {first}, I am sorry, your e-mails went to a mailbox that was not being monitored during a system move. I have your photos now and a replacement is on its way.'],
    ['Chatbot going round in circles', 'Your chat assistant kept sending me the same returns article and there was no way to reach a person. Very frustrating.'],
  ],
  website: [
    ['Checkout keeps failing', 'The checkout fails every time at the payment step with "something went wrong". I have tried two cards.', 'Hi {first}, thanks for letting us know. A payment provider issue affected some card types on {day} and it has been fixed. Your basket is saved if you would like to try again.'],
    ['Cannot delete my account', 'There is no way to delete my account on the website. I want my data removed.', 'Hi {first}, you can ask us to delete your account at any time and we have done so today. We are adding a "delete my account" button to the account page.'],
  ],
  packaging: [
    ['So much plastic in the parcel', 'For a company that talks about sustainability, my {product} came wrapped in three plastic bags inside a box twice the size it needed. Disappointing.', 'Hi {first}, you are right, and that should not happen. Orders from our second warehouse were still being packed with old stock bags; they switched to paper mailers this month.'],
  ],
  payment: [
    ['Charged twice for one order', 'I have been charged twice for order {order}. Both payments have left my account. Please refund the duplicate straight away.', 'Hi {first}, I can see the duplicate payment and have refunded it today. I am sorry for the worry.'],
    ['Discount code not applied', 'My 15% welcome code was accepted at checkout but not taken off the total.', 'Hi {first}, the code was applied to the items but not shown in the total by mistake; I have refunded the 15% difference.'],
  ],
};

const PRAISE: [string, string, string?][] = [
  ['Brilliant repair service', 'Sent my old {product} off for repair expecting to hear nothing for weeks. It came back in ten days looking almost new, with a note explaining what they had done. This is how it should be.', 'Thank you {first}! We will pass this on to Beth and the repairs team, they will be delighted.'],
  ['Warm and dry on the Cuillin', 'Wore the {product} for four days of rain on Skye and stayed completely dry. Worth every penny.', 'That is great to hear, {first}. Thanks for taking the time to tell us.'],
  ['Helpful advice on sizing', 'Asked for help choosing between two sizes and got a really detailed answer within an hour, with actual measurements. The fit is perfect.'],
  ['Quick exchange', 'Exchanged boots for a bigger size and the new pair arrived two days after I posted the old ones. Easy.', 'Glad the new pair fits, {first}. Happy walking!'],
  ['Fantastic customer care', 'My parcel went missing and {staffFirst} sorted out a replacement the same day without any fuss. Really appreciated.', 'Thanks {first}, we are sorry it went missing in the first place.'],
  ['Best fleece I have owned', 'Bought the {product} three winters ago and it is still going strong. Already ordered another in green.'],
  ['Love the paper packaging', 'Nice to see my order arrive in a paper mailer with no plastic at all.', 'Thanks {first}! We switched all orders to paper mailers this year.'],
];

const QUESTIONS: [string, string, string][] = [
  ['Is the {product} suitable for winter?', 'Would the {product} be warm enough for winter walking in the Highlands, or would I need a layer underneath?', 'Hi {first}, for winter in the Highlands we would suggest a base layer and a mid layer underneath; the {product} is a shell and is not insulated. Our [layering guide](https://www.fernhill.example/layering) explains the options.'],
  ['Do you ship to Norway?', 'Do you deliver to Norway, and would I have to pay import charges?', 'Hi {first}, yes, we ship to Norway. Import VAT and duties are charged by the courier on delivery; you can see an estimate at checkout.'],
  ['Care instructions for down', 'How should I wash the {product}? I am worried about ruining the down.', 'Hi {first}, good question:\n\n- wash it on a gentle cycle at 30°C with a down wash (no fabric softener),\n- tumble dry on low with two clean tennis balls,\n- make sure it is *completely* dry before storing.\n\nOr send it to us and we will clean it for £20.'],
  ['Where is this jacket made?', 'Where is the {product} manufactured, and can you tell me about the factory?', 'Hi {first}, it is made by our partner in Porto, Portugal. We publish our full supplier list, with audit summaries, on our website.'],
  ['Price match?', 'I have seen the {product} cheaper at another shop. Do you price match?', 'Hi {first}, we do not price match, but we do offer free repairs for the life of the product, which other shops do not.'],
];

const SUGGESTIONS: [string, string, string?][] = [
  ['Please bring back the green colourway', 'Any chance of bringing back the forest green {product}? The new colours are all very dark.', 'Thanks {first}, we have passed this on to the design team. A green is planned for autumn.'],
  ['Rental scheme for kids\' gear', 'Have you thought about renting out children\'s waterproofs? They outgrow them every year.', 'Great idea, {first}. We are trialling a kids\' rental scheme in two stores next year.'],
  ['Longer sleeves option', 'It would be great to have a "long" fit option in the {product}. The sleeves are always too short for me.'],
  ['Plastic-free socks packaging', 'The socks still come on a plastic hook. Could you switch to a card band?', 'Thanks {first}, the card bands arrive with the next batch.'],
];

const OTHER: [string, string, string?][] = [
  ['Feedback on the Kendal shop', 'Popped into the Kendal shop at the weekend. Staff were friendly but the fitting room was closed.', 'Thanks {first}, the fitting room was being repainted; it is open again.'],
  ['Partnership enquiry', 'I run a walking group in {town} and wondered if you offer group discounts.', 'Hi {first}, yes, clubs and groups get 10% off; I have e-mailed you the details.'],
];

const INTERNAL_NOTES = [
  'Internal: customer has opened four complaints this year; finance approved the refund anyway.',
  'Internal: courier claim raised, reference DPD-99812. Do not mention the claim to the customer.',
  'Internal: escalated to team lead. Possible chargeback, keep all correspondence.',
  'Internal: zip supplier batch 22-B has a known fault; 140 units affected.',
  'Internal: call recording reviewed, the agent was out of line. HR informed.',
  'Internal: goodwill voucher approved by Sam in finance.',
];

/** Personal data customers write into messages, to be found and removed before publication. */
function personalDetails(c: Ctx): string {
  return c.r.pick([
    `You can reach me on ${c.phone} or at ${c.email}.`,
    `My email is ${c.email} if that is easier.`,
    `Call me on ${c.phone} any time after 5pm.`,
    `I paid with my card 4111 1111 1111 1111 so please refund it there.`,
    `If it is easier, refund me by bank transfer to GB82 WEST 1234 5698 7654 32.`,
    `Delivery address is 12 Market Street, ${c.town} LS1 6DT.`,
    `Thanks, ${c.name}`,
  ]);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const START = Date.UTC(2025, 0, 6, 8, 0, 0);
const SPAN_DAYS = 540;

function customerOf(r: Random): Ctx {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  return {
    r, first, last, name: `${first} ${last}`,
    email: `${first.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '')}${r.int(1, 99)}@example.com`,
    phone: `07700 900${String(r.int(100, 999))}`,
    order: `FH-${String(r.int(100000, 999999))}`,
    product: r.pick(PRODUCTS),
    town: r.pick(TOWNS),
    staff: r.pick(STAFF),
    day: r.pick(DAYS),
  };
}

type Conversation = { subject: string; rating: number | null; status: 'open' | 'resolved' | 'unresolved'; topic: Topic | null; messages: RawMessage[] };
type Opening = { c: Ctx; source: string; opened: number; firstReplyDelay: number };

function customerSays(c: Ctx, body: string, at: number): RawMessage {
  return { author: { role: 'customer', name: c.name }, sent_at: iso(at), body };
}

function staffSays(c: Ctx, body: string, at: number, markdown = false): RawMessage {
  return { author: { role: 'staff', name: c.staff }, sent_at: iso(at), body, ...(markdown ? { format: 'markdown' as const } : {}) };
}

function complaint({ c, source, opened, firstReplyDelay }: Opening): Conversation {
  const { r } = c;
  const topic = r.weighted<Topic>({ delivery: 22, returns: 16, quality: 20, sizing: 8, repairs: 8, service: 12, website: 6, packaging: 4, payment: 6 });
  const [subj, open, reply, follow] = r.pick(COMPLAINTS[topic]);
  c.product = fittingProduct(c.product, `${subj} ${open} ${reply ?? ''}`);
  const out: Conversation = { subject: fill(subj, c), rating: null, status: 'resolved', topic, messages: [] };
  let body = fill(open, c);
  if (r.chance(0.55)) body += `\n\n${personalDetails(c)}`;
  out.messages.push(customerSays(c, body, opened));
  if (source === 'trustpilot') out.rating = r.chance(0.7) ? 1 : 2;
  if (!reply || r.chance(0.08)) {
    out.status = r.chance(0.6) ? 'open' : 'unresolved';
    return out;
  }
  out.messages.push(staffSays(c, fill(reply, c), opened + firstReplyDelay, reply.includes('\n\n1.') || reply.includes('\n-')));
  if (follow && r.chance(0.7)) {
    const followAt = opened + firstReplyDelay + r.int(2, 60) * 3600_000;
    out.messages.push(customerSays(c, fill(follow, c), followAt));
    const unhappy = /not acceptable|bank/.test(follow);
    out.status = unhappy ? 'unresolved' : 'resolved';
    if (!unhappy) out.messages.push(staffSays(c, `Thanks for letting us know, ${c.first}. I will close this conversation now; just reply if anything else comes up.`, followAt + r.int(1, 20) * 3600_000));
  } else {
    out.status = r.weighted({ resolved: 70, unresolved: 15, open: 15 });
  }
  return out;
}

/** Praise, questions, suggestions and other feedback: an opening message and, usually, one reply. */
function shortConversation(kind: Exclude<Kind, 'complaint'>, { c, source, opened, firstReplyDelay }: Opening): Conversation {
  const { r } = c;
  const table = kind === 'praise' ? PRAISE : kind === 'question' ? QUESTIONS : kind === 'suggestion' ? SUGGESTIONS : OTHER;
  const [subj, open, reply] = r.pick<[string, string, string?]>(table);
  c.product = fittingProduct(c.product, `${subj} ${open} ${reply ?? ''}`);
  const out: Conversation = { subject: fill(subj, c), rating: null, status: 'resolved', topic: null, messages: [customerSays(c, fill(open, c), opened)] };
  const answer = (markdown = false) => out.messages.push(staffSays(c, fill(reply!, c), opened + firstReplyDelay, markdown));
  if (kind === 'praise') {
    if (source === 'trustpilot' || source === 'web-form') out.rating = r.chance(0.75) ? 5 : 4;
    if (reply && r.chance(0.8)) answer();
  } else if (kind === 'question') {
    if (r.chance(0.92)) answer(reply!.includes('](') || reply!.includes('\n-'));
    else out.status = 'open';
  } else {
    if (kind === 'suggestion' && source === 'trustpilot') out.rating = 3;
    if (reply) answer();
    else out.status = 'open';
  }
  return out;
}

/** What curation decided about the thread (most are published). */
function decisionOf(r: Random): Pick<DemoThread, 'decision' | 'reason' | 'note'> {
  const roll = r.next();
  if (roll < 0.035) return { decision: 'withhold', reason: 'privacy-request', note: 'Customer asked us not to publish.' };
  if (roll < 0.05) return { decision: 'withhold', reason: 'abusive', note: 'Contains threats against a named employee.' };
  if (roll < 0.06) return { decision: 'withhold', reason: 'legal', note: 'Subject of an open small-claims case.' };
  if (roll < 0.075) return { decision: 'withhold', reason: 'duplicate', note: 'Same complaint also received by e-mail.' };
  if (roll < 0.08) return { decision: 'withhold', reason: 'off-topic', note: 'About a different company.' };
  return { decision: roll < 0.13 ? 'pending' : 'publish', reason: undefined, note: undefined };
}

function demoThread(r: Random, i: number): DemoThread {
  const c = customerOf(r);
  const source = r.weighted({ zendesk: 45, trustpilot: 25, email: 20, 'web-form': 10 });
  const kind: Kind = r.weighted({ complaint: 40, praise: 27, question: 18, suggestion: 10, other: 5 });
  // Volume grows over the period, like a real shop's.
  const dayOffset = Math.floor(SPAN_DAYS * Math.sqrt(r.next()));
  const opened = START + dayOffset * 86_400_000 + r.int(0, 10 * 3600) * 1000;
  const firstReplyDelay = (kind === 'complaint' ? r.int(1, 52) : r.int(1, 30)) * 3600_000 + r.int(0, 3599) * 1000;
  const opening = { c, source, opened, firstReplyDelay };
  const { subject, rating, status, topic, messages } = kind === 'complaint' ? complaint(opening) : shortConversation(kind, opening);
  if (r.chance(kind === 'complaint' ? 0.45 : 0.1) && messages.length > 1) {
    const note = messages[1]!;
    messages.splice(2, 0, { author: { role: 'staff', name: c.staff }, sent_at: iso(Date.parse(note.sent_at) + 600_000), body: r.pick(INTERNAL_NOTES), visibility: 'internal' });
  }
  const lastAt = Math.max(...messages.map((m) => Date.parse(m.sent_at)));
  const resolvedAt = status === 'resolved' ? iso(lastAt + r.int(1, 48) * 3600_000) : null;
  const record: ThreadFileRecord = {
    id: `${source === 'zendesk' ? 'ZD' : source === 'trustpilot' ? 'TP' : source === 'email' ? 'EM' : 'WF'}-${String(10000 + i)}`,
    source,
    kind,
    subject,
    rating,
    status,
    channel: source === 'zendesk' ? 'help desk' : source,
    tags: topic ? [topic] : [],
    opened_at: iso(opened),
    resolved_at: resolvedAt,
    customer: { name: c.name, email: c.email, location: `${c.town}` },
    messages: messages.map((m, n) => ({ ...m, id: `m${n + 1}` })),
  };
  return { record, ...decisionOf(r) };
}

/** A few spam messages that never make it to the site, but are counted. */
function spam(r: Random): DemoThread[] {
  return Array.from({ length: 4 }, (_, k) => {
    const at = START + r.int(0, SPAN_DAYS) * 86_400_000;
    return {
      record: {
        id: `WF-${90000 + k}`, source: 'web-form', kind: 'other', subject: 'Cheap SEO services', rating: null, status: 'resolved', tags: [], opened_at: iso(at), resolved_at: iso(at + 3600_000),
        customer: { name: 'SEO Expert' }, messages: [{ id: 'm1', author: { role: 'customer', name: 'SEO Expert' }, sent_at: iso(at), body: 'Get your site to page one of Google! Visit http://spam.example/offer now.' }],
      },
      decision: 'withhold', reason: 'spam', note: 'Advertising.',
    };
  });
}

export function demoThreads(r: Random, count: number): DemoThread[] {
  const out: DemoThread[] = [];
  for (let i = 0; i < count; i++) out.push(demoThread(r, i));
  return [...out, ...spam(r)];
}
