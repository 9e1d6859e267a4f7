// A BTC/USD index proxy from the constituent venues' books (issue "Crypto spot feeds" item 3, FACTS §8):
// (a) a weighted mid of the venues' mids and (b) the RTI approximation (RtiApproximator) over the same venues.
// A venue is left out while it has no book, its book is unhealthy, its last change (local receive time) is older
// than MaxBookAge, it is one-sided or crossed, or its mid is further than DeviationThreshold from the median of the
// other candidates' mids; once out for deviation it comes back only within ReinclusionFraction × threshold
// (FACTS §8 step 1). Every evaluation reports each venue's mid, weight and exclusion.
// Decisions: the deviation rule compares every candidate (a venue passing the other checks) with the median of the
// other candidates, all from the same evaluation, so the order of venues does not matter; with a single candidate
// the rule cannot be applied and a venue keeps its current deviation state (an excluded venue stays out: there is
// no evidence it is right again). The hysteresis state changes on every evaluation, on demand or per second.
// Fewer than MinIncludedVenues included is a DATA_OUTAGE: no value, and the reason.
// Pure logic on the caller's thread and clock: OnSecond(now) is meant to be driven by a 1 s engine timer, so in
// replay the prints follow the simulated clock. Recent volume is tracked per venue by trade event time.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;

namespace Edgewise.Strategies.Indicators;

public sealed class BtcIndexProxy
{
    private readonly BtcIndexOptions _options;
    private readonly Func<InstrumentId, IOrderBook?> _bookLookup;
    private readonly List<Constituent> _constituents = [];
    private readonly Dictionary<InstrumentId, Constituent> _byInstrument = [];
    private readonly List<IOrderBook> _includedBooks = [];
    private readonly RtiApproximator _rti;
    private readonly long _maxBookAgeNs;
    private readonly long _volumeWindowNs;
    private decimal[] _others = new decimal[8];

    /// <param name="options">Validated here; a bad value throws naming the option.</param>
    /// <param name="bookLookup">The current book of an instrument, or null when there is none (e.g. the engine cache's TryGetBook).</param>
    public BtcIndexProxy(BtcIndexOptions options, Func<InstrumentId, IOrderBook?> bookLookup)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bookLookup);
        options.Validate();
        _options = options;
        _bookLookup = bookLookup;
        _rti = new RtiApproximator(options.Rti);
        _maxBookAgeNs = checked(options.MaxBookAge.Ticks * 100);
        _volumeWindowNs = checked(options.VolumeWindow.Ticks * 100);
        History = new IndexHistory(options.HistorySeconds);
    }

    /// <summary>The prints recorded by <see cref="OnSecond"/>.</summary>
    public IndexHistory History { get; }

    public IReadOnlyList<InstrumentId> Constituents => _constituents.Select(c => c.Instrument).ToList();

    /// <summary>Registers a venue's BTC instrument. One instrument per venue.</summary>
    /// <exception cref="ArgumentException">The venue is already registered, or fixed weighting has no weight for it.</exception>
    public void AddConstituent(InstrumentId instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_constituents.Any(c => c.Instrument.Venue == instrument.Venue))
        {
            throw new ArgumentException($"Venue {instrument.Venue} is already a constituent.", nameof(instrument));
        }

        if (_options.Weighting == MidWeighting.Fixed && !_options.FixedWeights.ContainsKey(instrument.Venue))
        {
            throw new ArgumentException($"Fixed weighting has no weight for venue {instrument.Venue}.", nameof(instrument));
        }

        var constituent = new Constituent(instrument, new RecentVolume(_volumeWindowNs));
        _constituents.Add(constituent);
        _byInstrument.Add(instrument, constituent);
        if (_others.Length < _constituents.Count)
        {
            Array.Resize(ref _others, _constituents.Count * 2);
        }
    }

    /// <summary>Counts a trade toward its venue's recent volume; false when the instrument is not a constituent.</summary>
    public bool OnTrade(in TradeTick trade)
    {
        if (!_byInstrument.TryGetValue(trade.Instrument, out var constituent))
        {
            return false;
        }

        constituent.Volume.Add(trade);
        return true;
    }

    /// <summary>Evaluates the index now and records the print of this second in <see cref="History"/> (an outage records a second without value).</summary>
    public IndexValue OnSecond(long nowNs)
    {
        var value = Compute(nowNs);
        History.Record(nowNs, ToPrice(value.RtiValue), ToPrice(value.WeightedMid));
        return value;
    }

    /// <summary>Evaluates the index at local time <paramref name="nowNs"/> without recording a print.</summary>
    public IndexValue Compute(long nowNs)
    {
        foreach (var c in _constituents)
        {
            c.Volume.Expire(nowNs);
            CheckBook(c, nowNs);
        }

        ApplyDeviationRule();

        _includedBooks.Clear();
        foreach (var c in _constituents)
        {
            if (c.Exclusion == VenueExclusion.None)
            {
                _includedBooks.Add(c.Book!);
            }
        }

        var included = _includedBooks.Count;
        var usable = included >= _options.MinIncludedVenues;
        var weighting = ChooseWeighting();
        var totalWeight = 0m;
        var weightedSum = 0m;
        foreach (var c in _constituents)
        {
            c.RawWeight = c.Exclusion == VenueExclusion.None ? RawWeightOf(c, weighting) : 0m;
            totalWeight += c.RawWeight;
            weightedSum += c.RawWeight * (c.Mid ?? 0m);
        }

        decimal? weightedMid = usable && totalWeight > 0m
            ? decimal.Round(weightedSum / totalWeight, FixedPoint.Scale, MidpointRounding.ToEven)
            : null;
        var rti = usable ? _rti.Compute(_includedBooks) : RtiResult.Unavailable(RtiOutage.TooFewVenues);

        var venues = new VenueContribution[_constituents.Count];
        for (var i = 0; i < venues.Length; i++)
        {
            var c = _constituents[i];
            venues[i] = new VenueContribution(
                c.Instrument,
                c.Mid,
                totalWeight > 0m ? c.RawWeight / totalWeight : 0m,
                c.Exclusion,
                c.Deviation,
                FixedPoint.ToDecimal(c.Volume.TotalRaw));
        }

        return new IndexValue(nowNs, weightedMid, rti, venues, weighting, included, _options.MinIncludedVenues);
    }

    private void CheckBook(Constituent c, long nowNs)
    {
        c.Book = _bookLookup(c.Instrument);
        c.Mid = null;
        c.Deviation = null;
        c.Exclusion = Classify(c.Book, nowNs, out var mid);
        c.Mid = mid;
    }

    private VenueExclusion Classify(IOrderBook? book, long nowNs, out decimal? mid)
    {
        mid = null;
        if (book is null)
        {
            return VenueExclusion.NoBook;
        }

        var hasBid = book.TryGetBestBid(out var bid);
        var hasAsk = book.TryGetBestAsk(out var ask);
        if (hasBid && hasAsk)
        {
            mid = (bid.Price.ToDecimal() + ask.Price.ToDecimal()) / 2m;
        }

        if (book.Health != BookHealth.Healthy)
        {
            return VenueExclusion.Unhealthy;
        }

        if (book.IsStale(nowNs, _maxBookAgeNs))
        {
            return VenueExclusion.Stale;
        }

        if (!hasBid || !hasAsk)
        {
            return VenueExclusion.OneSided;
        }

        return bid.Price >= ask.Price ? VenueExclusion.Crossed : VenueExclusion.None;
    }

    private void ApplyDeviationRule()
    {
        var candidates = 0;
        foreach (var c in _constituents)
        {
            candidates += c.Exclusion == VenueExclusion.None ? 1 : 0;
        }

        // Deviations are all measured before any venue is marked, so each is judged against the same candidates.
        foreach (var c in _constituents)
        {
            if (c.Exclusion != VenueExclusion.None || candidates < 2)
            {
                continue;
            }

            var median = MedianOfOthers(c);
            c.Deviation = Math.Abs(c.Mid!.Value - median) / median;
        }

        var reinclusion = _options.DeviationThreshold * _options.ReinclusionFraction;
        foreach (var c in _constituents)
        {
            if (c.Exclusion != VenueExclusion.None)
            {
                continue;
            }

            if (c.Deviation is { } deviation)
            {
                c.DeviationExcluded = c.DeviationExcluded ? deviation > reinclusion : deviation > _options.DeviationThreshold;
            }

            if (c.DeviationExcluded)
            {
                c.Exclusion = VenueExclusion.DeviatesFromMedian;
            }
        }
    }

    private decimal MedianOfOthers(Constituent self)
    {
        var n = 0;
        foreach (var c in _constituents)
        {
            if (!ReferenceEquals(c, self) && c.Exclusion == VenueExclusion.None)
            {
                _others[n++] = c.Mid!.Value;
            }
        }

        var others = _others.AsSpan(0, n);
        others.Sort();
        return n % 2 == 1 ? others[n / 2] : (others[n / 2 - 1] + others[n / 2]) / 2m;
    }

    private MidWeighting ChooseWeighting()
    {
        if (_options.Weighting != MidWeighting.RecentVolume)
        {
            return _options.Weighting;
        }

        foreach (var c in _constituents)
        {
            if (c.Exclusion == VenueExclusion.None && c.Volume.TotalRaw > 0)
            {
                return MidWeighting.RecentVolume;
            }
        }

        return MidWeighting.Equal;
    }

    private decimal RawWeightOf(Constituent c, MidWeighting weighting) => weighting switch
    {
        MidWeighting.RecentVolume => FixedPoint.ToDecimal(c.Volume.TotalRaw),
        MidWeighting.Fixed => _options.FixedWeights[c.Instrument.Venue],
        _ => 1m,
    };

    private static Price? ToPrice(decimal? value) => value is { } v ? Price.FromDecimal(v) : null;

    /// <summary>A registered venue: its volume window, hysteresis state and the scratch of the current evaluation.</summary>
    private sealed class Constituent(InstrumentId instrument, RecentVolume volume)
    {
        public InstrumentId Instrument { get; } = instrument;

        public RecentVolume Volume { get; } = volume;

        /// <summary>Out for deviation until it comes back within the re-inclusion band.</summary>
        public bool DeviationExcluded { get; set; }

        public IOrderBook? Book { get; set; }

        public decimal? Mid { get; set; }

        public decimal? Deviation { get; set; }

        public VenueExclusion Exclusion { get; set; }

        public decimal RawWeight { get; set; }
    }
}
