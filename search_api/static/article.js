// The article page (/a/{id}): what the archive holds about one article, and how to cite it.
// Everything from the article is set as text (textContent), never as HTML: it is third-party content.
import { fetchPolitely } from "/static/http.js";
import { formatDate, formatNumber, installSwitch, onLanguageChange, t, translate } from "/static/i18n.js";

const LAST_SEARCH_KEY = "ocop-watch.lastSearch";
const $ = (id) => document.getElementById(id);
const articleId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
const api = (path) => `/articles/${encodeURIComponent(articleId)}${path}`;
const searched = new URLSearchParams(location.search).get("q") || ""; // set when opened from a search
let loaded = null; // { article, citation, copies, rawSize }, re-rendered when the language changes

async function getJson(url) {
  const response = await fetchPolitely(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(body.error || response.statusText), { status: response.status });
  return body;
}

async function rawSize() {
  // HEAD: the size of the stored page, or null when this server keeps none (404).
  const response = await fetchPolitely(api("/raw"), { method: "HEAD" });
  return response.ok ? Number(response.headers.get("content-length")) : null;
}

async function storyCopies(article) {
  if (!article.story_id) return [];
  const params = new URLSearchParams({ story: article.story_id, size: "100", sort: "oldest" });
  const body = await getJson("/search?" + params.toString());
  return body.hits.filter((hit) => hit.id !== article.id);
}

function addFact(list, label, value) {
  if (value === null || value === undefined || value === "") return;
  const dt = document.createElement("dt");
  dt.textContent = label;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

const listOrNone = (values) => (values.length ? values.join(", ") : t("ocop.none"));

function renderArticle(article, marked) {
  document.title = `${article.title} — ocop-watch`;
  if (marked) $("article-title").innerHTML = marked.title; // server-escaped, <mark> only
  else $("article-title").textContent = article.title;
  const byline = article.authors.join(", ") || article.source_agency || "";
  $("byline").textContent = byline;
  $("byline").hidden = !byline;
  const facts = $("article-facts");
  facts.replaceChildren();
  const named = article.outlet && !article.outlet.includes(article.site);
  addFact(facts, t("article.outlet"), named ? `${article.outlet} (${article.site})` : article.outlet || article.site);
  addFact(facts, t("article.published"), formatDate(article.published));
  if (article.modified) addFact(facts, t("article.modified"), formatDate(article.modified));
  addFact(facts, t("article.crawled"), formatDate(article.crawled));
  addFact(facts, t("article.section"), article.section);
  const original = $("original");
  original.href = article.url;
  original.hidden = false;
  const body = $("article-body");
  body.replaceChildren();
  const paragraphs = (article.text || "").split("\n\n");
  paragraphs.forEach((text, i) => {
    if (!text.trim()) return;
    const p = document.createElement("p");
    if (marked) p.innerHTML = marked.paragraphs[i]; // server-escaped, <mark> only
    else p.textContent = text;
    body.append(p);
  });
  if (!body.children.length) {
    const p = document.createElement("p");
    p.textContent = t("article.noText");
    body.append(p);
  }
}

function renderOcop(article) {
  const facts = $("ocop-facts");
  facts.replaceChildren();
  const answer = t(article.is_ocop ? "ocop.yes" : "ocop.no");
  const score = article.ocop_score.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 2 });
  addFact(facts, t("ocop.relevance"), t("ocop.relevanceValue", { answer, score }));
  addFact(facts, t("ocop.provincesOld"), listOrNone(article.provinces));
  addFact(facts, t("ocop.provincesNew"), listOrNone(article.provinces_2025));
  addFact(facts, t("ocop.stars"), article.stars.length ? article.stars.map((s) => t("stars.value", { n: s })).join(", ") : t("ocop.none"));
  addFact(facts, t("ocop.groups"), listOrNone(article.product_groups));
  const claims = $("claims");
  claims.replaceChildren();
  for (const claim of article.ocop_claims) {
    const item = document.createElement("li");
    const parts = [t("ocop.claim", { count: formatNumber(claim.count) })];
    if (claim.stars) parts.push(t("stars.value", { n: claim.stars }));
    if (claim.place) parts.push(claim.place);
    item.append(parts.join(" · "));
    if (claim.sentence) {
      const quote = document.createElement("q");
      quote.textContent = claim.sentence;
      item.append(document.createElement("br"), quote);
    }
    claims.append(item);
  }
  if (!article.ocop_claims.length) {
    const item = document.createElement("li");
    item.textContent = t("ocop.noClaims");
    claims.append(item);
  }
}

function renderCopies(copies) {
  const list = $("copies-list");
  list.replaceChildren();
  for (const hit of copies) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `/a/${encodeURIComponent(hit.id)}`;
    link.textContent = hit.title;
    item.append(link, ` — ${hit.outlet || hit.site}, ${formatDate(hit.published_at)}`);
    list.append(item);
  }
  if (!copies.length) {
    const item = document.createElement("li");
    item.textContent = t("copies.none");
    list.append(item);
  }
}

function renderCitation(citation) {
  $("cite-plain").textContent = citation.plain[document.documentElement.lang] || citation.plain.vi;
  $("cite-bibtex").textContent = citation.bibtex;
  $("cite-note").textContent = t("cite.note", { date: formatDate(citation.accessed + "T12:00:00+07:00") });
}

function renderRaw(size) {
  const box = $("raw-body");
  box.replaceChildren();
  if (size === null) {
    box.textContent = t("raw.missing");
    return;
  }
  const link = document.createElement("a");
  link.id = "raw-download";
  link.href = api("/raw");
  link.download = "";
  const kib = Math.max(1, Math.round(size / 1024));
  link.textContent = t("raw.download", { size: `${formatNumber(kib)} KiB` });
  const note = document.createElement("span");
  note.className = "note";
  note.textContent = " " + t("raw.note");
  box.append(link, document.createElement("br"), note);
}

function render() {
  if (!loaded) return;
  renderArticle(loaded.article, loaded.marked);
  renderOcop(loaded.article);
  renderCopies(loaded.copies);
  renderCitation(loaded.citation);
  renderRaw(loaded.rawSize);
  $("side").hidden = false;
}

async function copy(id, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText($(id).textContent);
    copied = true;
  } catch {
    // no clipboard here (it needs https or localhost): select the text for Ctrl+C instead
    const range = document.createRange();
    range.selectNodeContents($(id));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
  const said = t(copied ? "cite.copied" : "cite.selected");
  $("cite-status").textContent = said;
  button.textContent = said;
  setTimeout(() => { button.textContent = t("cite.copy"); }, 2500);
}

async function load() {
  $("article-title").removeAttribute("data-i18n"); // from now on it shows the article's title or an error
  $("q").value = searched;
  const back = sessionStorage.getItem(LAST_SEARCH_KEY);
  if (back) $("back").href = "/" + back;
  try {
    const [article, citation, marked] = await Promise.all([
      getJson(api("")),
      getJson(api("/citation")),
      searched ? getJson(api("/highlight?" + new URLSearchParams({ q: searched }))).catch(() => null) : null,
    ]);
    const [copies, size] = await Promise.all([storyCopies(article).catch(() => []), rawSize()]);
    loaded = { article, citation, copies, rawSize: size, marked };
    render();
  } catch (error) {
    document.title = "ocop-watch";
    $("article-title").textContent = error.status === 404 ? t("article.notFound") : t("results.error", { message: error.message });
  }
}

for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", () => copy(button.dataset.copy, button));
}
installSwitch($("lang-switch"));
onLanguageChange(render);
translate();
load();
