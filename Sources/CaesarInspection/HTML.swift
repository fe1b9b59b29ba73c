import CaesarPlot

/// Small pieces of the reports' HTML (`caesar report`, `caesar eval --report`). The page is also well-formed XML (every element closed,
/// no named entities, no `<` or `&` in its script), so a test can parse it without a browser.
public enum HTML {
    /// Text made safe for element content and attribute values; line breaks stay (for `<pre>`).
    public static func escaped(_ text: String) -> String {
        XMLText.escaped(text, keepingLineBreaks: true)
    }

    /// An SVG document as an element inside the page: without its XML declaration.
    public static func inline(svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") else { return svg }
        return String(svg[svg.index(after: end)...])
    }

    /// A table with a header row; cells are HTML already.
    public static func table(header: [String], rows: [[String]], className: String? = nil) -> String {
        var html = "<table\(className.map { " class=\"\($0)\"" } ?? "")><thead><tr>"
        html += header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        return html + "</tbody></table>\n"
    }

    /// Rows of a label and a value, for facts.
    public static func facts(_ rows: [(String, String)]) -> String {
        "<table class=\"facts\"><tbody>\n" + rows.map { "<tr><th>\($0.0)</th><td>\($0.1)</td></tr>\n" }.joined() + "</tbody></table>\n"
    }

    /// Records in the body's attributes, once the page has loaded, that it rendered, how many
    /// script errors occurred, how many SVG pictures it has, how many resources it fetched
    /// (0 for a self-contained page) and whether each pair of figures (the curves) stands side
    /// by side, so that a headless browser's DOM shows them all. It runs in the head, before
    /// anything else can fail.
    public static let renderCheck = """
        <script>
        window.caesarReportErrors = 0;
        window.addEventListener("error", function () { window.caesarReportErrors += 1; });
        window.addEventListener("load", function () {
          var body = document.body;
          body.setAttribute("data-rendered", "yes");
          body.setAttribute("data-script-errors", String(window.caesarReportErrors));
          body.setAttribute("data-svg-count", String(document.getElementsByTagName("svg").length));
          body.setAttribute("data-resources", String(performance.getEntriesByType("resource").length));
          var pairs = document.querySelectorAll(".pair"), beside = pairs.length > 0;
          Array.prototype.forEach.call(pairs, function (pair) {  // no less-than sign: the page parses as XML too
            var figures = pair.getElementsByTagName("figure");
            if (figures.length != 2 || Math.abs(figures[0].getBoundingClientRect().top - figures[1].getBoundingClientRect().top) > 1) beside = false;
          });
          body.setAttribute("data-pairs-side-by-side", beside ? "yes" : "no");
        });
        </script>
        """

    public static let style = """
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 0 auto; max-width: 1180px; padding: 0 24px 48px; line-height: 1.45; }
        h1 { margin-top: 28px; font-size: 28px; }
        h1 code { font-size: inherit; }
        h2 { margin-top: 40px; border-bottom: 2px solid #ddd; padding-bottom: 4px; }
        h3 { margin-top: 28px; }
        code, .mono, td.mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 13px; }
        table { border-collapse: collapse; margin: 8px 0 16px; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        thead th { background: #f3f3f3; }
        table.facts th { background: #f7f7f7; font-weight: 600; white-space: nowrap; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 12px 0 20px; overflow-x: auto; }
        .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 12px; }
        .pair figure { margin: 0; }
        .pair svg { width: 100%; height: auto; }
        figcaption { color: #555; font-size: 14px; max-width: 900px; }
        .note { background: #fff8e1; border-left: 4px solid #f2b600; padding: 6px 12px; }
        .lead { color: #444; font-size: 17px; }
        .tokens { display: flex; flex-wrap: wrap; gap: 3px; margin: 8px 0 16px; }
        .token { border: 1px solid #ccc; border-radius: 3px; padding: 1px 4px; text-align: center; min-width: 18px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
        .token small { display: block; color: #777; font-size: 10px; }
        .wrong { background: #fde0dc; }
        nav ol { columns: 2; }
        details { margin: 8px 0; }
        pre { background: #f7f7f7; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
        </style>
        """
}
