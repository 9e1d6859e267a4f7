// Turns validation results into one exception at construction, so a client never starts with bad options
// even when nothing ran the options framework's validation (tests, tools).
using System.ComponentModel.DataAnnotations;

namespace Edgewise.Venues.Common;

internal static class OptionsValidation
{
    public static void ThrowIfInvalid(IValidatableObject options, string paramName)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        var errors = options.Validate(new ValidationContext(options)).Select(e => e.ErrorMessage).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), paramName);
        }
    }
}
