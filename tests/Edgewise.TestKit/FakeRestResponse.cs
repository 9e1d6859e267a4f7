namespace Edgewise.TestKit;

/// <summary>
/// What a <see cref="FakeVenueServer"/> REST route answers. When <see cref="HeldUntil"/> is given the answer waits
/// for that task, so a test decides exactly when a snapshot reply lands.
/// </summary>
public sealed record FakeRestResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, Task? HeldUntil = null)
{
    public static FakeRestResponse Json(string body) => new(200, body);
}
