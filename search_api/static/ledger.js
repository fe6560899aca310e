// The claims ledger (GET /claims): the product counts articles state, one table per province and
// month, claims where outlets disagree marked in words (not only in colour), and the CSV.
import { fetchPolitely } from "/static/http.js";
import { formatDate, formatNumber, installSwitch, onLanguageChange, t, translate } from "/static/i18n.js";

const $ = (id) => document.getElementById(id);
const FIELDS = ["province", "stars", "from", "to"];
let shown = null;

function readState() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FIELDS.map((name) => [name, params.get(name) || ""]));
}

function toParams(state) {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (state[name]) params.set(name, state[name]);
  return params;
}

async function loadProvinces(chosen) {
  // The provinces with OCOP coverage in the archive, from the search facets.
  const response = await fetchPolitely("/search?size=0&is_ocop=true&facet_size=100");
  const data = response.ok ? await response.json() : { facets: {} };
  const names = (data.facets.province || []).map((b) => b.value).sort((a, b) => a.localeCompare(b, "vi"));
  if (chosen && !names.includes(chosen)) names.push(chosen);
  const select = $("province");
  select.replaceChildren(select.options[0], ...names.map((name) => new Option(name, name)));
  select.value = chosen;
}

function cell(tag, content, scope) {
  const el = document.createElement(tag);
  if (content instanceof Node) el.append(content); else el.textContent = content;
  if (scope) el.scope = scope;
  return el;
}

function scopeText(claim) {
  return t(`scope.${claim.scope}`, { place: claim.place || "" });
}

function renderGroup(group) {
  const section = document.createElement("section");
  section.className = "ledger-group" + (group.conflicting ? " conflicting" : "");
  const heading = document.createElement("h2");
  heading.textContent = t("ledger.group", { province: group.province || "–", period: group.period || t("date.unknown") });
  const table = document.createElement("table");
  const head = document.createElement("tr");
  for (const key of ["ledger.count", "ledger.stars", "ledger.scope", "ledger.outlet", "ledger.date", "ledger.sentence"]) {
    head.append(cell("th", t(key), "col"));
  }
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const claim of group.claims) {
    const row = body.insertRow();
    row.className = claim.conflicting ? "conflict" : "";
    const count = document.createElement("span");
    count.textContent = formatNumber(claim.count);
    const countCell = cell("th", count, "row");
    if (claim.conflicting) {
      const flag = document.createElement("strong");
      flag.className = "flag";
      flag.textContent = ` ⚠ ${t("ledger.conflict")}`;
      countCell.append(flag);
    }
    const link = document.createElement("a");
    link.href = claim.link;
    link.textContent = claim.sentence || t("ledger.article");
    row.append(
      countCell,
      cell("td", claim.stars ? t("stars.value", { n: claim.stars }) : "–"),
      cell("td", scopeText(claim)),
      cell("td", claim.outlet),
      cell("td", formatDate(claim.published)),
      cell("td", link),
    );
  }
  section.append(heading, table);
  return section;
}

function render() {
  if (!shown) return;
  $("ledger-status").textContent = t("ledger.summary", {
    claims: formatNumber(shown.claims), articles: formatNumber(shown.articles), conflicts: formatNumber(shown.conflicts),
  });
  $("ledger").replaceChildren(...(shown.groups.length ? shown.groups.map(renderGroup) : [cell("p", t("ledger.none"))]));
}

async function run() {
  const state = readState();
  for (const name of FIELDS) if (name !== "province") $(name).value = state[name];
  const params = toParams(state);
  params.set("is_ocop", "true");
  const csv = new URLSearchParams(params);
  csv.set("format", "csv");
  $("ledger-csv").href = "/claims?" + csv.toString();
  $("ledger-status").textContent = t("results.searching");
  const [response] = await Promise.all([fetchPolitely("/claims?" + params.toString()), loadProvinces(state.province)]);
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    shown = null;
    $("ledger").replaceChildren();
    $("ledger-status").textContent = t("results.error", { message: data.error || response.statusText });
    return;
  }
  shown = data;
  render();
}

$("ledger-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const state = Object.fromEntries(FIELDS.map((name) => [name, $(name).value]));
  history.pushState(null, "", "?" + toParams(state).toString());
  run();
});
window.addEventListener("popstate", run);
installSwitch($("lang-switch"));
onLanguageChange(render);
translate();
run();
