// Writes a RunReport as one self-contained HTML file: inline CSS, the equity and drawdown charts as inline SVG, no
// script and nothing fetched, so it opens anywhere, offline, and can be mailed as is. Every text from the source is
// HTML-escaped (strategy names and exit reasons come from configuration and venues). Output is deterministic: no
// generation time, invariant culture, fixed ordering, "\n" line ends, UTF-8 without BOM.
using System.Globalization;
using System.Net;
using System.Text;

namespace Edgewise.Cli.Reports;

internal static class HtmlReportWriter
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 0; background: #f3f5f8; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
        h1 { font-size: 24px; margin: 0 0 12px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #e3e7ec; padding-bottom: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #eceff3; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.facts th { width: 210px; background: none; font-weight: 500; color: #5b6573; }
        table.facts td { overflow-wrap: anywhere; }
        table.trades { font-size: 12.5px; }
        td.nw { white-space: nowrap; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
        .card { flex: 1 1 150px; border: 1px solid #e3e7ec; border-radius: 6px; padding: 8px 12px; }
        .card .k { color: #5b6573; font-size: 12px; }
        .card .v { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .pos { color: #11723b; }
        .neg { color: #b42318; }
        .note { color: #5b6573; font-size: 13px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart text { font: 11px system-ui, sans-serif; fill: #5b6573; }
        footer { margin-top: 32px; color: #8a94a0; font-size: 12px; }
        """;

    public static void Write(string path, RunReport report) => File.WriteAllText(path, Render(report), new UTF8Encoding(false));

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Append("<title>").Append(E(report.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        w.Append("<h1>").Append(E(report.Title)).Append("</h1>\n");
        WriteFacts(w, report);
        WriteSummary(w, report);
        WriteCharts(w, report);
        WriteBreakdown(w, "By strategy", "strategy", report.ByStrategy, null);
        WriteBreakdown(w, "By exit reason", "exit reason", report.ByExitReason, report.ExitReasonNote);
        WriteTrades(w, report);
        w.Append("<h2>What this report cannot show</h2>\n<ul class=\"note\">\n");
        foreach (var note in report.Notes)
        {
            w.Append("<li>").Append(E(note)).Append("</li>\n");
        }

        w.Append("</ul>\n<footer>Written by edgewise. Amounts are in the venue's quote currency.</footer>\n</main>\n</body>\n</html>\n");
        return w.ToString();
    }

    private static void WriteFacts(StringBuilder w, RunReport report)
    {
        w.Append("<table class=\"facts\">\n");
        foreach (var fact in report.Facts)
        {
            w.Append("<tr><th>").Append(E(fact.Label)).Append("</th><td>").Append(E(fact.Value)).Append("</td></tr>\n");
        }

        w.Append("</table>\n");
    }

    private static void WriteSummary(StringBuilder w, RunReport report)
    {
        var r = report.Recorded;
        w.Append("<h2>Summary</h2>\n<div class=\"cards\">\n");
        Card(w, "trades", string.Create(CultureInfo.InvariantCulture, $"{r.Trades}"),
            string.Create(CultureInfo.InvariantCulture, $"{r.Closed} closed, {r.Open} open"), null);
        Card(w, "win rate", ReportFormat.Percent(r.WinRate), string.Create(CultureInfo.InvariantCulture, $"{r.Wins} of {r.Closed} closed"), null);
        Card(w, "P&L after fees", ReportFormat.SignedMoney(r.Pnl), "closed trades", r.Pnl);
        Card(w, "fees paid", ReportFormat.Money(report.FeesPaid), "all trades", null);
        Card(w, "max drawdown", ReportFormat.Money(report.MaxDrawdown), "of realized P&L", report.MaxDrawdown == 0m ? null : -1m);
        w.Append("</div>\n");
        var i = report.Inferred;
        if (i.Trades > 0)
        {
            w.Append("<p class=\"note\">").Append(E(string.Create(CultureInfo.InvariantCulture,
                $"Not included above: {i.Trades} trades settled on inferred results, {i.Wins} wins, P&L after fees {ReportFormat.SignedMoney(i.Pnl)} (with them: {ReportFormat.SignedMoney(r.Pnl + i.Pnl)}). Their fees are in fees paid.")))
                .Append("</p>\n");
        }
    }

    private static void Card(StringBuilder w, string key, string value, string detail, decimal? sign)
    {
        w.Append("<div class=\"card\"><div class=\"k\">").Append(E(key)).Append("</div><div class=\"v").Append(Tone(sign)).Append("\">")
            .Append(E(value)).Append("</div><div class=\"k\">").Append(E(detail)).Append("</div></div>\n");
    }

    private static void WriteCharts(StringBuilder w, RunReport report)
    {
        var curve = report.EquityCurve;
        w.Append("<h2>Equity curve</h2>\n<p class=\"note\">Cumulative realized P&amp;L after fees, stepping at each trade&#39;s close.</p>\n");
        w.Append(SvgChart.Step(curve.Select(static p => (p.TsNs, p.Equity)).ToList(), "Equity curve", "#1f5fbf", "rgba(31,95,191,0.10)"));
        w.Append("<h2>Drawdown</h2>\n<p class=\"note\">").Append(E($"Distance below the running peak of the curve above; the largest is {ReportFormat.Money(report.MaxDrawdown)}."))
            .Append("</p>\n");
        w.Append(SvgChart.Step(curve.Select(static p => (p.TsNs, -p.Drawdown)).ToList(), "Drawdown", "#b42318", "rgba(180,35,24,0.15)"));
    }

    private static void WriteBreakdown(StringBuilder w, string title, string column, IReadOnlyList<ReportGroup> groups, string? note)
    {
        w.Append("<h2>").Append(E(title)).Append("</h2>\n");
        if (note is not null)
        {
            w.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        if (groups.Count == 0)
        {
            w.Append("<p>No trades.</p>\n");
            return;
        }

        w.Append("<table>\n<tr><th>").Append(E(column))
            .Append("</th><th class=\"n\">trades</th><th class=\"n\">closed</th><th class=\"n\">wins</th><th class=\"n\">win rate</th><th class=\"n\">P&amp;L after fees</th><th class=\"n\">fees</th></tr>\n");
        foreach (var g in groups)
        {
            w.Append("<tr><td>").Append(E(g.Name)).Append("</td>");
            Num(w, g.Trades.ToString(CultureInfo.InvariantCulture));
            Num(w, g.Closed.ToString(CultureInfo.InvariantCulture));
            Num(w, g.Wins.ToString(CultureInfo.InvariantCulture));
            Num(w, ReportFormat.Percent(g.WinRate));
            Num(w, g.Closed == 0 ? "n/a" : ReportFormat.SignedMoney(g.Pnl), g.Pnl);
            Num(w, ReportFormat.Money(g.Fees));
            w.Append("</tr>\n");
        }

        w.Append("</table>\n");
    }

    private static void WriteTrades(StringBuilder w, RunReport report)
    {
        w.Append("<h2>Trades</h2>\n");
        if (report.Trades.Count == 0)
        {
            w.Append("<p>No trades.</p>\n");
            return;
        }

        w.Append("<table class=\"trades\">\n<tr><th class=\"n\">#</th><th>strategy</th><th>instrument</th><th>side</th><th>opened</th><th>closed</th>")
            .Append("<th class=\"n\">quantity</th><th class=\"n\">entry</th><th class=\"n\">exit</th><th>ended by</th><th class=\"n\">fees</th><th class=\"n\">P&amp;L after fees</th></tr>\n");
        foreach (var t in report.Trades)
        {
            w.Append("<tr>");
            Num(w, t.Number.ToString(CultureInfo.InvariantCulture));
            w.Append("<td>").Append(E(t.Strategy)).Append("</td><td class=\"nw\">").Append(E(t.Instrument)).Append("</td><td>").Append(E(t.Direction))
                .Append("</td><td>").Append(ReportFormat.Time(t.OpenedNs)).Append("</td><td>").Append(t.ClosedNs is { } closed ? ReportFormat.Time(closed) : string.Empty)
                .Append("</td>");
            Num(w, ReportFormat.Number(t.Quantity));
            Num(w, ReportFormat.Number(t.EntryPrice));
            Num(w, t.ExitPrice is { } exit ? ReportFormat.Number(exit) : string.Empty);
            w.Append("<td>").Append(E(t.EndedBy)).Append("</td>");
            Num(w, ReportFormat.Money(t.Fees));
            Num(w, t.NetPnl is { } pnl ? ReportFormat.SignedMoney(pnl) + (t.Inferred ? " (inferred)" : string.Empty) : "n/a", t.NetPnl);
            w.Append("</tr>\n");
        }

        w.Append("</table>\n");
    }

    private static void Num(StringBuilder w, string text, decimal? sign = null) =>
        w.Append("<td class=\"n").Append(Tone(sign)).Append("\">").Append(E(text)).Append("</td>");

    private static string Tone(decimal? sign) => sign switch
    {
        > 0m => " pos",
        < 0m => " neg",
        _ => string.Empty,
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
