namespace Edgewise.TestKit;

internal static class Placeholder;
