// Source-generated JSON for everything the dashboard sends: camelCase names, enums by name, decimals as exact strings.
using System.Text.Json.Serialization;
using Edgewise.Dashboard.Snapshots;

namespace Edgewise.Dashboard.Server;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(DecimalStringConverter)])]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(KillSwitchReply))]
[JsonSerializable(typeof(ApiEnvelope<DashboardSnapshot>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<PositionRow>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<OrderRow>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<FillRow>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<BookTopRow>>))]
[JsonSerializable(typeof(ApiEnvelope<IReadOnlyList<FeedStatus>>))]
[JsonSerializable(typeof(ApiEnvelope<RiskStatus>))]
[JsonSerializable(typeof(ApiEnvelope<PnlReport>))]
public sealed partial class DashboardJsonContext : JsonSerializerContext;
