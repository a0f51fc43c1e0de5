// Search, as a progressive enhancement: the form is hidden until this script runs. It loads the site's own
// Pagefind bundles (one per shard, merged) and shows results as text nodes only: nothing from the index is ever
// parsed as HTML.
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

  const load = async () => {
    if (engine) return engine;
    const pf = await import(new URL(`${bundles[0]}pagefind.js`, root).href);
    await pf.options({ baseUrl: '/', excerptLength: 28 });
    for (const b of bundles.slice(1)) await pf.mergeIndex(new URL(b, root).href);
    engine = pf;
    return pf;
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

  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    if (bundles.length === 0) {
      status.textContent = words('Empty', 'There is nothing to search yet.');
      return;
    }
    status.textContent = words('Searching', 'Searching…');
    try {
      const pf = await load();
      const found = await pf.search(query);
      const top = await Promise.all(found.results.slice(0, 25).map((r) => r.data()));
      if (ticket !== latest) return;
      list.replaceChildren(...top.map((d) => {
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
        li.append(h, meta, excerpt(d.excerpt || ''));
        return li;
      }));
      const n = found.results.length;
      const count = n > 25 ? words('Top', '%n results, the 25 best shown.') : n === 1 ? words('One', '1 result.') : words('Many', '%n results.');
      status.textContent = n === 0 ? words('None', 'Nothing found.') : count.replace('%n', number(n));
    } catch {
      if (ticket === latest) status.textContent = words('Failed', 'Search is not available here (it needs the site to be served over http).');
    }
  };

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
