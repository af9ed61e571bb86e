// The verbatim page: search, document view, prior agreed language and cite, over the
// JSON API of `verbatim serve`. Plain JavaScript, no framework.
//
// Safety rule: document text only ever reaches the page as text nodes (el() below);
// nothing from the index goes through innerHTML.
'use strict';

const PAGE_SIZE = 10;
const PER_GROUP = 3;
const FACETS = [
  ['year', 'Year'], ['meeting', 'Meeting'], ['type', 'Document type'],
  ['status', 'Status'], ['country', 'Country'], ['lang', 'Language'],
];
// The chart of a term across meetings: matching units per meeting, year or document type.
const CHARTS = [['meeting', 'meeting'], ['year', 'year'], ['type', 'document type']];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const LANGUAGES = { ar: 'Arabic', en: 'English', es: 'Spanish', fr: 'French', ru: 'Russian', zh: 'Chinese' };

const $ = (id) => document.getElementById(id);

// Builds an element; strings among the children become text nodes, never markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// "2020-09-28" -> "28 September 2020", as UN documents write dates.
function humanDate(iso) {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-');
  if (!m) return y;
  if (!d) return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

// Text with the spans [{start, end}] (byte offsets into its UTF-8, as the API gives
// them) marked; the text's own characters are never read as markup.
function markedNodes(text, spans) {
  const bytes = new TextEncoder().encode(text || '');
  const decode = (from, to) => new TextDecoder().decode(bytes.subarray(from, to));
  const nodes = [];
  let at = 0;
  for (const { start, end } of spans || []) {
    if (start < at || end > bytes.length || end <= start) continue;
    if (start > at) nodes.push(decode(at, start));
    nodes.push(el('mark', {}, decode(start, end)));
    at = end;
  }
  if (at < bytes.length) nodes.push(decode(at, bytes.length));
  return nodes;
}

// Document ids as the indexer makes them (letters of any script); anything else is
// never put in a link.
function docLink(doc, anchor, query) {
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u.test(doc || '')) return null;
  let href = '/doc/' + encodeURIComponent(doc);
  if (query) href += '?q=' + encodeURIComponent(query);
  if (anchor) href += '#' + encodeURIComponent(anchor);
  return href;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new Error((body && body.error) || `the server answered ${response.status}`);
  return body;
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // Without the clipboard API (older browsers): a hidden field and the copy command.
    const field = el('textarea', { class: 'offscreen', readonly: true }, text);
    document.body.append(field);
    field.select();
    document.execCommand('copy');
    field.remove();
  }
  const label = button.textContent;
  button.textContent = 'Copied';
  setTimeout(() => { button.textContent = label; }, 1500);
}

function copyButton(citation, text = 'Copy citation') {
  return el('button', { type: 'button', class: 'copy', 'aria-label': `Copy citation: ${citation}`,
    onclick: (event) => copyText(citation, event.currentTarget) }, text);
}

function showError(target, error) {
  target.replaceChildren(el('span', { class: 'error', role: 'alert' }, error.message || String(error)));
}

// ---- navigation: the URL carries the whole state, so a view can be bookmarked ----

function currentState() {
  const url = new URL(location.href);
  const p = url.searchParams;
  if (url.pathname.startsWith('/doc/'))
    return { view: 'doc', doc: decodeURIComponent(url.pathname.slice(5)), q: p.get('q') || '' };
  return {
    view: ['agreed', 'cite'].includes(p.get('tab')) ? p.get('tab') : 'search',
    q: p.get('q') || '',
    sort: p.get('sort') || 'relevance',
    group: p.get('group') || 'none',
    page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1),
    chart: CHARTS.some(([by]) => by === p.get('chart')) ? p.get('chart') : 'meeting',
    ref: p.get('ref') || '',
    quote: p.get('quote') || '',
  };
}

function searchUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.group && s.group !== 'none') p.set('group', s.group);
  if (s.page && s.page > 1) p.set('page', String(s.page));
  if (s.chart && s.chart !== 'meeting') p.set('chart', s.chart);
  const query = p.toString();
  return '/' + (query ? '?' + query : '');
}

function navigate(url) {
  history.pushState(null, '', url);
  render();
}

// Same-origin links inside the page move without reloading it.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  // (attributes, not properties: an SVG link's href and target are not strings)
  const url = new URL(link.getAttribute('href'), location.href);
  if (url.origin !== location.origin || link.getAttribute('target') || url.pathname.startsWith('/source/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;  // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', render);

function render() {
  const state = currentState();
  for (const view of ['search', 'agreed', 'cite', 'doc']) $('view-' + view).hidden = view !== state.view;
  for (const tab of document.querySelectorAll('.tabs a')) {
    if (tab.dataset.tab === (state.view === 'doc' ? 'search' : state.view)) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  if (state.view === 'search') renderSearch(state);
  else if (state.view === 'doc') renderDocument(state);
  else if (state.view === 'cite') renderCite(state);
  else document.title = 'Prior agreed language – verbatim';
}

// ---- search ----

let searchSerial = 0;

// `field:value`, quoted when the value has spaces or other characters the parser splits on.
function filterTerm(field, value) {
  return /^[\p{L}\p{N}._\/*-]+$/u.test(value) ? `${field}:${value}` : `${field}:"${value.replace(/"/g, '')}"`;
}

function toggleFilter(query, term) {
  if (query.includes(term)) return query.replace(term, '').replace(/\s+/g, ' ').trim();
  return (query.trim() + ' ' + term).trim();
}

async function renderSearch(state) {
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('group').value = state.group;
  $('chart').value = state.chart;
  document.title = state.q ? `${state.q} – verbatim` : 'verbatim';
  const status = $('search-status'), results = $('results'), facets = $('facets'), pager = $('pager');
  if (!state.q.trim()) {
    status.textContent = 'Type a query and press Enter.';
    results.replaceChildren();
    facets.replaceChildren();
    pager.replaceChildren();
    $('timeline').hidden = true;
    return;
  }
  const serial = ++searchSerial;
  status.textContent = 'Searching…';
  const grouped = state.group !== 'none';
  const p = new URLSearchParams({ q: state.q, sort: state.sort, group: state.group, facets: '1', timeline: state.chart,
    limit: String(grouped ? PER_GROUP : PAGE_SIZE), offset: String(grouped ? 0 : (state.page - 1) * PAGE_SIZE) });
  let answer;
  try {
    answer = await api('/api/search?' + p.toString());
  } catch (error) {
    if (serial !== searchSerial) return;
    showError(status, error);
    results.replaceChildren();
    facets.replaceChildren();
    pager.replaceChildren();
    $('timeline').hidden = true;
    return;
  }
  if (serial !== searchSerial) return;  // a newer search is under way
  const total = answer.total;
  const first = answer.offset + 1, last = answer.offset + answer.hits.length;
  status.textContent = total === 0 ? 'No unit matches.'
    : grouped ? `${total} matching ${total === 1 ? 'unit' : 'units'} in ${answer.groups.length} ${answer.groups.length === 1 ? 'group' : 'groups'}`
      : countLine(answer) + (total > answer.hits.length ? ` (showing ${first}–${last})` : '');
  results.replaceChildren(...(grouped ? answer.groups.map((g) => groupNode(g, state)) : answer.hits.map((h) => hitNode(h, state.q))));
  facets.replaceChildren(...facetNodes(answer.facets || {}, state));
  pager.replaceChildren(...(grouped ? [] : pagerNodes(total, state)));
  renderTimeline(answer.timeline, state);
}

// ---- the chart: matching units per meeting, year or document type, in date order ----

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) if (value !== null && value !== undefined) node.setAttribute(key, value);
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function barLabel(by, bar) {
  if (by === 'meeting') return bar.first_date ? bar.first_date.slice(0, 7) : bar.value.slice(0, 10);
  return bar.value;
}

function renderTimeline(timeline, state) {
  const box = $('timeline');
  const bars = (timeline && timeline.bars) || [];
  box.hidden = bars.length === 0;
  if (!bars.length) return;
  const by = timeline.by, what = CHARTS.find(([b]) => b === by)[1];
  $('timeline-title').textContent = `Matching units per ${what}`;
  const bar = (b) => {
    // The server's filter names exactly the bar's units (a meeting by number and body).
    const term = b.filter || null;
    const active = term !== null && state.q.includes(term);
    const units = `${b.count} ${b.count === 1 ? 'unit' : 'units'}`;
    const when = by !== 'year' && b.first_date ? ` (${humanDate(b.first_date)})` : '';
    return { ...b, term, active, units, href: term ? searchUrl({ ...state, q: toggleFilter(state.q, term), page: 1 }) : null,
      describe: `${b.value}${when}: ${units}` + (active ? ', filter in use' : '') };
  };
  const items = bars.map(bar);
  // Plain SVG, scaled to the column: one link per bar, so the keyboard reaches each.
  const W = 720, H = 150, top = 16, base = 118, max = Math.max(...items.map((b) => b.count));
  const step = W / items.length, width = Math.max(2, Math.min(56, step * 0.8));
  const every = Math.max(1, Math.ceil(60 / step));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'group', 'aria-label': `Matching units per ${what}, in date order` },
    svg('line', { x1: 0, x2: W, y1: base + 0.5, y2: base + 0.5, class: 'axis' }),
    items.map((b, i) => {
      const h = Math.max(1, Math.round((base - top) * b.count / max));
      const x = i * step + (step - width) / 2;
      return svg(b.href ? 'a' : 'g', { href: b.href, 'aria-label': b.describe, class: 'bar' + (b.active ? ' active' : ''),
        role: b.href ? null : 'img' },
        svg('title', {}, b.describe),
        svg('rect', { x: x.toFixed(1), y: base - h, width: width.toFixed(1), height: h }),
        step >= 22 ? svg('text', { x: (x + width / 2).toFixed(1), y: base - h - 3, class: 'n' }, String(b.count)) : null,
        i % every === 0 ? svg('text', { x: (x + width / 2).toFixed(1), y: base + 14, class: 'label' }, barLabel(by, b).slice(0, 12)) : null);
    }));
  $('timeline-chart').replaceChildren(chart);
  // The same numbers as a table, for screen readers and for copying.
  $('timeline-table').replaceChildren(
    el('caption', { class: 'visually-hidden' }, `Matching units per ${what}`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, what[0].toUpperCase() + what.slice(1)),
      by !== 'year' ? el('th', { scope: 'col' }, 'First date') : null, el('th', { scope: 'col' }, 'Units'))),
    el('tbody', {}, items.map((b) => el('tr', {},
      el('th', { scope: 'row', dir: 'auto' }, b.href ? el('a', { href: b.href, class: b.active ? 'active' : null }, b.value) : b.value),
      by !== 'year' ? el('td', {}, b.first_date ? humanDate(b.first_date) : 'undated') : null,
      el('td', { class: 'n' }, String(b.count))))));
}

// A unit read by OCR from a scan: its text may differ from the image.
function ocrLabel(unit) {
  return `OCR ${Math.round((unit.ocr_confidence || 0) * 100)} %: check against the scan`;
}

function hitNode(hit, query) {
  const href = docLink(hit.doc, hit.anchor, query);
  const meta = [humanDate(hit.date), hit.meeting, hit.status && `[${hit.status}]`, hit.ocr && `[${ocrLabel(hit)}]`]
    .filter(Boolean).join(' · ');
  return el('article', { class: 'hit' },
    el('h2', { class: 'citation' }, href ? el('a', { href }, hit.citation) : hit.citation),
    el('p', { class: 'meta' }, meta),
    hit.heading ? el('p', { class: 'heading', dir: 'auto' }, hit.heading) : null,
    el('p', { class: 'snippet', dir: 'auto', lang: hit.lang || null }, markedNodes(hit.snippet_text, hit.snippet_highlights)),
    el('div', { class: 'actions' }, copyButton(hit.citation), sourceLink(hit)));
}

// The original file at the unit: the PDF at its page, the text file at its words.
function sourceLink(unit, text) {
  if (!unit.source_url || !unit.source_url.startsWith('/source/')) return null;
  const page = unit.pages ? (unit.pages[0] === unit.pages[1] ? `p. ${unit.pages[0]}` : `pp. ${unit.pages[0]}–${unit.pages[1]}`) : '';
  const label = text || (page ? `Original, ${page}` : 'Original');
  return el('a', { class: 'source', href: unit.source_url, target: '_blank', rel: 'noopener',
    title: `Open the source file${page ? ' at ' + page : ''}` + (unit.source_page ? ` (page ${unit.source_page} of the PDF)` : '') }, label);
}

function groupNode(group, state) {
  const dates = group.first_date && group.last_date && group.first_date !== group.last_date
    ? `${humanDate(group.first_date)} – ${humanDate(group.last_date)}` : humanDate(group.last_date);
  const more = group.count - group.hits.length;
  return el('section', { class: 'group' },
    el('h2', { class: 'group-head' }, group.label, el('span', { class: 'count' }, ` ${group.count} ${group.count === 1 ? 'unit' : 'units'} · ${dates}`)),
    group.hits.map((h) => hitNode(h, state.q)),
    more > 0 ? el('p', { class: 'more' }, `… ${more} more`) : null);
}

function facetNodes(facets, state) {
  const nodes = [];
  const narrow = window.matchMedia('(max-width: 720px)').matches;
  for (const [field, title] of FACETS) {
    const values = facets[field] || [];
    if (!values.length) continue;
    const list = el('ul', {}, values.map(({ value, count, filter }) => {
      // A meeting comes with the filter that names it alone (number and body).
      const term = filter || filterTerm(field, value);
      const active = state.q.includes(term);
      const label = field === 'lang' && LANGUAGES[value] ? `${LANGUAGES[value]} (${value})` : value;
      return el('li', {}, el('a', {
        class: 'facet' + (active ? ' active' : ''),
        href: searchUrl({ ...state, q: toggleFilter(state.q, term), page: 1 }),
        'aria-pressed': active ? 'true' : 'false',
        title: active ? `Remove the filter ${term}` : `Add the filter ${term}`,
      }, el('span', { class: 'value', dir: 'auto' }, label), el('span', { class: 'n' }, String(count))));
    }));
    nodes.push(el('details', { class: 'facet-group', open: true }, el('summary', {}, title), list));
  }
  if (!narrow || !nodes.length) return nodes;
  // A phone: the filters fold into one box above the results, so the hits come first.
  const active = FACETS.filter(([field]) => state.q.includes(field + ':')).length;
  return [el('details', { class: 'filters' }, el('summary', {}, active ? `Filters (${active} in use)` : 'Filters'), nodes)];
}

// An inexact count (a page of hits visits only part of the matches) says what is certain.
function countLine(answer) {
  const n = answer.total_exact === false ? answer.total_at_least : answer.total;
  return `${answer.total_exact === false ? 'at least ' : ''}${n} matching ${n === 1 ? 'unit' : 'units'}`;
}

function pagerNodes(total, state) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return [];
  const link = (page, text, label) => (page === state.page
    ? el('span', { class: 'current', 'aria-current': 'page' }, text)
    : el('a', { href: searchUrl({ ...state, page }), 'aria-label': label || `Page ${page}` }, text));
  const nodes = [];
  if (state.page > 1) nodes.push(link(state.page - 1, '← Previous', 'Previous page'));
  const from = Math.max(1, state.page - 3), to = Math.min(pages, state.page + 3);
  if (from > 1) nodes.push(link(1, '1'), from > 2 ? el('span', { class: 'gap' }, '…') : null);
  for (let i = from; i <= to; ++i) nodes.push(link(i, String(i)));
  if (to < pages) nodes.push(to < pages - 1 ? el('span', { class: 'gap' }, '…') : null, link(pages, String(pages)));
  if (state.page < pages) nodes.push(link(state.page + 1, 'Next →', 'Next page'));
  return nodes.filter(Boolean);
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(searchUrl({ q: $('q').value.trim(), sort: $('sort').value, group: $('group').value, chart: $('chart').value, page: 1 }));
});
for (const id of ['sort', 'group', 'chart']) {
  $(id).addEventListener('change', () => {
    const state = currentState();
    navigate(searchUrl({ ...state, q: $('q').value.trim(), sort: $('sort').value, group: $('group').value, chart: $('chart').value, page: 1 }));
  });
}

// ---- the document view ----

let docSerial = 0, citeSerial = 0;

async function renderDocument(state) {
  const serial = ++docSerial;
  const head = $('doc-head'), units = $('doc-units'), status = $('doc-status');
  $('doc-back').setAttribute('href', state.q ? searchUrl({ q: state.q }) : '/');
  $('doc-back').textContent = state.q ? `← Back to the results for ${state.q}` : '← Back to search';
  head.replaceChildren();
  units.replaceChildren();
  status.textContent = 'Loading…';
  let doc;
  try {
    doc = await api('/api/show?doc=' + encodeURIComponent(state.doc));
  } catch (error) {
    if (serial === docSerial) showError(status, error);
    return;
  }
  if (serial !== docSerial || currentState().view !== 'doc') return;  // a newer view is under way
  status.textContent = '';
  const name = doc.symbol || doc.name || doc.id;
  document.title = `${name} – verbatim`;
  const facts = [humanDate(doc.date), doc.meeting, doc.type, LANGUAGES[doc.lang] || doc.lang, doc.place].filter(Boolean);
  // (append() would write a null as the text "null")
  head.append(...[
    el('h1', { dir: 'auto' }, name),
    doc.title && doc.title !== name ? el('p', { class: 'doc-title', dir: 'auto' }, doc.title) : null,
    el('p', { class: 'meta' }, facts.join(' · ')),
    el('p', { class: 'meta' }, `${doc.units.length} ${doc.units.length === 1 ? 'unit' : 'units'}`),
  ].filter(Boolean));
  const hash = decodeURIComponent(location.hash.slice(1));
  let target = null;
  for (const unit of doc.units) {
    const node = unitNode(unit);
    if (unit.anchor === hash) {
      node.classList.add('target');
      target = node;
    }
    units.append(node);
  }
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

function unitNode(unit) {
  const anchor = unit.anchor || '';
  const isHeading = unit.kind === 'heading';
  const label = isHeading ? null : el('a', { class: 'label', href: '#' + encodeURIComponent(anchor), title: unit.citation }, unit.label || '¶');
  const text = el(isHeading ? 'h2' : 'p', { class: 'text', dir: 'auto', lang: unit.lang || null }, unit.text || unit.label);
  const extra = [];
  if (unit.status) extra.push(el('span', { class: 'badge' }, unit.status));
  if (unit.ocr) extra.push(el('span', { class: 'badge ocr' }, ocrLabel(unit)));
  for (const change of unit.changes || [])
    extra.push(el('span', { class: 'change' }, `${change.action}: ${(change.delegations || []).join(', ')}`));
  const page = unit.pages ? (unit.pages[0] === unit.pages[1] ? `p. ${unit.pages[0]}` : `pp. ${unit.pages[0]}–${unit.pages[1]}`) : null;
  return el('div', { class: `unit kind-${unit.kind}`, id: anchor, tabindex: '-1' },
    label, el('span', { class: 'page' }, sourceLink(unit, page || 'Original') || page), text,
    extra.length ? el('p', { class: 'changes' }, extra) : null,
    isHeading ? null : el('div', { class: 'actions' }, copyButton(unit.citation, 'Copy')));
}

// ---- prior agreed language ----

$('agreed-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('agreed-status'), results = $('agreed-results');
  const draft = $('draft').value;
  if (!draft.trim()) { status.textContent = 'Paste a draft first.'; return; }
  status.textContent = 'Looking for earlier wording…';
  results.replaceChildren();
  try {
    const answer = await api('/api/agreed', { method: 'POST', body: draft, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const matches = answer.matches;
    status.textContent = matches.length ? `${matches.length} earlier ${matches.length === 1 ? 'text shares' : 'texts share'} wording with the draft`
      : 'No earlier text shares wording with this draft.';
    if (matches.length) results.append(el('p', { class: 'legend' }, 'Comparison: ', el('ins', {}, 'only in your draft'), ' · ', el('del', {}, 'only in the earlier text')));
    results.append(...matches.map((m) => reuseNode(m, 'draft')));
  } catch (error) {
    showError(status, error);
  }
});
$('draft').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('agreed-form').requestSubmit();
});

function diffNodes(diff) {
  return (diff || []).map((op) => {
    if (op.op === 'inserted') return el('ins', {}, op.text);
    if (op.op === 'removed') return el('del', {}, op.text);
    return op.text;
  }).flatMap((node, i) => (i ? [' ', node] : [node]));
}

function reuseNode(m, what) {
  const href = docLink(m.doc, m.anchor);
  const share = `covers ${Math.round(m.coverage * 100)}% of the ${what}`;
  return el('article', { class: 'hit' },
    el('h2', { class: 'citation' }, href ? el('a', { href }, m.citation) : m.citation),
    el('p', { class: 'meta' }, [humanDate(m.date), m.status && `[${m.status}]`, share].filter(Boolean).join(' · ')),
    el('p', { class: 'snippet', dir: 'auto' }, m.text),
    m.coverage < 0.999 && m.diff && m.diff.length
      ? el('div', { class: 'diff' }, el('span', { class: 'diff-label' }, 'Comparison'), el('p', { dir: 'auto' }, diffNodes(m.diff)))
      : null,
    m.explanation ? el('p', { class: 'why' }, m.explanation) : null,
    el('div', { class: 'actions' }, copyButton(m.unit_citation || m.citation), sourceLink(m)));
}

// ---- cite: a reference, or a quotation ----

async function renderCite(state) {
  document.title = 'Cite – verbatim';
  $('ref').value = state.ref;
  $('quote').value = state.quote;
  const status = $('cite-status'), results = $('cite-results');
  const serial = ++citeSerial;
  results.replaceChildren();
  status.textContent = '';
  if (!state.ref && !state.quote) return;
  status.textContent = 'Looking up…';
  // An answer is shown only if no newer lookup started meanwhile.
  const current = () => serial === citeSerial && currentState().view === 'cite';
  try {
    if (state.ref) {
      const answer = await api('/api/cite?ref=' + encodeURIComponent(state.ref));
      if (!current()) return;
      status.textContent = `${answer.units.length} ${answer.units.length === 1 ? 'unit' : 'units'}`;
      results.append(...answer.units.map((u) => el('article', { class: 'hit' },
        el('h2', { class: 'citation' }, docLink(u.doc, u.anchor) ? el('a', { href: docLink(u.doc, u.anchor) }, u.citation) : u.citation),
        el('p', { class: 'meta' }, [humanDate(u.date), u.meeting].filter(Boolean).join(' · ')),
        u.heading ? el('p', { class: 'heading', dir: 'auto' }, u.heading) : null,
        el('p', { class: 'snippet', dir: 'auto' }, u.text),
        el('div', { class: 'actions' }, copyButton(u.citation), sourceLink(u)))));
    } else {
      const answer = await api('/api/quote?text=' + encodeURIComponent(state.quote));
      if (!current()) return;
      status.textContent = answer.sources.length ? `${answer.sources.length} possible ${answer.sources.length === 1 ? 'source' : 'sources'}`
        : 'No source found for this quotation.';
      results.append(...answer.sources.map((m) => reuseNode(m, 'quotation')));
    }
  } catch (error) {
    if (current()) showError(status, error);
  }
}

$('ref-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate('/?' + new URLSearchParams({ tab: 'cite', ref: $('ref').value.trim() }).toString());
});
$('quote-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate('/?' + new URLSearchParams({ tab: 'cite', quote: $('quote').value.trim() }).toString());
});
$('quote').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('quote-form').requestSubmit(); }
});

// ---- footer: what the index holds ----

api('/api/stats').then((s) => {
  const dates = s.first_date ? `, ${humanDate(s.first_date)} to ${humanDate(s.last_date)}` : '';
  $('footer').textContent = `${s.documents} documents, ${s.units} citable units${dates}. verbatim`;
}).catch(() => {});

render();
