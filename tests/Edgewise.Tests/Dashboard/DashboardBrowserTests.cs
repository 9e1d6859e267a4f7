using Edgewise.Core.Orders;
using Edgewise.Engine.Execution;
using Edgewise.Engine.Risk;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Edgewise.Tests.Dashboard;

/// <summary>
/// The dashboard page in a real browser (Debian's chromium driven by Playwright) against a live engine (RunAsync, events
/// through its inbox). Nothing sleeps: the test waits for the engine through its snapshots and for the page through
/// Playwright's auto-retrying expectations. Figures as in DashboardPublisherTests: 9,999.299 after the buy,
/// 10,000.948 after the sell, shown to the cent.
/// </summary>
public class DashboardBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task Page_LiveEngine_FiguresFollowTheEngineAndTheKillSwitchNeedsTheToken()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Skip($"{ChromiumPath} is not installed (apt-get install chromium; .ci/run installs it).");
        }

        var ct = TestContext.Current.CancellationToken;
        await using var d = await ServedDashboard.StartAsync(ct, live: true);
        var h = d.Harness;
        await TradeAsync(h, h.Alpha, OrderSide.Buy, 2m, 100.00m, 100.50m, fills: 1, ct);

        // Generous bounds for a loaded machine: expectations return as soon as they hold.
        SetDefaultExpectTimeout(30_000);
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("edgewise-chromium-");
        try
        {
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new ViewportSize { Width = 1440, Height = 1100 },
            });
            browser.SetDefaultTimeout(30_000);
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                // The refused kill-switch requests below are logged by the browser as failed loads: expected.
                if (message.Type == "error" && !message.Text.Contains("401 (Unauthorized)", StringComparison.Ordinal))
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);

            // The page loads and shows the engine's figures.
            await page.GotoAsync(d.Server.Url.ToString());
            await Expect(page.Locator("#stream-status")).ToHaveTextAsync("live");
            await Expect(page.Locator("#trading-state")).ToHaveTextAsync("Active");
            await Expect(page.Locator("#equity-value")).ToHaveTextAsync("9,999.30");
            await Expect(PositionCell(page, 1)).ToHaveTextAsync("2");
            await Expect(page.Locator("#equity-chart canvas").First).ToBeVisibleAsync();

            // New engine events reach the open page through the stream.
            await TradeAsync(h, h.Alpha, OrderSide.Sell, 1m, 101.00m, 101.50m, fills: 2, ct);
            await Expect(page.Locator("#equity-value")).ToHaveTextAsync("10,000.95");
            await Expect(page.Locator("#net-pnl-value")).ToHaveTextAsync("0.95");
            await Expect(PositionCell(page, 1)).ToHaveTextAsync("1");
            await Expect(page.Locator("#fills tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#books tbody tr td").Nth(2)).ToHaveTextAsync("101.00 × 5");

            // Without the token (from outside the page, and through the page with a wrong one) nothing happens.
            var refused = await page.APIRequest.PostAsync(new Uri(d.Server.Url, "api/kill-switch").ToString());
            Assert.Equal(401, refused.Status);
            await page.FillAsync("#kill-token", "not-the-token");
            await page.ClickAsync("#kill-button");
            await Expect(page.Locator("#kill-result")).ToContainTextAsync("Refused");
            await Expect(page.Locator("#trading-state")).ToHaveTextAsync("Active");
            Assert.Equal(TradingState.Active, h.Publisher.Current.Risk.State);

            // With the token trading halts, and the page says so.
            await page.FillAsync("#kill-token", d.Server.Token);
            await page.ClickAsync("#kill-button");
            await Expect(page.Locator("#kill-result")).ToContainTextAsync("Trading halted");
            await Expect(page.Locator("#trading-state")).ToHaveTextAsync("Halted");
            await Expect(page.Locator("#state-reason")).ToHaveTextAsync("kill switch from the dashboard");
            h.Alpha.Market(OrderSide.Buy, 1m);
            h.Book(101.00m, 101.50m);
            var denied = await h.Alpha.NextResultAsync(ct);
            Assert.Equal((SubmitOutcome.Denied, DenialReason.TradingHalted), (denied.Outcome, denied.Reason));

            var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
            var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, screenshot, ct);
            TestContext.Current.AddAttachment("dashboard.png", screenshot, "image/png");
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static ILocator PositionCell(IPage page, int column) => page.Locator("#positions tbody tr").First.Locator("td").Nth(column);

    /// <summary>
    /// Has <paramref name="strategy"/> trade at market when the book shows <paramref name="bid"/> / <paramref name="ask"/>,
    /// waits until the loop has submitted it, then moves the engine clock a second so the ticker publishes (its timer
    /// messages queue behind the fill), and waits for the snapshot that shows <paramref name="fills"/> fills.
    /// </summary>
    private static async Task TradeAsync(DashboardHarness h, CommandedStrategy strategy, OrderSide side, decimal quantity, decimal bid, decimal ask, int fills, CancellationToken ct)
    {
        strategy.Market(side, quantity);
        h.Book(bid, ask);
        var result = await strategy.NextResultAsync(ct);
        Assert.Equal(SubmitOutcome.Sent, result.Outcome);
        h.Advance(TimeSpan.FromSeconds(1));
        await h.WaitForAsync(s => s.TotalFills == fills && s.Time >= h.Clock.GetUtcNow(), ct);
    }
}
