namespace Edgewise.Engine;

internal static class Placeholder;
