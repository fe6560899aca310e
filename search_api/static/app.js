// The journalists' page: plain JavaScript over /search, no build step.
// State lives in the URL query string so a search can be bookmarked and shared.
"use strict";

// The facets come from the API (GET /facets: name, label, kind, counted, value_format), in the
// order to show them, so a facet added in indexer/facets.py appears here without an edit.
// Multi-valued ("terms") facets are carried in the URL; the counted ones are drawn as checkboxes
// ("story", the near-duplicates of one story, is set by a hit's link and never drawn). The one
// boolean facet, is_ocop, is the "Chỉ tin về OCOP" box.
let FACETS = [];
const PAGE_SIZE = 20;

const filterNames = () => FACETS.filter((f) => f.kind === "terms").map((f) => f.name);

const $ = (id) => document.getElementById(id);

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    sort: params.get("sort") || "",
    page: Number(params.get("page") || "1"),
    onlyOcop: params.get("is_ocop") !== "any",
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
    params.set("size", String(PAGE_SIZE));
  } else if (!state.onlyOcop) {
    params.set("is_ocop", "any");
  }
  for (const [name, values] of Object.entries(state.filters)) {
    for (const value of values) params.append(name, value);
  }
  return params;
}

function navigate(state) {
  history.pushState(null, "", "?" + toParams(state, false).toString());
  run();
}

function formatDate(iso) {
  if (!iso) return "không rõ ngày";
  const d = new Date(iso);
  return d.toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
}

function renderFacets(state, facets) {
  const box = $("facets");
  box.replaceChildren();
  for (const facet of FACETS) {
    const name = facet.name;
    const buckets = facets[name] || [];
    if (!facet.counted || facet.kind !== "terms" || !buckets.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = "facet";
    fieldset.dataset.facet = name;
    const legend = document.createElement("legend");
    legend.textContent = facet.label;
    fieldset.append(legend);
    for (const bucket of buckets) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = bucket.value;
      box.checked = bucket.selected;
      box.addEventListener("change", () => {
        const values = new Set(state.filters[name]);
        if (box.checked) values.add(bucket.value); else values.delete(bucket.value);
        navigate({ ...state, page: 1, filters: { ...state.filters, [name]: [...values] } });
      });
      const text = facet.value_format.replace("{value}", bucket.value);
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = bucket.count.toLocaleString("vi-VN");
      label.append(box, " " + text + " ", count);
      fieldset.append(label);
    }
    box.append(fieldset);
  }
}

function renderTimeline(state, histogram) {
  // One bar per period; clicking a bar narrows the search to that period.
  const box = $("timeline");
  box.replaceChildren();
  const max = Math.max(1, ...histogram.map((b) => b.count));
  for (const bucket of histogram) {
    const bar = document.createElement("button");
    bar.className = "bar";
    bar.title = `${bucket.value}: ${bucket.count} bài`;
    bar.setAttribute("aria-label", bar.title);
    bar.style.height = `${Math.max(2, Math.round((bucket.count / max) * 60))}px`;
    bar.addEventListener("click", () => navigate({ ...state, page: 1, ...periodRange(bucket.value) }));
    box.append(bar);
  }
  $("timeline-range").textContent = histogram.length
    ? `${histogram[0].value} – ${histogram[histogram.length - 1].value}` : "";
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
  const state = { q: "", from: "", to: "", sort: "", page: 1, onlyOcop: false, filters: { story: [hit.story_id] } };
  const line = document.createElement("p");
  line.className = "meta story";
  const link = document.createElement("a");
  link.href = "?" + toParams(state, false).toString();
  link.textContent = `${hit.story_size.toLocaleString("vi-VN")} bài cùng nội dung`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    navigate(state);
  });
  line.append(link);
  return line;
}

function renderResults(data) {
  const list = $("results");
  list.replaceChildren();
  for (const hit of data.hits) {
    const item = document.createElement("li");
    item.className = "hit";
    const title = document.createElement("a");
    title.className = "title";
    title.href = hit.url;
    title.innerHTML = hit.title_highlighted || hit.title; // server-escaped, <mark> only
    const meta = document.createElement("p");
    meta.className = "meta";
    const extras = [];
    if (hit.stars.length) extras.push(hit.stars.map((s) => `${s} sao`).join(", "));
    if (hit.provinces_2025.length) extras.push(hit.provinces_2025.join(", "));
    meta.textContent = [hit.outlet || hit.site, formatDate(hit.published_at), ...extras].join(" · ");
    const snippet = document.createElement("p");
    snippet.className = "snippet";
    snippet.innerHTML = hit.snippet; // server-escaped, <mark> only
    item.append(title, meta);
    if (hit.story_size > 1 && hit.story_id) item.append(storyLink(hit));
    item.append(snippet);
    list.append(item);
  }
}

function renderPager(state, data) {
  const nav = $("pager");
  nav.replaceChildren();
  const pages = Math.min(Math.ceil(data.total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  const add = (label, page) => {
    const button = document.createElement("button");
    button.textContent = label;
    button.disabled = page === state.page || page < 1 || page > pages;
    button.addEventListener("click", () => navigate({ ...state, page }));
    nav.append(button);
  };
  if (pages <= 1) return;
  add("‹ Trước", state.page - 1);
  const first = Math.max(1, state.page - 3);
  for (let page = first; page <= Math.min(pages, first + 6); page++) add(String(page), page);
  add("Sau ›", state.page + 1);
}

async function fetchPolitely(url) {
  // A 429 (this address has too many requests in progress) asks to wait Retry-After seconds.
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url);
    if (response.status !== 429 || attempt >= 3) return response;
    const seconds = Number(response.headers.get("Retry-After") || "1");
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

async function run() {
  if (!FACETS.length) FACETS = await (await fetchPolitely("/facets")).json();
  const state = readState();
  $("q").value = state.q;
  $("from").value = state.from;
  $("to").value = state.to;
  $("sort").value = state.sort;
  $("only-ocop").checked = state.onlyOcop;
  const apiParams = toParams(state, true);
  const exportParams = new URLSearchParams(apiParams);
  exportParams.delete("page");
  exportParams.delete("size");
  exportParams.set("format", "csv");
  $("export-csv").href = "/export?" + exportParams.toString();
  $("summary").textContent = "Đang tìm…";
  const response = await fetchPolitely("/search?" + apiParams.toString());
  const data = await response.json();
  if (!response.ok) {
    $("summary").textContent = "Lỗi: " + (data.error || response.statusText);
    $("results").replaceChildren();
    return;
  }
  $("summary").textContent = `${data.total.toLocaleString("vi-VN")} bài viết`;
  renderFacets(state, data.facets);
  renderTimeline(state, data.histogram);
  renderResults(data);
  renderPager(state, data);
}

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  navigate({ ...readState(), q: $("q").value.trim(), page: 1 });
});
for (const id of ["from", "to", "sort"]) {
  $(id).addEventListener("change", () => navigate({ ...readState(), [id]: $(id).value, page: 1 }));
}
$("only-ocop").addEventListener("change", () => navigate({ ...readState(), onlyOcop: $("only-ocop").checked, page: 1 }));
window.addEventListener("popstate", run);
run();
