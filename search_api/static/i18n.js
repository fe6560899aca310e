// The page's words in Vietnamese (the default) and English, and the switch between them.
// Facet values (outlets, provinces, product groups) and article text stay as printed: only labels change.
// The choice persists in localStorage; `?lang=en` (or vi) in a link sets it.

const STORAGE_KEY = "ocop-watch.lang";
export const LANGUAGES = ["vi", "en"];

const WORDS = {
  vi: {
    "site.tagline": "Tìm kiếm tin tức về Chương trình Mỗi xã một sản phẩm (OCOP)",
    "site.skip": "Bỏ qua, tới kết quả",
    "site.skipArticle": "Bỏ qua, tới nội dung bài",
    "lang.switch": "English",
    "search.label": "Từ khóa",
    "search.placeholder": 'Ví dụ: san pham ocop, "nông thôn mới" -xổ số, (mật ong OR trà) title:OCOP',
    "search.submit": "Tìm",
    "search.title": "ocop-watch — Tìm kiếm tin OCOP",
    "filters.button": "Bộ lọc",
    "filters.active": "{n} đang chọn",
    "filters.heading": "Bộ lọc",
    "filters.scope": "Phạm vi và thời gian",
    "filters.onlyOcop": "Chỉ tin về OCOP",
    "filters.from": "Từ ngày",
    "filters.to": "Đến ngày",
    "filters.clear": "Bỏ mọi bộ lọc",
    "stars.value": "{n} sao",
    "results.heading": "Kết quả",
    "results.searching": "Đang tìm…",
    "results.total": "{n} bài viết",
    "results.error": "Lỗi: {message}",
    "results.none": "Không có bài nào khớp. Thử bỏ bớt từ khóa hoặc bộ lọc.",
    "query.didYouMean": "Có phải bạn muốn tìm:",
    "query.relaxed": "Chỉ {strict} bài có đủ mọi từ (xếp trước); các bài sau có một phần trong {words} từ hoặc âm tiết của chúng, từ càng hiếm càng được tính nhiều.",
    "query.expanded": "Tìm cả: {list} (xếp sau bài có đúng từ đã gõ).",
    "results.sort": "Sắp xếp",
    "sort.relevance": "Phù hợp nhất",
    "sort.newest": "Mới nhất",
    "sort.oldest": "Cũ nhất",
    "results.export": "Tải CSV",
    "results.original": "Bài gốc",
    "results.originalLabel": "Bài gốc trên {outlet} (mở trang của báo)",
    "results.story": "{n} bài cùng nội dung",
    "results.stories": "{stories} tin · {n} bài viết",
    "results.collapse": "Gộp bài cùng nội dung",
    "results.feed": "Theo dõi (Atom)",
    "story.firstBy": "Đăng đầu tiên: {outlet}, {when}",
    "story.thisFirst": "Bản đăng đầu tiên; {n} báo đăng lại",
    "story.copies": "{n} bản đăng",
    "story.original": "bản gốc",
    "story.credits": "ghi nguồn {agency}",
    "kind.national": "Báo trung ương",
    "kind.provincial": "Báo địa phương",
    "kind.trade": "Báo ngành",
    "kind.portal": "Cổng thông tin",
    "kind.sample": "Báo mẫu",
    "date.unknown": "không rõ ngày",
    "timeline.label": "Dòng thời gian: mỗi cột là một {unit}; chọn một cột để lọc theo thời gian đó",
    "timeline.bar": "{period}: {n} bài",
    "timeline.caption": "{first} – {last} · mỗi cột là một {unit} · cao nhất: {max} bài",
    "unit.year": "năm",
    "unit.month": "tháng",
    "unit.day": "ngày",
    "pager.label": "Phân trang",
    "pager.previous": "‹ Trước",
    "pager.previousLabel": "Trang trước",
    "pager.next": "Sau ›",
    "pager.nextLabel": "Trang sau",
    "pager.page": "Trang {n}",
    "nav.label": "Công cụ phân tích",
    "nav.search": "Tìm kiếm",
    "nav.compare": "So sánh theo thời gian",
    "nav.ledger": "Sổ số liệu sản phẩm",
    "terms.heading": "Từ đặc trưng",
    "terms.loading": "Đang tính…",
    "terms.none": "Không có từ nổi bật.",
    "terms.sample": "Tính trên {n} bài mới nhất trong {total} bài.",
    "terms.item": "{term}: {n} bài trong kết quả, {all} bài trong kho",
    "terms.products": "Sản phẩm được nêu",
    "terms.coops": "Hợp tác xã được nêu",
    "named.item": "{name}: {n} bài",
    "compare.title": "ocop-watch — So sánh theo thời gian",
    "compare.heading": "So sánh các từ khóa theo thời gian",
    "compare.queries": "Từ khóa cần so sánh",
    "compare.query": "Từ khóa {n}",
    "compare.add": "Thêm từ khóa",
    "compare.remove": "Bỏ từ khóa {n}",
    "compare.interval": "Chu kỳ",
    "compare.normalize": "Đơn vị",
    "compare.count": "Số bài",
    "compare.share": "Tỷ lệ trên mọi bài cùng kỳ",
    "compare.submit": "So sánh",
    "compare.chart": "Biểu đồ: {queries}",
    "compare.table": "Số liệu theo {unit}",
    "compare.period": "Thời gian",
    "compare.all": "Mọi bài",
    "compare.csv": "Tải CSV",
    "compare.loading": "Đang tính…",
    "unit.week": "tuần",
    "ledger.title": "ocop-watch — Sổ số liệu sản phẩm OCOP",
    "ledger.heading": "Sổ số liệu sản phẩm OCOP các bài báo nêu",
    "ledger.province": "Tỉnh/thành (2025)",
    "ledger.anyProvince": "Mọi tỉnh/thành",
    "ledger.stars": "Hạng sao",
    "ledger.anyStars": "Mọi hạng",
    "ledger.submit": "Xem",
    "ledger.summary": "{claims} số liệu trong {articles} bài; {conflicts} chỗ các báo nêu khác nhau.",
    "ledger.none": "Không có số liệu nào.",
    "ledger.group": "{province} — {period}",
    "ledger.count": "Số sản phẩm",
    "ledger.outlet": "Báo",
    "ledger.date": "Ngày đăng",
    "ledger.sentence": "Câu trong bài",
    "ledger.scope": "Phạm vi",
    "ledger.conflict": "Các báo nêu khác nhau",
    "ledger.article": "Xem bài",
    "scope.province": "toàn tỉnh",
    "scope.local": "một phần ({place})",
    "scope.national": "cả nước",
    "article.back": "← Quay lại tìm kiếm",
    "article.loading": "Đang tải bài…",
    "article.notFound": "Không tìm thấy bài này trong kho lưu trữ.",
    "article.outlet": "Báo",
    "article.published": "Ngày đăng",
    "article.modified": "Cập nhật",
    "article.crawled": "Ngày lưu trữ",
    "article.section": "Chuyên mục",
    "article.original": "Đọc bài gốc trên trang của báo",
    "article.text": "Nội dung đã lưu",
    "article.noText": "Bài này không có nội dung văn bản trong kho.",
    "ocop.heading": "Thông tin OCOP",
    "ocop.relevance": "Liên quan đến OCOP",
    "ocop.relevanceValue": "{answer} (điểm {score})",
    "ocop.yes": "Có",
    "ocop.no": "Không",
    "ocop.provincesOld": "Tỉnh/thành (63 tỉnh, trước 7/2025)",
    "ocop.provincesNew": "Tỉnh/thành (34 tỉnh, từ 7/2025)",
    "ocop.stars": "Hạng sao",
    "ocop.groups": "Nhóm sản phẩm",
    "ocop.none": "không có",
    "ocop.claims": "Số sản phẩm được nêu trong bài",
    "ocop.claim": "{count} sản phẩm",
    "ocop.noClaims": "Bài không nêu số sản phẩm OCOP nào.",
    "copies.heading": "Các bản khác của tin này",
    "copies.none": "Kho không có bản nào khác của tin này.",
    "cite.heading": "Trích dẫn",
    "cite.plain": "Văn bản",
    "cite.bibtex": "BibTeX",
    "cite.copy": "Sao chép",
    "cite.copyPlain": "Sao chép trích dẫn dạng văn bản",
    "cite.copyBibtex": "Sao chép trích dẫn BibTeX",
    "cite.copied": "Đã sao chép",
    "cite.selected": "Đã chọn: bấm Ctrl+C",
    "cite.note": "Ngày truy cập là ngày kho lưu trữ tải trang về ({date}): nội dung trên đây là bản đó.",
    "raw.heading": "Trang HTML đã lưu",
    "raw.download": "Tải tệp HTML gốc ({size})",
    "raw.note": "Đúng từng byte như lúc thu thập. Tệp được tải về chứ không mở trên trang này.",
    "raw.missing": "Máy chủ này không lưu trang HTML gốc của bài.",
  },
  en: {
    "site.tagline": "Search Vietnamese news about the One Commune One Product programme (OCOP)",
    "site.skip": "Skip to results",
    "site.skipArticle": "Skip to the article",
    "lang.switch": "Tiếng Việt",
    "search.label": "Search words",
    "search.placeholder": 'For example: san pham ocop, "nông thôn mới" -xổ số, (mật ong OR trà) title:OCOP',
    "search.submit": "Search",
    "search.title": "ocop-watch — OCOP news search",
    "filters.button": "Filters",
    "filters.active": "{n} active",
    "filters.heading": "Filters",
    "filters.scope": "Scope and dates",
    "filters.onlyOcop": "OCOP coverage only",
    "filters.from": "From",
    "filters.to": "To",
    "filters.clear": "Clear all filters",
    // Facet names; their Vietnamese labels are the API's (GET /facets).
    "facet.site": "Outlet",
    "facet.province": "Province (2025)",
    "facet.stars": "OCOP star rating",
    "facet.product_group": "Product group",
    "facet.section": "Section",
    "facet.is_ocop": "About OCOP",
    "stars.value": "{n} stars",
    "results.heading": "Results",
    "results.searching": "Searching…",
    "results.total": "{n} articles",
    "results.error": "Error: {message}",
    "results.none": "No article matches. Try fewer words or filters.",
    "query.didYouMean": "Did you mean:",
    "query.relaxed": "Only {strict} articles hold every word (listed first); those after hold some of the {words} words or their syllables, rarer words counting more.",
    "query.expanded": "Also searched: {list} (ranked after articles with the words as typed).",
    "results.sort": "Sort by",
    "sort.relevance": "Best match",
    "sort.newest": "Newest",
    "sort.oldest": "Oldest",
    "results.export": "Download CSV",
    "results.original": "Original",
    "results.originalLabel": "Original on {outlet} (opens the outlet's page)",
    "results.story": "{n} articles with the same story",
    "results.stories": "{stories} stories · {n} articles",
    "results.collapse": "One story once",
    "results.feed": "Follow (Atom)",
    "story.firstBy": "First published by {outlet}, {when}",
    "story.thisFirst": "Published here first; {n} republication(s)",
    "story.copies": "{n} copies",
    "story.original": "original",
    "story.credits": "credits {agency}",
    "kind.national": "National",
    "kind.provincial": "Provincial",
    "kind.trade": "Trade",
    "kind.portal": "Portal",
    "kind.sample": "Sample",
    "facet.outlet_kind": "Kind of outlet",
    "facet.outlet_province": "Outlet's province",
    "date.unknown": "date unknown",
    "timeline.label": "Timeline: one bar per {unit}; choose a bar to filter by that period",
    "timeline.bar": "{period}: {n} articles",
    "timeline.caption": "{first} – {last} · one bar per {unit} · peak: {max}",
    "unit.year": "year",
    "unit.month": "month",
    "unit.day": "day",
    "pager.label": "Pages",
    "pager.previous": "‹ Previous",
    "pager.previousLabel": "Previous page",
    "pager.next": "Next ›",
    "pager.nextLabel": "Next page",
    "pager.page": "Page {n}",
    "nav.label": "Analysis tools",
    "nav.search": "Search",
    "nav.compare": "Compare over time",
    "nav.ledger": "Product counts ledger",
    "terms.heading": "Characteristic words",
    "terms.loading": "Computing…",
    "terms.none": "No characteristic words.",
    "terms.sample": "From the newest {n} of {total} articles.",
    "terms.item": "{term}: {n} articles in the results, {all} in the archive",
    "terms.products": "Products named",
    "terms.coops": "Cooperatives named",
    "named.item": "{name}: {n} articles",
    "compare.title": "ocop-watch — Compare over time",
    "compare.heading": "Compare queries over time",
    "compare.queries": "Queries to compare",
    "compare.query": "Query {n}",
    "compare.add": "Add a query",
    "compare.remove": "Remove query {n}",
    "compare.interval": "Interval",
    "compare.normalize": "Unit",
    "compare.count": "Articles",
    "compare.share": "Share of all articles of the period",
    "compare.submit": "Compare",
    "compare.chart": "Chart: {queries}",
    "compare.table": "Figures per {unit}",
    "compare.period": "Period",
    "compare.all": "All articles",
    "compare.csv": "Download CSV",
    "compare.loading": "Computing…",
    "unit.week": "week",
    "ledger.title": "ocop-watch — OCOP product counts ledger",
    "ledger.heading": "OCOP product counts stated in the news",
    "ledger.province": "Province (2025)",
    "ledger.anyProvince": "Every province",
    "ledger.stars": "Star rating",
    "ledger.anyStars": "Every rating",
    "ledger.submit": "Show",
    "ledger.summary": "{claims} counts in {articles} articles; {conflicts} where outlets disagree.",
    "ledger.none": "No counts.",
    "ledger.group": "{province} — {period}",
    "ledger.count": "Products",
    "ledger.outlet": "Outlet",
    "ledger.date": "Published",
    "ledger.sentence": "Sentence",
    "ledger.scope": "Scope",
    "ledger.conflict": "Outlets disagree",
    "ledger.article": "Open the article",
    "scope.province": "whole province",
    "scope.local": "a part ({place})",
    "scope.national": "whole country",
    "article.back": "← Back to search",
    "article.loading": "Loading the article…",
    "article.notFound": "This article is not in the archive.",
    "article.outlet": "Outlet",
    "article.published": "Published",
    "article.modified": "Updated",
    "article.crawled": "Archived",
    "article.section": "Section",
    "article.original": "Read the original on the outlet's site",
    "article.text": "Archived text",
    "article.noText": "The archive holds no text for this article.",
    "ocop.heading": "OCOP facts",
    "ocop.relevance": "About OCOP",
    "ocop.relevanceValue": "{answer} (score {score})",
    "ocop.yes": "Yes",
    "ocop.no": "No",
    "ocop.provincesOld": "Provinces (63-province map, before July 2025)",
    "ocop.provincesNew": "Provinces (34-province map, from July 2025)",
    "ocop.stars": "Star ratings",
    "ocop.groups": "Product groups",
    "ocop.none": "none",
    "ocop.claims": "Product counts stated in the article",
    "ocop.claim": "{count} products",
    "ocop.noClaims": "The article states no OCOP product count.",
    "copies.heading": "Other copies of this story",
    "copies.none": "The archive holds no other copy of this story.",
    "cite.heading": "Cite",
    "cite.plain": "Plain text",
    "cite.bibtex": "BibTeX",
    "cite.copy": "Copy",
    "cite.copyPlain": "Copy the plain-text citation",
    "cite.copyBibtex": "Copy the BibTeX citation",
    "cite.copied": "Copied",
    "cite.selected": "Selected: press Ctrl+C",
    "cite.note": "The access date is the day the archive fetched the page ({date}): the text above is that copy.",
    "raw.heading": "Archived HTML",
    "raw.download": "Download the original HTML file ({size})",
    "raw.note": "Byte for byte as fetched. The file is downloaded, never opened on this site.",
    "raw.missing": "This server keeps no original HTML for this article.",
  },
};

const LOCALES = { vi: "vi-VN", en: "en-GB" };

function chosen() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) {
    localStorage.setItem(STORAGE_KEY, asked);
    return asked;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored) ? stored : "vi";
}

let current = chosen();
const listeners = [];

export const lang = () => current;

export function t(key, vars = {}) {
  const text = WORDS[current][key] ?? WORDS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

export const formatNumber = (n) => n.toLocaleString(LOCALES[current]);

export function formatDate(iso) {
  if (!iso) return t("date.unknown");
  return new Date(iso).toLocaleDateString(LOCALES[current], {
    timeZone: "Asia/Ho_Chi_Minh", year: "numeric",
    ...(current === "en" ? { day: "numeric", month: "long" } : { day: "2-digit", month: "2-digit" }),
  });
}

// Every element with data-i18n gets its text; data-i18n-attr="placeholder:key,aria-label:key" its attributes.
export function translate(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(",")) {
      const [attr, key] = pair.split(":");
      el.setAttribute(attr, t(key));
    }
  }
}

// Re-render whatever the page shows when the language changes.
export function onLanguageChange(render) {
  listeners.push(render);
}

export function setLanguage(next) {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  const url = new URL(location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.delete("lang");
    history.replaceState(history.state, "", url);
  }
  translate();
  for (const render of listeners) render();
}

// The switch button in the header: it names the other language, in that language.
export function installSwitch(button) {
  const sync = () => {
    const other = current === "vi" ? "en" : "vi";
    button.lang = other;
    button.dataset.target = other;
  };
  button.addEventListener("click", () => {
    setLanguage(button.dataset.target);
    sync();
  });
  sync();
}
