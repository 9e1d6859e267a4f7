namespace Edgewise.Simulators;

/// <summary>
/// What a <see cref="SimVenueServer"/> REST route answers. When <see cref="HeldUntil"/> is given the answer waits
/// for that task, so a test decides exactly when a snapshot reply lands.
/// </summary>
public sealed record SimRestResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, Task? HeldUntil = null)
{
    public static SimRestResponse Json(string body) => new(200, body);
}
