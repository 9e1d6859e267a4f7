// Property tests: random sequences of snapshots, absolute and signed delta batches, single Set/Add
// calls and Clears are applied to both real books and to the naive ReferenceOrderBook; after every
// step the three must agree on each side's full level list, best levels, counts, sizes, crossing and
// depth walks. Prices are drawn on a binary-contract grid ([0, 1], tick 0.01 / 0.001 / 0.0001) so the
// dense book can hold them: mostly from a narrow window (so levels collide and get removed), sometimes
// the grid's ends (price 0 and 1). Sizes are multiples of one unit per scenario (1, 0.001 or 1e-9) so
// signed deltas often cancel a level exactly.
using Edgewise.Core.Books;
using Edgewise.Core.Events;
using Edgewise.Core.Instruments;
using Edgewise.Core.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Books;

public sealed class OrderBookPropertyTests
{
    private static readonly InstrumentId Instrument = new("test", "PROP");

    [Fact]
    public void RandomOperations_BothBooksAndReference_AgreeAfterEveryStep()
    {
        var property = Prop.ForAll(ScenarioGen().ToArbitrary(), Run);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    private static void Run(Scenario scenario)
    {
        var reference = new ReferenceOrderBook(Instrument);
        var sorted = new SortedOrderBook(Instrument, initialCapacity: 2); // tiny, so growth is exercised
        var dense = OrderBookFactory.ForBinaryContract(Instrument, new Price(scenario.TickRaw));
        IOrderBook[] books = [reference, sorted, dense];
        var update = new BookUpdate();
        var buffer = new BookLevel[dense.MaxPrice.Raw / scenario.TickRaw + 1];

        for (var step = 0; step < scenario.Ops.Length; step++)
        {
            var op = scenario.Ops[step];
            foreach (var book in books)
            {
                Apply(op, book, update);
            }

            foreach (var book in new IOrderBook[] { sorted, dense })
            {
                try
                {
                    AssertSameState(reference, book, op, scenario, buffer);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    throw new InvalidOperationException($"{book.GetType().Name} differs after step {step} ({op}): {ex.Message}", ex);
                }
            }
        }
    }

    private static void Apply(BookOp op, IOrderBook book, BookUpdate update)
    {
        switch (op.Kind)
        {
            case OpKind.Clear:
                book.Clear();
                break;
            case OpKind.Set:
                book.Set(op.Changes[0].Side, op.Changes[0].Price, op.Changes[0].Size);
                break;
            case OpKind.Add:
                book.Add(op.Changes[0].Side, op.Changes[0].Price, op.Changes[0].Size);
                break;
            default:
                var kind = op.Kind switch
                {
                    OpKind.Snapshot => BookUpdateKind.Snapshot,
                    OpKind.Delta => BookUpdateKind.Delta,
                    _ => BookUpdateKind.SignedDelta,
                };
                update.Reset(Instrument, kind, tsEvent: 1, tsRecv: 2);
                foreach (var change in op.Changes)
                {
                    update.Add(change.Side, change.Price, change.Size);
                }

                update.ApplyTo(book);
                break;
        }
    }

    private static void AssertSameState(ReferenceOrderBook expected, IOrderBook actual, BookOp op, Scenario scenario, BookLevel[] buffer)
    {
        Assert.Equal(expected.BidCount, actual.BidCount);
        Assert.Equal(expected.AskCount, actual.AskCount);
        Assert.Equal(expected.Health, actual.Health);
        Assert.Equal(expected.LastUpdateId, actual.LastUpdateId);
        Assert.Equal(expected.IsCrossed, actual.IsCrossed);
        Assert.Equal(expected.TryGetBestBid(out var expectedBid), actual.TryGetBestBid(out var actualBid));
        Assert.Equal(expectedBid, actualBid);
        Assert.Equal(expected.TryGetBestAsk(out var expectedAsk), actual.TryGetBestAsk(out var actualAsk));
        Assert.Equal(expectedAsk, actualAsk);

        foreach (var side in (ReadOnlySpan<BookSide>)[BookSide.Bid, BookSide.Ask])
        {
            var written = actual.CopyLevels(side, buffer);
            Assert.Equal(expected.Levels(side), buffer[..written]);

            var top = actual.CopyLevels(side, buffer.AsSpan(0, 2)); // a short destination gets the best levels
            Assert.Equal(expected.Levels(side).Take(2), buffer[..top]);

            foreach (var change in op.Changes)
            {
                Assert.Equal(expected.SizeAt(side, change.Price), actual.SizeAt(side, change.Price));
            }

            foreach (var quantity in scenario.QuantityWalks)
            {
                Assert.Equal(expected.WalkQuantity(side, new Quantity(quantity)), actual.WalkQuantity(side, new Quantity(quantity)));
            }

            foreach (var cash in scenario.CashWalks)
            {
                Assert.Equal(expected.WalkNotional(side, cash), actual.WalkNotional(side, cash));
            }
        }
    }

    private static Gen<Scenario> ScenarioGen() =>
        from tick in Gen.Elements(10_000_000L, 1_000_000L, 100_000L)
        let buckets = (int)(FixedPoint.One / tick) + 1
        from windowLength in Gen.Choose(1, 40)
        from windowStart in Gen.Choose(0, buckets - windowLength)
        from unit in Gen.Elements(FixedPoint.One, 1_000_000L, 1L)
        let index = Gen.Frequency(
            (8, Gen.Choose(windowStart, windowStart + windowLength - 1)),
            (1, Gen.Constant(0)),
            (1, Gen.Constant(buckets - 1)))
        let side = Gen.Elements(BookSide.Bid, BookSide.Ask)
        let size = Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 200))).Select(k => k * unit)
        let delta = Gen.Choose(-200, 200).Select(k => k * unit)
        let absolute = ChangeGen(side, index, size, tick)
        let signed = ChangeGen(side, index, delta, tick)
        from opCount in Gen.Choose(1, 60)
        from ops in OpGen(absolute, signed).ArrayOf(opCount)
        from quantityUnits in Gen.Choose(0, 6000).ArrayOf(2)
        from cashThousandths in Gen.Choose(0, 200_000).ArrayOf(2)
        select new Scenario(
            tick,
            ops,
            [.. quantityUnits.Select(k => k * unit)],
            // Cash in thousandths of one unit of size at price 1, so walks end inside the book about as often as past it.
            [.. cashThousandths.Select(k => k * FixedPoint.ToDecimal(unit) / 1000m)]);

    private static Gen<BookLevelChange> ChangeGen(Gen<BookSide> side, Gen<int> index, Gen<long> size, long tick) =>
        from s in side
        from i in index
        from q in size
        select new BookLevelChange(s, new Price(i * tick), new Quantity(q));

    private static Gen<BookOp> OpGen(Gen<BookLevelChange> absolute, Gen<BookLevelChange> signed) =>
        Gen.Frequency(
            (2, absolute.ArrayOf().Select(c => new BookOp(OpKind.Snapshot, c))),
            (4, Gen.Choose(1, 5).SelectMany(n => absolute.ArrayOf(n)).Select(c => new BookOp(OpKind.Delta, c))),
            (4, Gen.Choose(1, 5).SelectMany(n => signed.ArrayOf(n)).Select(c => new BookOp(OpKind.SignedDelta, c))),
            (4, absolute.Select(c => new BookOp(OpKind.Set, [c]))),
            (4, signed.Select(c => new BookOp(OpKind.Add, [c]))),
            (1, Gen.Constant(new BookOp(OpKind.Clear, []))));

    private enum OpKind
    {
        Snapshot,
        Delta,
        SignedDelta,
        Set,
        Add,
        Clear,
    }

    private sealed record BookOp(OpKind Kind, BookLevelChange[] Changes)
    {
        public override string ToString() =>
            $"{Kind} [{string.Join(", ", Changes.Select(c => $"{c.Side} {c.Price}×{c.Size}"))}]";
    }

    private sealed record Scenario(long TickRaw, BookOp[] Ops, long[] QuantityWalks, decimal[] CashWalks)
    {
        public override string ToString() =>
            $"tick {new Price(TickRaw)}; walks qty [{string.Join(", ", QuantityWalks.Select(q => new Quantity(q)))}] " +
            $"cash [{string.Join(", ", CashWalks)}]; ops:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", Ops.Select(o => o.ToString()));
    }
}
