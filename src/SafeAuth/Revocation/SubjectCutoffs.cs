using System;
using System.Collections.Generic;

namespace SafeAuth.Revocation;

/// <summary>
/// Per-subject cut-offs for the in-memory stores: "everything of this subject up to an instant is revoked", remembered
/// until a keep-until instant. Both only move forward. Not thread-safe: the stores hold their own lock.
/// </summary>
internal sealed class SubjectCutoffs
{
    private readonly Dictionary<string, (DateTimeOffset UpTo, DateTimeOffset KeepUntil)> _bySubject = new(StringComparer.Ordinal);

    /// <summary>Moves <paramref name="subject"/>'s cut-off and its lifetime forward, never back.</summary>
    public void Raise(string subject, DateTimeOffset upTo, DateTimeOffset keepUntil)
    {
        if (_bySubject.TryGetValue(subject, out var known))
        {
            upTo = known.UpTo > upTo ? known.UpTo : upTo;
            keepUntil = known.KeepUntil > keepUntil ? known.KeepUntil : keepUntil;
        }

        _bySubject[subject] = (upTo, keepUntil);
    }

    /// <summary>The subject's cut-off, while it is remembered at <paramref name="now"/>.</summary>
    public DateTimeOffset? UpTo(string? subject, DateTimeOffset now)
        => subject is not null && _bySubject.TryGetValue(subject, out var cut) && cut.KeepUntil >= now ? cut.UpTo : null;

    /// <summary>Forgets the cut-offs no longer needed at <paramref name="now"/>.</summary>
    public void Purge(DateTimeOffset now)
    {
        foreach (var subject in new List<string>(_bySubject.Keys))
        {
            if (_bySubject[subject].KeepUntil < now)
            {
                _bySubject.Remove(subject);
            }
        }
    }
}
