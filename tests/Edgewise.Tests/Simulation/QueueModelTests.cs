using Edgewise.Core.Numerics;
using Edgewise.Engine.Simulation;
using FsCheck;
using FsCheck.Fluent;

namespace Edgewise.Tests.Simulation;

public class QueueModelTests
{
    private static Quantity Q(string text) => Quantity.Parse(text);

    [Theory]
    [InlineData("100", "150", "30", "80")]            // 30 × 100 / 150 = 20
    [InlineData("100", "150", "7", "95.333333334")]   // 7 × 100 / 150 = 4.666666666… rounded down to 1e-9: 4.666666666
    [InlineData("100", "100", "30", "70")]            // nobody behind: every cancel was ahead
    [InlineData("0", "100", "30", "0")]
    [InlineData("40", "100", "100", "0")]             // level gone
    public void AheadAfterCancellations_Examples_ProportionalShareRoundedInOurDisfavour(string ahead, string level, string canceled, string expected)
    {
        Assert.Equal(Q(expected), QueueModel.AheadAfterCancellations(Q(ahead), Q(level), Q(canceled)));
    }

    [Fact]
    public void AheadAfterCancellations_AnyInput_NeverMovesBackNorPastTheLevelLeftNorMoreThanCanceled()
    {
        var inputs = Gen.Choose(1, 1_000_000).SelectMany(level =>
            Gen.Choose(0, level).SelectMany(ahead =>
                Gen.Choose(0, level).Select(canceled => (Level: (long)level, Ahead: (long)ahead, Canceled: (long)canceled))));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var level = new Quantity(x.Level * 1_000_000L);
            var ahead = new Quantity(x.Ahead * 1_000_000L);
            var canceled = new Quantity(x.Canceled * 1_000_000L);
            var after = QueueModel.AheadAfterCancellations(ahead, level, canceled);
            return after <= ahead && after.Raw >= 0 && after <= level - canceled && ahead - after <= canceled;
        }));
    }

    [Fact]
    public void AheadAfterTradeAndReachingOrder_TradesOf60Then50Behind100_TenReach()
    {
        var ahead = Q("100");
        Assert.Equal(Quantity.Zero, QueueModel.ReachingOrder(ahead, Q("60")));
        ahead = QueueModel.AheadAfterTrade(ahead, Q("60"));
        Assert.Equal(Q("40"), ahead);
        Assert.Equal(Q("10"), QueueModel.ReachingOrder(ahead, Q("50")));
        Assert.Equal(Quantity.Zero, QueueModel.AheadAfterTrade(ahead, Q("50")));
    }
}
