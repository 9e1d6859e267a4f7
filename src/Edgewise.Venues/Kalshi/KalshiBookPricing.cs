namespace Edgewise.Venues.Kalshi;

/// <summary>
/// How the NO side of Kalshi's order book is priced on the wire, set by the <c>use_yes_price</c> subscribe flag (FACTS §5.5).
/// Kalshi says the flag's default will flip and the flag will later go, so a connection always states it: this enum has no
/// zero value, and the parser and <see cref="KalshiCommands"/> refuse an unset one.
/// </summary>
public enum KalshiBookPricing : byte
{
    /// <summary><c>use_yes_price: false</c>: a NO level at p is a NO bid at p, i.e. a YES ask at 1 − p.</summary>
    NoLevelsAtNoPrice = 1,

    /// <summary><c>use_yes_price: true</c>: NO levels arrive already in YES terms, so a NO level at p is a YES ask at p.</summary>
    NoLevelsAtYesPrice = 2,
}
