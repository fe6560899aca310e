// Queries compared over time (GET /timeline): lines in SVG, the same figures as a table, and the CSV.
// State lives in the URL (?q=…&q=…&interval=…&normalize=…) so a comparison can be shared.
import { fetchPolitely } from "/static/http.js";
import { formatNumber, installSwitch, onLanguageChange, t, translate } from "/static/i18n.js";

const $ = (id) => document.getElementById(id);
const COLOURS = ["#0b5d3b", "#b34700", "#0a4a8a", "#8a1a6b", "#5c5c00", "#006d77", "#7a3e00", "#333"];
const MAX_QUERIES = 8;
let shown = null;

function readState() {
  const params = new URLSearchParams(location.search);
  const queries = params.getAll("q");
  return {
    queries: queries.length ? queries : ["", ""],
    interval: params.get("interval") || "month",
    normalize: params.get("normalize") || "count",
    from: params.get("from") || "",
    to: params.get("to") || "",
    onlyOcop: params.get("is_ocop") !== "any",
  };
}

function toParams(state, forApi) {
  const params = new URLSearchParams();
  for (const q of state.queries) if (q.trim()) params.append("q", q.trim());
  params.set("interval", state.interval);
  params.set("normalize", state.normalize);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (forApi && state.onlyOcop) params.set("is_ocop", "true");
  if (!forApi && !state.onlyOcop) params.set("is_ocop", "any");
  return params;
}

function queryRow(value, n) {
  const item = document.createElement("li");
  const label = document.createElement("label");
  const text = document.createElement("span");
  text.className = "visually-hidden";
  text.textContent = t("compare.query", { n });
  const input = document.createElement("input");
  input.type = "search";
  input.className = "query";
  input.value = value;
  label.append(text, input);
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "link-button";
  remove.textContent = "×";
  remove.setAttribute("aria-label", t("compare.remove", { n }));
  remove.addEventListener("click", () => {
    item.remove();
    renumber();
    $("query-list").querySelector("input")?.focus();
  });
  item.append(label, " ", remove);
  return item;
}

function renumber() {
  [...$("query-list").children].forEach((item, i) => {
    item.querySelector(".visually-hidden").textContent = t("compare.query", { n: i + 1 });
    item.querySelector("button").setAttribute("aria-label", t("compare.remove", { n: i + 1 }));
  });
  $("add-query").disabled = $("query-list").children.length >= MAX_QUERIES;
}

function fillForm(state) {
  $("query-list").replaceChildren(...state.queries.map((q, i) => queryRow(q, i + 1)));
  $("interval").value = state.interval;
  $("normalize").value = state.normalize;
  $("from").value = state.from;
  $("to").value = state.to;
  $("only-ocop").checked = state.onlyOcop;
  renumber();
}

function formState() {
  return {
    queries: [...document.querySelectorAll("#query-list .query")].map((input) => input.value),
    interval: $("interval").value,
    normalize: $("normalize").value,
    from: $("from").value,
    to: $("to").value,
    onlyOcop: $("only-ocop").checked,
  };
}

const label = (q) => q || t("compare.all");
const valueOf = (point, normalize) => (normalize === "share" ? point.share : point.count);
const formatValue = (value, normalize) =>
  value === null || value === undefined ? "–" : normalize === "share" ? `${(value * 100).toFixed(1)} %` : formatNumber(value);

function renderChart(data) {
  const svg = $("chart");
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren();
  const [width, height, pad] = [640, 260, 8];
  const values = data.series.flatMap((s) => s.points.map((p) => valueOf(p, data.normalize) ?? 0));
  const max = Math.max(...values, data.normalize === "share" ? 0.01 : 1);
  const n = data.periods.length;
  const x = (i) => pad + (n <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (n - 1));
  const y = (v) => height - pad - ((v ?? 0) / max) * (height - 2 * pad);
  const axis = document.createElementNS(ns, "line");
  for (const [k, v] of Object.entries({ x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, stroke: "#555" })) axis.setAttribute(k, v);
  svg.append(axis);
  data.series.forEach((series, s) => {
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", series.points.map((p, i) => `${x(i)},${y(valueOf(p, data.normalize))}`).join(" "));
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", COLOURS[s % COLOURS.length]);
    line.setAttribute("stroke-width", "2");
    line.setAttribute("stroke-dasharray", s % 2 ? "6 3" : "");
    line.dataset.q = series.q;
    svg.append(line);
  });
  svg.setAttribute("aria-label", t("compare.chart", { queries: data.series.map((s) => label(s.q)).join(", ") }));
  $("legend").replaceChildren(...data.series.map((series, s) => {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = COLOURS[s % COLOURS.length];
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, ` ${label(series.q)} (${formatNumber(series.total)})`);
    return item;
  }));
}

function renderTable(data) {
  $("compare-caption").textContent = t("compare.table", { unit: t(`unit.${data.interval}`) });
  const head = document.createElement("tr");
  const cell = (tag, text, scope) => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (scope) el.scope = scope;
    return el;
  };
  head.append(cell("th", t("compare.period"), "col"));
  if (data.normalize === "share") head.append(cell("th", t("compare.all"), "col"));
  for (const series of data.series) head.append(cell("th", label(series.q), "col"));
  $("compare-table").tHead.replaceChildren(head);
  $("compare-table").tBodies[0].replaceChildren(...data.periods.map((period, i) => {
    const row = document.createElement("tr");
    row.append(cell("th", period.period, "row"));
    if (data.normalize === "share") row.append(cell("td", formatNumber(period.articles)));
    for (const series of data.series) row.append(cell("td", formatValue(valueOf(series.points[i], data.normalize), data.normalize)));
    return row;
  }));
}

function render() {
  if (!shown) return;
  renderChart(shown);
  renderTable(shown);
  $("compare-result").hidden = false;
}

async function run() {
  const state = readState();
  fillForm(state);
  const params = toParams(state, true);
  const csv = new URLSearchParams(params);
  csv.set("format", "csv");
  $("compare-csv").href = "/timeline?" + csv.toString();
  $("compare-status").textContent = t("compare.loading");
  const response = await fetchPolitely("/timeline?" + params.toString());
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    shown = null;
    $("compare-result").hidden = true;
    $("compare-status").textContent = t("results.error", { message: data.error || response.statusText });
    return;
  }
  shown = data;
  $("compare-status").textContent = data.series.map((s) => `${label(s.q)}: ${formatNumber(s.total)}`).join(" · ");
  render();
}

$("add-query").addEventListener("click", () => {
  const list = $("query-list");
  if (list.children.length >= MAX_QUERIES) return;
  list.append(queryRow("", list.children.length + 1));
  renumber();
  list.lastElementChild.querySelector("input").focus();
});
$("compare-form").addEventListener("submit", (event) => {
  event.preventDefault();
  history.pushState(null, "", "?" + toParams(formState(), false).toString());
  run();
});
window.addEventListener("popstate", run);
installSwitch($("lang-switch"));
onLanguageChange(() => { renumber(); render(); });
translate();
run();
