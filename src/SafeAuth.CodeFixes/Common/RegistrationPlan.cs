using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SafeAuth.CodeFixes.Common;

/// <summary>
/// Which of a fix's registrations the project still lacks, and what its title says about them: what the fix adds to the
/// composition root, or, with none to edit, what the user must register.
/// </summary>
internal sealed class RegistrationPlan
{
    private RegistrationPlan(ImmutableArray<Registration> registrations, string titleSuffix)
    {
        Registrations = registrations;
        TitleSuffix = titleSuffix;
    }

    /// <summary>The registrations the fix adds (empty when all are made, or when there is no composition root).</summary>
    public ImmutableArray<Registration> Registrations { get; }

    /// <summary>Appended to the fix title: <c> (adds …)</c>, <c> (register … at startup)</c>, or nothing.</summary>
    public string TitleSuffix { get; }

    /// <param name="document">The document the fix edits.</param>
    /// <param name="wanted">The registrations the fixed code needs.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public static async Task<RegistrationPlan> ForAsync(Document document, ImmutableArray<Registration> wanted, CancellationToken cancellationToken)
    {
        var needed = ImmutableArray.CreateBuilder<Registration>();
        foreach (var registration in wanted)
        {
            if (!await CompositionRoot.IsRegisteredAsync(document.Project, registration, cancellationToken).ConfigureAwait(false))
            {
                needed.Add(registration);
            }
        }

        if (needed.Count == 0)
        {
            return new RegistrationPlan(ImmutableArray<Registration>.Empty, string.Empty);
        }

        var what = string.Join(" and ", needed.Select(r => r.Description));
        var settings = needed.Where(r => r.Settings is not null).Select(r => r.Settings).ToList();
        var then = settings.Count == 0 ? string.Empty : "; " + string.Join("; ", settings);
        var root = await CompositionRoot.FindAsync(document.Project, cancellationToken).ConfigureAwait(false);
        return root is null
            ? new RegistrationPlan(ImmutableArray<Registration>.Empty, $" (register {what} at startup{then})")
            : new RegistrationPlan(needed.ToImmutable(), $" (adds {what}{then})");
    }
}
