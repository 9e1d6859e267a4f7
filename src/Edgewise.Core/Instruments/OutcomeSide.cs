namespace Edgewise.Core.Instruments;

/// <summary>The two outcomes of a binary contract. A YES contract pays $1 when the event happens, a NO contract when it does not.</summary>
public enum OutcomeSide : byte
{
    Yes = 1,
    No = 2,
}
