// Market-data sections: feed health (state with its mode text, message age, counters), books per instrument with
// their staleness, and the index proxy with each venue's part and, when a venue is left out, why.
using Edgewise.Core.Books;
using Edgewise.Dashboard.Snapshots;
using Edgewise.Strategies.Indicators;
using Spectre.Console;
using static Edgewise.Cli.Terminal.TerminalFormat;

namespace Edgewise.Cli.Terminal;

public sealed partial class TerminalDashboard
{
    private Panel FeedsPanel(DashboardSnapshot snapshot)
    {
        var engine = snapshot.Engine;
        var dropped = engine.DataDropped > 0 ? $"[red]{Integer(engine.DataDropped)} DROPPED[/]" : "0 dropped";
        var header = $"feeds  (engine: {Integer(engine.MessagesDispatched)} msgs, {dropped}, queued {Integer(engine.PendingData)})";
        if (snapshot.Feeds.Count == 0)
        {
            return new Panel(new Markup("[grey]no feeds[/]")).Header(header).Expand();
        }

        var table = NewTable("feed", "state", "last msg", "msg/s", "gaps", "resyncs", "reconnects", "checksum", "malformed", "last error");
        foreach (var feed in snapshot.Feeds)
        {
            var mode = string.IsNullOrEmpty(feed.StateText) ? feed.State : feed.StateText;
            table.AddRow(
                Text(feed.Feed),
                feed.Connected ? $"[green]{Text(mode)}[/]" : $"[red]{Text(mode)}[/]",
                AgeMarkup(feed.LastMessageAgeMs, _options),
                feed.MessagesPerSecond.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                Counter(feed.Gaps),
                Integer(feed.Resyncs),
                Integer(feed.Reconnects),
                Counter(feed.ChecksumFailures),
                Counter(feed.MalformedFrames),
                feed.LastError is null ? "-" : $"[red]{Text(feed.LastError)}[/]");
        }

        return new Panel(table).Header(header).Expand();
    }

    private Panel BooksPanel(DashboardSnapshot snapshot)
    {
        if (snapshot.Books.Count == 0)
        {
            return new Panel(new Markup("[grey]no books[/]")).Header("books").Expand();
        }

        var table = NewTable("instrument", "health", "bid", "ask", "mid", "spread", "last trade", "age");
        foreach (var book in snapshot.Books)
        {
            table.AddRow(
                Text(book.Instrument),
                HealthMarkup(book.Health),
                Side(book.BidSize, book.BidPrice),
                Side(book.AskSize, book.AskPrice),
                Number(book.Mid),
                Number(book.Spread),
                Number(book.LastTradePrice),
                AgeMarkup(book.AgeMs, _options));
        }

        var stale = snapshot.Books.Count(b => LevelOf(b.AgeMs, _options) == AgeLevel.Stale);
        var header = stale > 0 ? $"books  [red bold]{Integer(stale)} STALE[/]" : "books";
        return new Panel(table).Header(header).Expand();
    }

    private Panel IndexPanel(IndexValue? index, DateTimeOffset now)
    {
        if (index is null)
        {
            return new Panel(new Markup("[grey]no index evaluation yet[/]")).Header("BTC index proxy").Expand();
        }

        var ageMs = (now - DateTimeOffset.UnixEpoch.AddTicks(index.TsNs / 100)).Ticks / TimeSpan.TicksPerMillisecond;
        var summary = index.IsUsable
            ? $"weighted mid [bold]{Number(index.WeightedMid)}[/]  RTI {(index.Rti.Value is { } rti ? $"[bold]{Number(rti)}[/]" : $"[yellow]none ({index.Rti.Outage})[/]")}"
            : $"[red bold]{Text(index.OutageReason)}[/]";
        var lines = new Markup(
            $"{summary}\n{Integer(index.IncludedVenues)} of {Integer(index.Venues.Count)} venues included ({Integer(index.MinIncludedVenues)} required), weighting {index.WeightingUsed}, evaluated {TimeOfUnixNs(index.TsNs)} (age {AgeMarkup(Math.Max(0, ageMs), _options)})");
        var table = NewTable("venue", "symbol", "mid", "weight", "deviation", "volume", "status");
        foreach (var venue in index.Venues)
        {
            table.AddRow(
                Text(venue.Venue),
                Text(venue.Instrument.Symbol),
                Number(venue.Mid),
                venue.Included ? Percent(venue.Weight) : "-",
                Percent(venue.Deviation),
                Number(venue.RecentVolume),
                venue.Included ? "[green]included[/]" : $"[yellow]excluded: {ExclusionText(venue)}[/]");
        }

        return new Panel(new Rows(lines, table)).Header("BTC index proxy").Expand();
    }

    /// <summary>Why a venue is out of the index, in words.</summary>
    internal static string ExclusionText(VenueContribution venue) => venue.Exclusion switch
    {
        VenueExclusion.None => "included",
        VenueExclusion.NoBook => "no book",
        VenueExclusion.Unhealthy => "book unhealthy",
        VenueExclusion.Stale => "book stale",
        VenueExclusion.OneSided => "one-sided book",
        VenueExclusion.Crossed => "crossed book",
        VenueExclusion.DeviatesFromMedian => $"deviates {Percent(venue.Deviation)} from median",
        _ => venue.Exclusion.ToString(),
    };

    private static string HealthMarkup(BookHealth health) => health switch
    {
        BookHealth.Healthy => "[green]healthy[/]",
        BookHealth.AwaitingSnapshot => "[yellow]awaiting snapshot[/]",
        _ => $"[red bold]{health.ToString().ToUpperInvariant()}[/]",
    };

    private static string Side(decimal? size, decimal? price) => price is null ? "-" : $"{Number(size)} @ {Number(price)}";

    private static string Counter(long value) => value > 0 ? $"[yellow]{Integer(value)}[/]" : "0";

    private static Markup Empty(string text) => new Markup($"[grey]{Text(text)}[/]");
}
