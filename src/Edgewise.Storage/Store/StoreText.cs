// Conversions between domain values and the store's column representations (see StoreMigrations for the rules).
// Money goes through decimal's invariant text, which keeps every digit and the scale ("1.50" stays 1.50).
// Reading is strict: text that is not a decimal or an enum member is corruption, reported with the column.
using System.Globalization;

namespace Edgewise.Storage.Store;

internal static class StoreText
{
    private const NumberStyles MoneyStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseMoney(string text, string column) =>
        decimal.TryParse(text, MoneyStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"Store column {column} holds '{text}', which is not a decimal.");

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString() : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    public static TEnum ParseName<TEnum>(string text, string column)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw new InvalidDataException($"Store column {column} holds '{text}', which is not a {typeof(TEnum).Name}.");
}
