// Search, as a progressive enhancement: the form is hidden until this script runs. It loads the site's own
// Pagefind bundles (one per shard, each with an index per language, all merged) and shows results as text nodes
// only: nothing from the index is ever parsed as HTML.
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

if (form && input && status && list) {
  const root = new URL(form.dataset.root || './', document.baseURI);
  const bundles = (form.dataset.bundles || '').split(' ').filter(Boolean);
  let engine = null;
  let latest = 0;
  // The page's words come with the form (data-text-*, from the site's locale); the numbers in the site's language.
  const lang = form.dataset.lang || document.documentElement.lang || 'en';
  const words = (name, fallback) => form.dataset[`text${name}`] || fallback;
  const number = (n) => new Intl.NumberFormat(lang).format(n);

  /** The languages a bundle has an index for: Pagefind keeps one per language, each stemmed its own way. */
  const languagesOf = async (b) => {
    const r = await fetch(new URL(`${b}pagefind-entry.json`, root));
    if (!r.ok) throw new Error(`search index ${b}: ${r.status}`);
    return Object.keys((await r.json()).languages || {});
  };

  /**
   * One Pagefind engine per language, over every bundle that has an index in it. A Pagefind worker stems every
   * query with one language's stemmer, so each language loads its own copy of pagefind.js (and so its own worker),
   * and Pagefind chooses an index by the page's lang when an engine is made: that is set for that moment only.
   */
  const engineFor = async (language, paths) => {
    const mod = await import(new URL(`${paths[0]}pagefind.js?language=${encodeURIComponent(language)}`, root).href);
    const html = document.documentElement;
    const was = html.lang;
    html.lang = language;
    let pf;
    try {
      pf = mod.createInstance({ baseUrl: '/', excerptLength: 28 });
    } finally {
      html.lang = was;
    }
    for (const b of paths.slice(1)) await pf.mergeIndex(new URL(b, root).href, { language });
    return pf;
  };

  /** With conversations in more than one language, a filter of its own: each language named in the page's. */
  const languageFilter = (languages) => {
    const box = document.getElementById('search-filters');
    if (!box || languages.length < 2 || document.getElementById('search-filter-language')) return;
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    const div = document.createElement('div');
    div.className = 'search-filter';
    const label = document.createElement('label');
    label.htmlFor = 'search-filter-language';
    label.textContent = words('Language', 'Language');
    const select = document.createElement('select');
    select.id = 'search-filter-language';
    select.name = 'language';
    const any = new Option(words('Any', 'Any'), '');
    select.append(any, ...languages.map((l) => {
      const name = names.of(l) || l;
      return new Option(name.charAt(0).toLocaleUpperCase(lang) + name.slice(1), l);
    }));
    select.addEventListener('change', () => run());
    div.append(label, select);
    box.append(div);
    selects.push(select);
  };

  // A conversation written in another language than the site's is found by its own words' stems ("deliveries" by
  // "delivery" on a German site): every language is searched, and the results merged by score.
  const load = async () => {
    if (engine) return engine;
    const found = await Promise.all(bundles.map(languagesOf));
    const byLanguage = new Map();
    bundles.forEach((b, i) => {
      for (const l of found[i]) byLanguage.set(l, [...(byLanguage.get(l) || []), b]);
    });
    const languages = [...byLanguage.keys()].sort();
    const engines = await Promise.all(languages.map((l) => engineFor(l, byLanguage.get(l))));
    languageFilter(languages);
    engine = {
      search: async (query) => {
        const all = await Promise.all(engines.map((pf) => pf.search(query)));
        return { results: all.flatMap((r, i) => r.results.map((x) => Object.assign(x, { language: languages[i] }))).sort((a, b) => b.score - a.score) };
      },
    };
    return engine;
  };

  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

  /** Pagefind marks matches with <mark>; everything else is shown as plain text. */
  const excerpt = (html) => {
    const p = document.createElement('p');
    p.className = 'search-result-excerpt';
    const parts = html.split(/(<mark>|<\/mark>)/);
    let marked = false;
    for (const part of parts) {
      if (part === '<mark>') { marked = true; continue; }
      if (part === '</mark>') { marked = false; continue; }
      const text = document.createTextNode(decode(part));
      if (marked) {
        const m = document.createElement('mark');
        m.appendChild(text);
        p.appendChild(m);
      } else p.appendChild(text);
    }
    return p;
  };

  const safeUrl = (url) => {
    const u = new URL(String(url).replace(/^\/+/, ''), root);
    return u.origin === root.origin ? u.href : root.href;
  };

  // Filters (kind, status, rating, topic, year) are the page's own selects, matched against each result's meta;
  // results are shown 25 at a time, all of them reachable with "Show more".
  const PAGE = 25;
  const more = document.getElementById('search-more');
  const selects = [...form.querySelectorAll('#search-filters select')];
  let found = [];
  let next = 0;
  let matched = [];

  const chosen = () => selects.filter((s) => s.value).map((s) => [s.name, s.value]);
  const fits = (d, filters) => filters.every(([name, value]) => {
    const m = d.meta || {};
    if (name === 'topic') return String(m.topics || '').split('\n').includes(value);
    if (name === 'year') return String(m.date || '').startsWith(value);
    if (name === 'language') return d.language === value;
    return m[name] === value;
  });

  const item = (d) => {
    const li = document.createElement('li');
    const h = document.createElement('h2');
    h.className = 'card-title';
    const a = document.createElement('a');
    a.href = safeUrl(d.url);
    a.textContent = (d.meta && d.meta.title) || d.url;
    h.appendChild(a);
    const meta = document.createElement('p');
    meta.className = 'search-result-meta';
    meta.textContent = [d.meta && d.meta.kind, d.meta && d.meta.status, d.meta && d.meta.date].filter(Boolean).join(' · ');
    const text = excerpt(d.excerpt || '');
    // What the customer and staff wrote is in the conversation's language (its index's): marked, as on its page.
    if (d.language && d.language !== lang) for (const el of [h, text]) el.lang = d.language;
    li.append(h, meta, text);
    return li;
  };

  /** Reads results' data in batches until 25 more fit the filters (or none are left), and shows them. */
  const showMore = async (ticket) => {
    const filters = chosen();
    const page = [];
    while (page.length < PAGE && next < found.length) {
      const batch = await Promise.all(found.slice(next, next + PAGE).map(async (r) => ({ ...(await r.data()), language: r.language })));
      if (ticket !== latest) return;
      next += batch.length;
      for (const d of batch) if (fits(d, filters)) page.push(d);
    }
    matched.push(...page);
    list.append(...page.map(item));
    const done = next >= found.length;
    const n = matched.length;
    if (n === 0 && done) status.textContent = words('None', 'Nothing found.');
    else if (done) status.textContent = (n === 1 ? words('One', '1 result.') : words('Many', '%n results.')).replace('%n', number(n));
    // Without filters the total is known; with them, only once every result has been read.
    else status.textContent = filters.length === 0 ? words('Shown', '%n results, %s shown.').replace('%n', number(found.length)).replace('%s', number(n)) : words('SoFar', '%n results shown so far; more may match.').replace('%n', number(n));
    if (more) more.hidden = done;
  };

  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      if (more) more.hidden = true;
      return;
    }
    if (bundles.length === 0) {
      status.textContent = words('Empty', 'There is nothing to search yet.');
      return;
    }
    status.textContent = words('Searching', 'Searching…');
    try {
      const pf = await load();
      const result = await pf.search(query);
      if (ticket !== latest) return;
      found = result.results;
      next = 0;
      matched = [];
      list.replaceChildren();
      await showMore(ticket);
    } catch {
      if (ticket === latest) status.textContent = words('Failed', 'Search is not available here (it needs the site to be served over http).');
    }
  };

  for (const s of selects) s.addEventListener('change', () => run());
  if (more) more.addEventListener('click', () => showMore(latest));
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 220);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run();
  }
  form.hidden = false;
}
