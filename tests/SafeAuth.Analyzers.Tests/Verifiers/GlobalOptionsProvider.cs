using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>Analyzer options whose global section (and every file's) holds the given keys, as a <c>.globalconfig</c> would.</summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) => _global = new Options(values);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

    /// <summary>Analyzer options with no additional files and these global keys.</summary>
    public static AnalyzerOptions AnalyzerOptions(params (string Key, string Value)[] values) =>
        new(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(values.ToDictionary(v => v.Key, v => v.Value)));

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
