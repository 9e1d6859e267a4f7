using Edgewise.Engine.Risk;

namespace Edgewise.Strategies.BtcBinary.Profiles;

/// <summary>
/// A named, validated parameterisation of the BTC binary strategy with the risk limits it runs under.
/// <paramref name="Sha256"/> is the hash of the profile file's bytes, recorded with every run so two runs can be
/// told apart even when a file keeps its name.
/// </summary>
public sealed record BtcBinaryProfile(
    string Name,
    string Description,
    string Sha256,
    string Source,
    BtcBinaryOptions Options,
    RiskLimits Risk);
