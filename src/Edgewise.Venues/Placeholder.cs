namespace Edgewise.Venues;

internal static class Placeholder;
