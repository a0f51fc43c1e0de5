// Word lists for recognising people's names: titles, particles, words that are also names, nicknames, and the
// words that make a sender's display name an organisation or a robot rather than a person.

/** Titles are not part of the name to look for. */
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'herr', 'frau', 'm', 'mme', 'mlle', 'dhr', 'mevr', 'mevrouw', 'meneer', 'monsieur', 'madame']);
/** Placeholders exports put where a name would be ("Customer 1234", "Anonymous"): never looked for in the text. */
export const GENERIC = new Set(['customer', 'client', 'kunde', 'kundin', 'klant', 'guest', 'gast', 'invité', 'anonymous', 'anonym', 'anonyme', 'anoniem', 'user', 'member', 'buyer', 'reviewer', 'visitor', 'unknown', 'none', 'null', 'support', 'team', 'admin', 'staff', 'agent', 'system', 'requester', 'contact', 'consumer', 'shopper', 'n/a', 'na', 'test']);
/** Surname particles: part of a surname, never a name on their own. */
export const PARTICLES = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'von', 'zu', 'vom', 'ten', 'ter', 'te', 'op', "'t", 'het', 'al', 'el', 'bin', 'ibn', 'y', 'e']);
/**
 * First names and surnames that are also everyday words (or months). They count as the customer's name only when
 * written with a capital, not at the start of a sentence unless clearly addressed, and never next to a number.
 */
export const EVERYDAY = new Set([
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
export const MONTHS = new Set(['may', 'june', 'april', 'august']);
export const BEFORE_MONTH = /(?:^|[^\p{L}])(?:in|since|until|till|by|last|next|this|early|late|mid|of|from|during|before|after|end|through|im|seit|bis|ab|en|depuis|fin|début|sinds|tot|eind|begin)\s+$/iu;
/** Common short forms of given names: a customer called David signs as Dave. */
export const NICKNAMES: Record<string, readonly string[]> = {
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
/**
 * Words that make a display name an organisation or a robot ("Mail Delivery System", "Customer Service",
 * "Amazon.co.uk"): such a "customer name" is not looked for in the text, or "mail" would be removed everywhere.
 */
export const ORG_WORDS = new Set([
  'system', 'systems', 'delivery', 'daemon', 'mailer', 'mailer-daemon', 'postmaster', 'noreply', 'no-reply', 'donotreply', 'service', 'services',
  'support', 'team', 'notification', 'notifications', 'alert', 'alerts', 'info', 'admin', 'administrator', 'sales', 'billing',
  'helpdesk', 'desk', 'department', 'dept', 'ltd', 'limited', 'inc', 'llc', 'plc', 'gmbh', 'ag', 'sarl', 'bv', 'nv', 'srl', 'spa', 'corp',
  'corporation', 'company', 'shop', 'store', 'online', 'official', 'newsletter', 'news', 'marketing', 'accounts', 'reply', 'automated', 'robot', 'bot',
  'feedback', 'reviews', 'review', 'kundenservice', 'kundendienst', 'service-client', 'klantenservice', 'atención', 'assistenza', 'obsługa',
]);
