namespace Edgewise.Strategies;

/// <summary>Names this assembly for the layering test (strategies may reference Core and Engine only).</summary>
public static class AssemblyMarker;
