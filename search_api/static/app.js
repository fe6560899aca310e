// The journalists' search page: plain JavaScript over /search, no build step.
// State lives in the URL query string so a search can be bookmarked and shared.
import { fetchPolitely } from "/static/http.js";
import { formatDate, formatNumber, installSwitch, lang, onLanguageChange, t, translate } from "/static/i18n.js";

// The facets come from the API (GET /facets: name, label, kind, counted), in the order to show
// them, so a facet added in indexer/facets.py appears here without an edit: multi-valued ("terms")
// facets are carried in the URL, and the counted ones are drawn ("story", the near-duplicates of
// one story, is set by a hit's link and never drawn; the one boolean facet, is_ocop, is the
// "only OCOP" box).
let facets = [];
const filterNames = () => facets.filter((f) => f.kind === "terms").map((f) => f.name);
const drawnFacets = () => facets.filter((f) => f.kind === "terms" && f.counted).map((f) => f.name);
const PAGE_SIZE = 20;
const LAST_SEARCH_KEY = "ocop-watch.lastSearch"; // the article page's "back to search" link

const $ = (id) => document.getElementById(id);
let shown = null; // { state, data } of the last answer, to re-render when the language changes
let focusAfterRender = null; // what keyboard focus returns to once the page is re-rendered
let latestRun = 0; // answers to superseded searches (quick clicks) are dropped, not rendered

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    sort: params.get("sort") || "",
    page: Number(params.get("page") || "1"),
    onlyOcop: params.get("is_ocop") !== "any",
    collapse: params.get("collapse") !== "none", // one hit per story unless switched off
    filters: Object.fromEntries(filterNames().map((f) => [f, params.getAll(f)])),
  };
}

function toParams(state, forApi) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (forApi) {
    if (state.onlyOcop) params.set("is_ocop", "true");
    if (state.collapse) params.set("collapse", "story");
    params.set("size", String(PAGE_SIZE));
  } else {
    if (!state.onlyOcop) params.set("is_ocop", "any");
    if (!state.collapse) params.set("collapse", "none");
  }
  for (const [name, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(name, value);
  }
  return params;
}

function navigate(state, focus = null) {
  focusAfterRender = focus;
  history.pushState(null, "", "?" + toParams(state, false).toString());
  run();
}

// Choices that differ from a fresh page: selected facet values, dates, and "all articles" instead of OCOP only.
function activeFilterCount(state) {
  const values = Object.values(state.filters).reduce((n, list) => n + list.length, 0);
  return values + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.onlyOcop ? 0 : 1);
}

// Vietnamese labels come from the API (GET /facets), their translations from i18n.js; a facet
// without a translation yet keeps its Vietnamese label.
function facetLabel(name) {
  const label = facets.find((f) => f.name === name)?.label || name;
  const translated = t(`facet.${name}`);
  return lang() === "vi" || translated === `facet.${name}` ? label : translated;
}

function renderFilterButton(state) {
  const count = activeFilterCount(state);
  const badge = $("filters-count");
  badge.hidden = count === 0;
  badge.textContent = String(count);
  $("filters-count-text").textContent = count ? t("filters.active", { n: count }) : "";
  $("filters-clear").hidden = count === 0;
}

function renderFacets(state, facets) {
  const box = $("facets");
  box.replaceChildren();
  for (const name of drawnFacets()) {
    const buckets = facets[name] || [];
    if (!buckets.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = "facet";
    fieldset.dataset.facet = name;
    const legend = document.createElement("legend");
    legend.textContent = facetLabel(name);
    fieldset.append(legend);
    for (const bucket of buckets) {
      const label = document.createElement("label");
      label.className = "check";
      const input = document.createElement("input");
      input.type = "checkbox";
      input.value = bucket.value;
      input.checked = bucket.selected;
      input.addEventListener("change", () => {
        const values = new Set(state.filters[name]);
        if (input.checked) values.add(bucket.value); else values.delete(bucket.value);
        const focus = `#facets [data-facet="${name}"] input[value="${CSS.escape(bucket.value)}"]`;
        navigate({ ...state, page: 1, filters: { ...state.filters, [name]: [...values] } }, focus);
      });
      const text = document.createElement("span");
      text.textContent = bucketText(name, bucket);
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = formatNumber(bucket.count);
      label.append(input, " ", text, " ", count);
      fieldset.append(label);
    }
    box.append(fieldset);
  }
}

// Outlets by name (the API labels site keys), stars and outlet kinds in the page's language.
function bucketText(name, bucket) {
  if (name === "stars") return t("stars.value", { n: bucket.value });
  if (name === "outlet_kind") {
    const named = t(`kind.${bucket.value}`);
    return named.startsWith("kind.") ? bucket.value : named;
  }
  return bucket.label || bucket.value;
}

const MAX_MONTH_BARS = 120; // beyond ten years of months, one bar per year stays readable on a phone

// The API lists only periods with articles; a timeline must show the empty ones too, or two bars
// years apart would stand side by side. Long month series are summed into years.
function continuousTimeline(histogram, interval) {
  if (!histogram.length || interval === "day") return { buckets: histogram, interval };
  const counts = new Map(histogram.map((b) => [b.value, b.count]));
  const [firstYear, firstMonth] = histogram[0].value.split("-").map(Number);
  const [lastYear, lastMonth] = histogram[histogram.length - 1].value.split("-").map(Number);
  const years = [];
  for (let year = firstYear; year <= lastYear; year++) years.push(year);
  if (interval === "year") {
    return { buckets: years.map((y) => ({ value: String(y), count: counts.get(String(y)) || 0 })), interval };
  }
  const months = [];
  let [y, m] = [firstYear, firstMonth];
  while (y < lastYear || (y === lastYear && m <= lastMonth)) {
    const value = `${y}-${String(m).padStart(2, "0")}`;
    months.push({ value, count: counts.get(value) || 0 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  if (months.length <= MAX_MONTH_BARS) return { buckets: months, interval };
  const byYear = years.map((y) => ({ value: String(y), count: 0 }));
  for (const month of months) byYear[Number(month.value.slice(0, 4)) - firstYear].count += month.count;
  return { buckets: byYear, interval: "year" };
}

function renderTimeline(state, data) {
  // One bar per period; choosing a bar narrows the search to that period. The bars are one tab stop:
  // arrow keys move between them (a roving tabindex), so the timeline costs a keyboard user one Tab.
  const { buckets: histogram, interval } = continuousTimeline(data.histogram, data.interval);
  const box = $("timeline");
  box.replaceChildren();
  $("timeline-box").hidden = histogram.length === 0;
  if (!histogram.length) return;
  const unit = t(`unit.${interval}`);
  box.setAttribute("aria-label", t("timeline.label", { unit }));
  const max = Math.max(1, ...histogram.map((b) => b.count));
  const bars = histogram.map((bucket, i) => {
    const bar = document.createElement("button");
    bar.type = "button";
    const range = periodRange(bucket.value);
    const chosen = (state.from || state.to) && range.to >= (state.from || "0") && range.from <= (state.to || "9");
    bar.className = chosen ? "bar chosen" : "bar";
    bar.title = t("timeline.bar", { period: bucket.value, n: formatNumber(bucket.count) });
    bar.setAttribute("aria-label", bar.title);
    bar.style.height = `${Math.max(2, Math.round((bucket.count / max) * 60))}px`;
    bar.tabIndex = i === histogram.length - 1 ? 0 : -1;
    bar.addEventListener("click", () => navigate({ ...state, page: 1, ...range }, "#results"));
    return bar;
  });
  box.append(...bars);
  $("timeline-range").textContent = t("timeline.caption", {
    first: histogram[0].value, last: histogram[histogram.length - 1].value, unit, max: formatNumber(max),
  });
}

function moveAlongTimeline(event) {
  const bars = [...$("timeline").querySelectorAll(".bar")];
  const at = bars.indexOf(document.activeElement);
  const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1 }[event.key];
  if (at < 0 || to === undefined || to < 0 || to >= bars.length) return;
  event.preventDefault();
  bars[at].tabIndex = -1;
  bars[to].tabIndex = 0;
  bars[to].focus();
}

function periodRange(key) {
  // "2024" | "2024-03" | "2024-03-05" -> first and last day of that period
  const [year, month, day] = key.split("-").map(Number);
  if (day) return { from: key, to: key };
  const pad = (n) => String(n).padStart(2, "0");
  if (month) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
  }
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function storyLink(hit) {
  // Every article of the hit's story, whatever the other filters: the count shown is the whole story.
  const state = {
    q: "", from: "", to: "", sort: "", page: 1, onlyOcop: false, collapse: false, filters: { story: [hit.story_id] },
  };
  const link = document.createElement("a");
  link.className = "story";
  link.href = "?" + toParams(state, false).toString();
  link.textContent = t("results.story", { n: formatNumber(hit.story_size) });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigate(state, "#results");
  });
  return link;
}

function renderResults(state, data) {
  const list = $("results");
  list.replaceChildren();
  if (!data.hits.length) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = t("results.none");
    list.append(empty);
    return;
  }
  for (const hit of data.hits) {
    const item = document.createElement("li");
    item.className = "hit";
    const heading = document.createElement("h3");
    const title = document.createElement("a");
    title.className = "title";
    // the article page marks the search's words in the whole text
    title.href = `/a/${encodeURIComponent(hit.id)}` + (state.q ? "?" + new URLSearchParams({ q: state.q }) : "");
    title.innerHTML = hit.title_highlighted || hit.title; // server-escaped, <mark> only
    heading.append(title);
    const meta = document.createElement("p");
    meta.className = "meta";
    const extras = [];
    if (hit.stars.length) extras.push(hit.stars.map((s) => t("stars.value", { n: s })).join(", "));
    if (hit.provinces_2025.length) extras.push(hit.provinces_2025.join(", "));
    meta.textContent = [hit.outlet || hit.site, formatDate(hit.published_at), ...extras].join(" · ");
    const snippet = document.createElement("p");
    snippet.className = "snippet";
    snippet.innerHTML = hit.snippet; // server-escaped, <mark> only
    const links = document.createElement("p");
    links.className = "links";
    const original = document.createElement("a");
    original.href = hit.url;
    original.rel = "noopener noreferrer";
    original.target = "_blank";
    original.textContent = t("results.original") + " ↗";
    original.setAttribute("aria-label", t("results.originalLabel", { outlet: hit.outlet || hit.site }));
    links.append(original);
    if (hit.story_size > 1 && hit.story_id) links.append(storyLink(hit));
    item.append(heading, meta, snippet, links);
    if (hit.copies && hit.copies.length > 1) item.append(renderCopies(hit));
    list.append(item);
  }
}

// A collapsed hit's story: who published it first (the original) and every republication.
function renderCopies(hit) {
  const box = document.createElement("div");
  box.className = "copies";
  const [first] = hit.copies;
  const origin = document.createElement("p");
  origin.className = "origin";
  const when = formatDate(first.published_at);
  const agency = first.source_agency ? ` (${t("story.credits", { agency: first.source_agency })})` : "";
  origin.textContent = first.id === hit.id
    ? t("story.thisFirst", { n: formatNumber(hit.copies.length - 1) })
    : t("story.firstBy", { outlet: first.outlet || first.site, when }) + agency;
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = t("story.copies", { n: formatNumber(hit.story_size) });
  const list = document.createElement("ol");
  for (const copy of hit.copies) {
    const row = document.createElement("li");
    const link = document.createElement("a");
    link.href = copy.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    link.textContent = copy.outlet || copy.site;
    const credit = copy.source_agency ? ` · ${t("story.credits", { agency: copy.source_agency })}` : "";
    row.append(link, ` · ${formatDate(copy.published_at)}${credit}`);
    if (copy.id === first.id) row.append(` · ${t("story.original")}`);
    list.append(row);
  }
  details.append(summary, list);
  box.append(origin, details);
  return box;
}

function renderPager(state, data) {
  const nav = $("pager");
  nav.replaceChildren();
  const total = data.total_stories ?? data.total; // collapsed pages count stories
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  if (pages <= 1) return;
  const add = (text, page, label) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", label);
    if (page === state.page) button.setAttribute("aria-current", "page");
    button.disabled = page === state.page || page < 1 || page > pages;
    button.addEventListener("click", () => navigate({ ...state, page }, "#results"));
    nav.append(button);
  };
  add(t("pager.previous"), state.page - 1, t("pager.previousLabel"));
  const first = Math.max(1, state.page - 3);
  for (let page = first; page <= Math.min(pages, first + 6); page++) {
    add(formatNumber(page), page, t("pager.page", { n: formatNumber(page) }));
  }
  add(t("pager.next"), state.page + 1, t("pager.nextLabel"));
}

// What the search did with the words: the accented reading it ranked first (a link that searches
// it), the relaxation to any of the words (most first), the synonyms and merged provinces it also found.
function renderQueryNotes(state, data) {
  const notes = [];
  if (data.did_you_mean) {
    const p = document.createElement("p");
    p.className = "did-you-mean";
    const link = document.createElement("a");
    link.href = "?" + new URLSearchParams({ q: data.did_you_mean }).toString();
    link.textContent = data.did_you_mean;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      navigate({ ...state, q: data.did_you_mean, page: 1 });
    });
    p.append(t("query.didYouMean") + " ", link);
    notes.push(p);
  }
  if (data.relaxed) {
    const p = document.createElement("p");
    p.className = "relaxed";
    p.textContent = t("query.relaxed", {
      strict: formatNumber(data.relaxed.strict_total),
      words: formatNumber(data.relaxed.words),
    });
    notes.push(p);
  }
  if (data.expanded && data.expanded.length) {
    const p = document.createElement("p");
    p.className = "expanded";
    p.textContent = t("query.expanded", { list: data.expanded.join("; ") });
    notes.push(p);
  }
  $("query-notes").replaceChildren(...notes);
}

// The characteristic words of the result set (GET /terms), asked after the hits are shown: they
// read a sample of the articles and take longer than the search itself.
let terms = null;

function namedItem(text) {
  const item = document.createElement("li");
  item.textContent = text;
  return item;
}

function renderTerms() {
  const panel = $("terms-panel");
  if (!terms) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  $("terms-sample").textContent = terms.sample.sampled
    ? t("terms.sample", { n: formatNumber(terms.sample.size), total: formatNumber(terms.sample.of) })
    : "";
  const list = terms.terms.slice(0, 15).map((term) =>
    namedItem(t("terms.item", { term: term.term, n: formatNumber(term.docs), all: formatNumber(term.archive_docs) })));
  $("terms-list").replaceChildren(...(list.length ? list : [namedItem(t("terms.none"))]));
  for (const [id, names] of [["terms-products", terms.products], ["terms-coops", terms.cooperatives]]) {
    $(id).replaceChildren(...names.slice(0, 10).map((n) => namedItem(t("named.item", { name: n.name, n: formatNumber(n.docs) }))));
  }
}

async function loadTerms(apiParams, ticket) {
  terms = null;
  const params = new URLSearchParams(apiParams);
  params.delete("page");
  params.delete("size");
  params.delete("sort");
  try {
    const response = await fetchPolitely("/terms?" + params.toString());
    if (ticket === latestRun && response.ok) terms = await response.json();
  } catch {
    terms = null;
  }
  if (ticket === latestRun) renderTerms();
}

function renderNav(state) {
  const compare = new URLSearchParams();
  if (state.q) compare.append("q", state.q);
  $("nav-compare").href = "/compare" + (state.q ? "?" + compare.toString() : "");
  const province = state.filters.province || [];
  $("nav-ledger").href = "/ledger" + (province.length === 1 ? "?" + new URLSearchParams({ province: province[0] }) : "");
}

function render() {
  if (!shown) return;
  renderTerms();
  const { state, data } = shown;
  $("summary").textContent = data.total_stories == null
    ? t("results.total", { n: formatNumber(data.total) })
    : t("results.stories", { stories: formatNumber(data.total_stories), n: formatNumber(data.total) });
  renderQueryNotes(state, data);
  renderFilterButton(state);
  renderFacets(state, data.facets);
  renderTimeline(state, data);
  renderResults(state, data);
  renderPager(state, data);
}

async function run() {
  const state = readState();
  sessionStorage.setItem(LAST_SEARCH_KEY, location.search);
  $("q").value = state.q;
  $("from").value = state.from;
  $("to").value = state.to;
  $("sort").value = state.sort;
  $("only-ocop").checked = state.onlyOcop;
  $("collapse").checked = state.collapse;
  renderFilterButton(state);
  const apiParams = toParams(state, true);
  const exportParams = new URLSearchParams(apiParams);
  exportParams.delete("page");
  exportParams.delete("size");
  exportParams.set("format", "csv");
  exportParams.delete("collapse");
  $("export-csv").href = "/export?" + exportParams.toString();
  // the same search as an Atom feed: any feed reader becomes an alert for it
  const feedParams = new URLSearchParams(exportParams);
  feedParams.delete("format");
  $("feed-link").href = "/feeds/search.atom?" + feedParams.toString();
  $("feed-alternate").href = $("feed-link").href;
  $("summary").textContent = t("results.searching");
  const ticket = ++latestRun;
  let response, data;
  try {
    response = await fetchPolitely("/search?" + apiParams.toString());
    data = await response.json();
  } catch (error) {
    response = { ok: false, statusText: String(error) };
    data = {};
  }
  if (ticket !== latestRun) return;
  if (!response.ok) {
    shown = null;
    $("summary").textContent = t("results.error", { message: data.error || response.statusText });
    $("query-notes").replaceChildren();
    $("results").replaceChildren();
    $("pager").replaceChildren();
    return;
  }
  shown = { state, data };
  renderNav(state);
  render();
  loadTerms(apiParams, ticket);
  if (focusAfterRender) {
    document.querySelector(focusAfterRender)?.focus();
    focusAfterRender = null;
  }
}

function setFiltersOpen(open) {
  $("filters-toggle").setAttribute("aria-expanded", String(open));
  document.body.classList.toggle("filters-open", open);
}

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  navigate({ ...readState(), q: $("q").value.trim(), page: 1 });
});
for (const id of ["from", "to", "sort"]) {
  $(id).addEventListener("change", () => navigate({ ...readState(), [id]: $(id).value, page: 1 }, `#${id}`));
}
$("only-ocop").addEventListener("change", () =>
  navigate({ ...readState(), onlyOcop: $("only-ocop").checked, page: 1 }, "#only-ocop"));
$("collapse").addEventListener("change", () =>
  navigate({ ...readState(), collapse: $("collapse").checked, page: 1 }, "#collapse"));
$("filters-clear").addEventListener("click", () => {
  const state = readState();
  navigate({ ...state, from: "", to: "", page: 1, onlyOcop: true, filters: {} }, "#filters-toggle");
});
$("filters-toggle").addEventListener("click", () =>
  setFiltersOpen($("filters-toggle").getAttribute("aria-expanded") !== "true"));
$("filters").addEventListener("keydown", (event) => {
  if (event.key === "Escape" && document.body.classList.contains("filters-open")) {
    setFiltersOpen(false);
    $("filters-toggle").focus();
  }
});
$("timeline").addEventListener("keydown", moveAlongTimeline);
window.addEventListener("popstate", run);

installSwitch($("lang-switch"));
onLanguageChange(render);
translate();
fetch("/facets")
  .then((response) => (response.ok ? response.json() : []))
  .then((list) => { facets = list; })
  .catch(() => {})
  .finally(run);
