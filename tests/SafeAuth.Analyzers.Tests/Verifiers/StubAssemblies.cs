using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeAuth.Analyzers.Tests.Verifiers;

/// <summary>
/// Minimal stand-ins for UI frameworks the registry here does not serve (WPF, WinForms, MAUI, WinUI, Xamarin.Forms,
/// Uno): a referenced assembly with the real assembly name and the real namespace and type name of the app class,
/// so project-kind detection sees a reference exactly as it would in a real app.
/// </summary>
public static class StubAssemblies
{
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    public static MetadataReference Wpf => Get("PresentationFramework", "namespace System.Windows { public class Application { } }");

    public static MetadataReference WinForms => Get("System.Windows.Forms", "namespace System.Windows.Forms { public class Form { } }");

    public static MetadataReference Maui => Get("Microsoft.Maui.Controls", "namespace Microsoft.Maui.Controls { public class Application { } }");

    public static MetadataReference WinUI => Get("Microsoft.WinUI", "namespace Microsoft.UI.Xaml { public class Application { } }");

    public static MetadataReference XamarinForms => Get("Xamarin.Forms.Core", "namespace Xamarin.Forms { public class Application { } }");

    public static MetadataReference Uno => Get("Uno.UI", "namespace Windows.UI.Xaml { public class Application { } }");

    private static MetadataReference Get(string assemblyName, string source) =>
        Cache.GetOrAdd(assemblyName, name =>
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        });
}
