namespace SafeAuth.Analyzers.Options;

/// <summary>
/// MSBuild properties the package makes visible to the analyzers through <c>CompilerVisibleProperty</c>
/// (see <c>src/SafeAuth.Analyzers.Package/build/SafeAuth.Analyzers.props</c>); a meta test keeps the two lists equal.
/// </summary>
internal static class MSBuildProperties
{
    public const string UseMaui = "UseMaui";
    public const string UseWPF = "UseWPF";
    public const string UseWindowsForms = "UseWindowsForms";
    public const string UseWinUI = "UseWinUI";
    public const string OutputType = "OutputType";
    public const string UsingMicrosoftNETSdkWeb = "UsingMicrosoftNETSdkWeb";
    public const string UsingMicrosoftNETSdkBlazorWebAssembly = "UsingMicrosoftNETSdkBlazorWebAssembly";
    public const string IsTestProject = "IsTestProject";
    public const string SafeAuthAnalysisMode = "SafeAuthAnalysisMode";

    /// <summary><c>native</c>, <c>browser</c> or <c>server</c>: overrides what the references and SDK properties say.</summary>
    public const string SafeAuthProjectKind = "SafeAuthProjectKind";

    public static readonly string[] All =
    {
        UseMaui, UseWPF, UseWindowsForms, UseWinUI, OutputType,
        UsingMicrosoftNETSdkWeb, UsingMicrosoftNETSdkBlazorWebAssembly, IsTestProject, SafeAuthAnalysisMode, SafeAuthProjectKind,
    };
}
