namespace Edgewise.Storage;

internal static class Placeholder;
