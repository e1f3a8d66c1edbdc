namespace SafeAuth.Tests.Fixtures;

/// <summary>A clock that stands still unless a test moves it.</summary>
public sealed class FrozenTimeProvider : TimeProvider
{
    public FrozenTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
