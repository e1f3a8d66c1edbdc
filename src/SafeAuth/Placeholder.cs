namespace SafeAuth;
internal static class AssemblyMarker { }
