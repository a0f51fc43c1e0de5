import type { ThreadKind } from '../../shared/model/thread.ts';

// What a conversation is, when the source does not say: complaint, praise, question, suggestion or other. The
// evidence is taken in order of how much it can be trusted: a star rating, then a satisfaction verdict (Zendesk's
// good/bad), then the vendor's own type or tags, and only then the customer's words. Accuracy is measured on the real
// corpus and on a labelled set in test/importers/kind.test.ts.

// Words customers use when something went wrong. Phrases that carry the complaint are preferred: "problem" alone is
// common in praise ("no problem at all").
const COMPLAINT_PATTERNS: readonly RegExp[] = [
  /\b(refund|refunded|chargeback|money back|compensation)\b/i,
  /\b(broken|broke|damaged|defective|faulty|missing|cracked|leaking|leaks|torn|ripped|scratched|dented|stained|mou?ldy|sagging|sags|sagged|peeling|faded|rusted|rusty|wobbly|loose|snapped|shattered|burnt|expired|never (arrived|came|received|showed up))\b/i,
  /\b(wrong (item|size|colou?r|order|product|address|parcel)|arrived (late|too late|damaged|broken)|(still|very|so) late|delayed (again|by)|not as (described|advertised|pictured)|poor(ly)? (quality|made|service|packaged)|fell apart|falling apart|came apart|lost (my|the) (parcel|package|order))\b/i,
  /\b(terrible|awful|horrible|worst|disgusting|appalling|unacceptable|useless|rude|shocking|dreadful|pathetic|ridiculous|scam|rip-?off|ripped off|cowboys)\b/i,
  /\b(disappointed|disappointing|frustrated|frustrating|angry|furious|fed up|upset|annoyed|let down|not happy|unhappy|dissatisfied)\b/i,
  /\b(complain|complaint|complaining|escalate|trading standards|ombudsman|small claims)\b/i,
  /\b(still (waiting|not|no|haven'?t|taking|charging)|no (reply|response|answer) (from|yet)|nobody (replied|answered|got back|has replied)|charged (me )?twice|double charged|overcharged|hidden (fees?|charges?)|never got (one|it|a reply|a call)|hung up|without (any )?(explanation|warning|fixing|reply|notice)|(was|were) promised|has ?n[o']t (updated|arrived|moved)|not applied|would ?n[o']t let me|(got|have been) lost|sold as new|locked (me )?out|(is|was|got|been) locked)\b/i,
  /\b(soaked|wet through|smells?( of)?|smelly|stains?|stained|holes?|tore|torn|tears|shr[au]nk|pilling|crackl(e|es|ing)|noisy|wobbl(e|es|y|ing)|flattened|dip in|came off|fell off|headache|rash|stopped holding|does ?n[o']t (close|fit|fasten|charge)|won'?t (close|fit|fasten))\b/i,
  /\b(doesn'?t work|does not work|didn'?t work|stopped working|not working|won'?t (work|start|charge|turn on|open|close)|keeps (crashing|breaking|failing|disconnecting)|error|fault|problem with|issue with|on fire|having a problem|having trouble|can'?t (log ?in|sign in|access))\b/i,
  /\b(after (only )?(\d+|a few|two|three|six) (days|weeks|months))\b.*\b(broke|stopped|sag|sagging|failed|tore|cracked|worn)\b/i,
];

const PRAISE_PATTERNS: readonly RegExp[] = [
  /\b(love|loved|loving|adore)\b/i,
  /\b(great|excellent|amazing|fantastic|brilliant|brilliantly|wonderful|superb|outstanding|perfect|perfectly|lovely|awesome|beautiful|gorgeous|stunning|impressed|impressive|delighted|thrilled|happy (with|how)|so happy|pleased with|spot on|top notch|first class|even better|well packed|five stars?|5 stars?)\b/i,
  /\b(thank you|thanks so much|many thanks|thanks a lot|grateful|appreciate(d)?|kudos|well done|shout ?out|recommend(ed)?|highly recommend|best (purchase|service|customer service|company))\b/i,
  /\b(fast|quick|speedy|prompt) (delivery|service|response|reply|shipping)\b/i,
];

const SUGGESTION_PATTERNS: readonly RegExp[] = [
  /\b(suggest(ion)?|feature request|would be (nice|great|good|helpful|useful|handy)|it would help if|wish (you|there was|it)|please (add|consider|offer|make)|(could|can) you (add|offer|make|consider|include)|you could (add|offer|make|include)|why not (add|offer)|how about (adding|offering)|consider (adding|offering)|would love (to see|it if|an?)|should (add|offer|have|let)|option to|ability to|in future)\b/i,
  /(^|\s)idea:/i,
];

const QUESTION_PATTERNS: readonly RegExp[] = [
  /\?/,
  /^\s*(how|what|when|where|which|who|why|can|could|do|does|is|are|will|would|should|may)\b/im,
  /\b(wondering|i'?d like to know|please (let me know|advise|confirm|tell me)|any (idea|update|news)|is it possible)\b/i,
];

/** Vendor types and tags that name the kind (Zendesk ticket types, Freshdesk types, common tags). */
const TYPE_WORDS: Record<string, ThreadKind> = {
  problem: 'complaint', incident: 'complaint', complaint: 'complaint', complaints: 'complaint', bug: 'complaint', defect: 'complaint', refund: 'complaint', refunds: 'complaint', damaged: 'complaint', return: 'complaint', returns: 'complaint',
  praise: 'praise', compliment: 'praise', compliments: 'praise', kudos: 'praise', testimonial: 'praise', positive: 'praise', positivefeedback: 'praise',
  question: 'question', questions: 'question', howto: 'question', enquiry: 'question', inquiry: 'question', generalinquiry: 'question', generalenquiry: 'question',
  suggestion: 'suggestion', suggestions: 'suggestion', featurerequest: 'suggestion', idea: 'suggestion', ideas: 'suggestion', feedbacksuggestion: 'suggestion',
};

function wordKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

export function hasComplaintLanguage(text: string): boolean {
  return COMPLAINT_PATTERNS.some((re) => re.test(text));
}

/** What the customer's words say, when nothing more trustworthy does. */
export function kindFromLanguage(text: string): ThreadKind {
  const complaint = COMPLAINT_PATTERNS.filter((re) => re.test(text)).length;
  const praise = PRAISE_PATTERNS.filter((re) => re.test(text)).length;
  // "Not great", "not happy": praise words negated are complaints.
  const negatedPraise = /\b(not|never|hardly|far from|isn'?t|wasn'?t|aren'?t)\s+(very\s+|so\s+|that\s+)?(great|good|happy|impressed|pleased|fast|quick|helpful)\b/i.test(text);
  if (negatedPraise) return 'complaint';
  if (complaint > 0 && complaint >= praise) return 'complaint';
  if (SUGGESTION_PATTERNS.some((re) => re.test(text))) return 'suggestion';
  if (praise > 0) return 'praise';
  if (QUESTION_PATTERNS.some((re) => re.test(text))) return 'question';
  return 'other';
}

export type KindEvidence = {
  rating?: number | null;
  /** Zendesk's good / bad verdict. */
  satisfaction?: string | null;
  /** The vendor's own type for the conversation. */
  vendorType?: string | null;
  tags?: readonly string[];
  subject?: string | null;
  customerText: string;
};

/**
 * The rules from the thread format: a rating decides when there is one (≤ 2 complaint, ≥ 4 praise), then a
 * satisfaction verdict, then the vendor's type or tags, then language. A star rating outranks words because
 * "not broken at all, love it" is praise.
 */
export function inferKind(input: KindEvidence): ThreadKind {
  const { rating } = input;
  if (rating != null && rating <= 2) return 'complaint';
  if (rating != null && rating >= 4) return 'praise';
  const verdict = input.satisfaction?.toLowerCase();
  if (verdict === 'bad') return 'complaint';
  if (verdict === 'good') return 'praise';
  for (const hint of [input.vendorType, ...(input.tags ?? [])]) {
    const kind = hint ? TYPE_WORDS[wordKey(hint)] : undefined;
    if (kind) return kind;
  }
  const text = `${input.subject ?? ''}\n${input.customerText}`;
  const kind = kindFromLanguage(text);
  // A middling rating (3) with no complaint words is not a question just because it asks something.
  return rating != null && kind === 'question' ? 'other' : kind;
}
