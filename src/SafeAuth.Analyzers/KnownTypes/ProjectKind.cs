using System;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeAuth.Analyzers.Options;

namespace SafeAuth.Analyzers.KnownTypes;

/// <summary>What kind of application a compilation builds. Decided once per compilation, never per file.</summary>
[Flags]
internal enum ProjectKind
{
    Unknown = 0,
    /// <summary>An ASP.NET Core server (references the HTTP pipeline, or uses the Web SDK).</summary>
    Server = 1,
    /// <summary>A Blazor WebAssembly app: runs in the user's browser.</summary>
    BrowserApp = 2,
    /// <summary>A MAUI, WPF, WinForms, WinUI, Avalonia, Xamarin or Uno app: runs on the user's device.</summary>
    NativeApp = 4,
    /// <summary>References a unit-test framework.</summary>
    TestProject = 8,
}

internal static class ProjectKindDetector
{
    private static readonly string[] NativeAppTypes =
    {
        MetadataNames.MauiApplication,
        MetadataNames.WpfApplication,
        MetadataNames.WinFormsForm,
        MetadataNames.WinUIApplication,
        MetadataNames.AvaloniaApplication,
        MetadataNames.XamarinFormsApplication,
        MetadataNames.UnoApplication,
    };

    private static readonly string[] NativeAppProperties =
    {
        MSBuildProperties.UseMaui, MSBuildProperties.UseWPF, MSBuildProperties.UseWindowsForms, MSBuildProperties.UseWinUI,
    };

    private static readonly string[] TestFrameworkTypes =
    {
        MetadataNames.XunitFact, MetadataNames.NUnitTest, MetadataNames.MSTestMethod,
    };

    /// <summary>
    /// The kind of the compilation <paramref name="types"/> belongs to, decided on first use and cached with the
    /// compilation's type cache, so every SafeAuth analyzer sees the same answer.
    /// </summary>
    public static ProjectKind Detect(WellKnownTypes types, AnalyzerOptions options) =>
        types.GetOrAddProjectKind(options, static (t, o) => Compute(t, o));

    private static ProjectKind Compute(WellKnownTypes types, AnalyzerOptions options)
    {
        var kind = ProjectKind.Unknown;

        // An explicit declaration wins over every inferred signal (a project that cannot use the desktop SDK here,
        // or a library that knows where it ships).
        var declared = SafeAuthOptions.GetMSBuildProperty(options, MSBuildProperties.SafeAuthProjectKind);
        switch (declared?.ToLowerInvariant())
        {
            case "native":
                kind = ProjectKind.NativeApp;
                break;
            case "browser":
                kind = ProjectKind.BrowserApp;
                break;
            case "server":
                kind = ProjectKind.Server;
                break;
            default:
                kind = Infer(types, options);
                break;
        }

        foreach (var name in TestFrameworkTypes)
        {
            if (types.Get(name) is not null)
            {
                kind |= ProjectKind.TestProject;
                break;
            }
        }

        if (SafeAuthOptions.IsMSBuildPropertyTrue(options, MSBuildProperties.IsTestProject))
        {
            kind |= ProjectKind.TestProject;
        }

        return kind;
    }

    private static ProjectKind Infer(WellKnownTypes types, AnalyzerOptions options)
    {
        var kind = ProjectKind.Unknown;

        if (types.Get(MetadataNames.WebAssemblyHostBuilder) is not null
            || SafeAuthOptions.IsMSBuildPropertyTrue(options, MSBuildProperties.UsingMicrosoftNETSdkBlazorWebAssembly))
        {
            kind |= ProjectKind.BrowserApp;
        }

        foreach (var property in NativeAppProperties)
        {
            if (SafeAuthOptions.IsMSBuildPropertyTrue(options, property))
            {
                kind |= ProjectKind.NativeApp;
                break;
            }
        }

        if ((kind & ProjectKind.NativeApp) == 0)
        {
            foreach (var name in NativeAppTypes)
            {
                if (types.Get(name) is not null)
                {
                    kind |= ProjectKind.NativeApp;
                    break;
                }
            }
        }

        // OutputType=Exe on its own says nothing: a console daemon or worker is a confidential client.
        var isWebSdk = SafeAuthOptions.IsMSBuildPropertyTrue(options, MSBuildProperties.UsingMicrosoftNETSdkWeb);
        if ((kind & ProjectKind.BrowserApp) == 0
            && (isWebSdk || types.Get(MetadataNames.HttpContext) is not null))
        {
            kind |= ProjectKind.Server;
        }

        return kind;
    }

    /// <summary>Client code reads its own tokens (UI state, refresh timing); that is not a server trusting input.</summary>
    public static bool IsClient(this ProjectKind kind) =>
        (kind & (ProjectKind.BrowserApp | ProjectKind.NativeApp)) != 0 && (kind & ProjectKind.Server) == 0;
}
