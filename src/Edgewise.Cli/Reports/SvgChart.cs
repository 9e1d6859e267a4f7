// Draws a step chart as inline SVG: a value held from one point until the next (realized P&L changes only when a
// trade closes). Coordinates are computed in decimal and printed with one decimal in invariant culture, so the same
// points always give the same bytes. The y range always includes 0, drawn as a dashed line; axis labels are the
// range's ends, 0, and the first and last times.
using System.Globalization;
using System.Net;
using System.Text;

namespace Edgewise.Cli.Reports;

internal static class SvgChart
{
    private const decimal Width = 960m;
    private const decimal Height = 240m;
    private const decimal Left = 84m;
    private const decimal Right = 12m;
    private const decimal Top = 12m;
    private const decimal Bottom = 26m;
    private const decimal LabelGap = 13m;

    /// <summary>The chart of <paramref name="points"/> (time in Unix ns, value), at least one point, in time order.</summary>
    public static string Step(IReadOnlyList<(long Ts, decimal Value)> points, string label, string stroke, string fill)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfZero(points.Count);
        var start = points[0].Ts;
        var span = Math.Max(1L, points[^1].Ts - start);
        var low = Math.Min(0m, points.Min(static p => p.Value));
        var high = Math.Max(0m, points.Max(static p => p.Value));
        if (low == high)
        {
            high = 1m;
        }

        decimal X(long ts) => Left + ((Width - Left - Right) * (ts - start) / span);
        decimal Y(decimal value) => Top + ((Height - Top - Bottom) * (high - value) / (high - low));

        var line = new StringBuilder();
        line.Append('M').Append(N(X(points[0].Ts))).Append(' ').Append(N(Y(points[0].Value)));
        for (var i = 1; i < points.Count; i++)
        {
            line.Append(" H").Append(N(X(points[i].Ts))).Append(" V").Append(N(Y(points[i].Value)));
        }

        var zero = N(Y(0m));
        var area = $"{line} H{N(X(points[^1].Ts))} V{zero} H{N(X(start))} Z";
        var w = new StringBuilder();
        w.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        w.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(Height - Top - Bottom)}\" fill=\"#fbfcfd\" stroke=\"#d5dae0\"/>\n");
        w.Append(CultureInfo.InvariantCulture, $"<path d=\"{area}\" fill=\"{fill}\" stroke=\"none\"/>\n");
        w.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" y1=\"{zero}\" x2=\"{N(Width - Right)}\" y2=\"{zero}\" stroke=\"#8a94a0\" stroke-dasharray=\"4 3\"/>\n");
        w.Append(CultureInfo.InvariantCulture, $"<path d=\"{line}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\"/>\n");
        // 0 first, then the ends; a label that would overlap one already placed is left out.
        var placed = new List<decimal>();
        foreach (var value in new[] { 0m, high, low })
        {
            if (placed.Any(y => Math.Abs(y - Y(value)) < LabelGap))
            {
                continue;
            }

            placed.Add(Y(value));
            w.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6m)}\" y=\"{N(Y(value) + 4m)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(ReportFormat.Money(value))}</text>\n");
        }

        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left)}\" y=\"{N(Height - 8m)}\" text-anchor=\"start\">{ReportFormat.Time(start)}</text>\n");
        w.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Width - Right)}\" y=\"{N(Height - 8m)}\" text-anchor=\"end\">{ReportFormat.Time(points[^1].Ts)}</text>\n");
        w.Append("</svg>\n");
        return w.ToString();
    }

    private static string N(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);
}
