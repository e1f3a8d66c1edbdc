using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;
using SafeAuth.Analyzers.KnownTypes;

namespace SafeAuth.Analyzers.Rules.Secrets;

/// <summary>
/// Where AUTH301 looks for a key: the value each signing or MAC key argument or assignment receives, with the member
/// that receives it (<c>new SymmetricSecurityKey</c>, <c>HMACSHA256.Key</c>, <c>JwtBuilder.WithSecret</c>…).
/// </summary>
internal sealed class SigningKeySinks
{
    private static readonly string[] HmacNames = { "HMACSHA1", "HMACSHA256", "HMACSHA384", "HMACSHA512", "HMACMD5", "HMAC", "HashData", "HashDataAsync", "TryHashData" };
    private static readonly string[] JwtNetNames = { "WithSecret", "Encode", "Decode", "DecodeToObject" };
    private static readonly string[] JoseNames = { "Encode", "Decode", "DecodeBytes", "Verify", "Decrypt" };

    /// <summary>Text that every file naming one of the identifiers above contains (fewer, shorter words to search for).</summary>
    private static readonly string[] HmacWords = { "HMAC", "HashData" };
    private static readonly string[] JwtNetWords = { "WithSecret", "Encode", "Decode" };
    private static readonly string[] JoseWords = { "Encode", "Decode", "Verify", "Decrypt" };

    private readonly SecretSymbols _symbols;

    public SigningKeySinks(SecretSymbols symbols)
    {
        _symbols = symbols;
        var names = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        var words = ImmutableHashSet.CreateBuilder<string>(System.StringComparer.Ordinal);
        if (symbols.SymmetricSecurityKey is not null)
        {
            names.Add("SymmetricSecurityKey");
            words.Add("SymmetricSecurityKey");
        }

        if (symbols.KeyedHashAlgorithm is not null)
        {
            names.UnionWith(HmacNames);
            words.UnionWith(HmacWords);
        }

        if (symbols.JwtNetBuilder is not null || symbols.JwtNetIEncoder is not null || symbols.JwtNetIDecoder is not null)
        {
            names.UnionWith(JwtNetNames);
            words.UnionWith(JwtNetWords);
        }

        if (symbols.JoseJwt is not null)
        {
            names.UnionWith(JoseNames);
            words.UnionWith(JoseWords);
        }

        SinkNames = names.ToImmutable();
        SinkWords = words.ToImmutableArray();
    }

    /// <summary>
    /// Identifiers a method body names when it can hold a sink of a library this compilation references: a filter on
    /// the project's helpers before one is bound (a helper that assigns <c>hmac.Key</c> also names its HMAC type).
    /// </summary>
    public ImmutableHashSet<string> SinkNames { get; }

    /// <summary>Words the text of a file holding such a helper contains, searched before its syntax is looked at.</summary>
    public ImmutableArray<string> SinkWords { get; }

    /// <summary>The key values <paramref name="operation"/> hands to a sink, each with the sink's name; none for most operations.</summary>
    public void Collect(IOperation operation, List<(IOperation Value, string Member)> sinks)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                FromCreation(creation, sinks);
                break;
            case IInvocationOperation invocation:
                FromInvocation(invocation, sinks);
                break;
            case ISimpleAssignmentOperation assignment:
                FromAssignment(assignment, sinks);
                break;
        }
    }

    private void FromCreation(IObjectCreationOperation creation, List<(IOperation Value, string Member)> sinks)
    {
        if (creation.Type is not INamedTypeSymbol type || creation.Constructor is null || !HasKeyParameter(creation.Constructor)
            || !(type.InheritsFromOrEquals(_symbols.SymmetricSecurityKey) || type.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm)))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "key")
            {
                sinks.Add((argument.Value, "new " + type.Name));
            }
        }
    }

    private void FromAssignment(ISimpleAssignmentOperation assignment, List<(IOperation Value, string Member)> sinks)
    {
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Key" } property
            && property.Property.ContainingType.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm))
        {
            var type = property.Instance?.Type ?? property.Property.ContainingType;
            sinks.Add((assignment.Value, type.Name + ".Key"));
        }
    }

    private void FromInvocation(IInvocationOperation invocation, List<(IOperation Value, string Member)> sinks)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        // Most calls have no key parameter: a name check comes before any type walk.
        if (type is null || !HasKeyParameter(method))
        {
            return;
        }

        string member;
        if (method.IsStatic && method.Name is "HashData" or "HashDataAsync" or "TryHashData" && type.InheritsFromOrEquals(_symbols.KeyedHashAlgorithm))
        {
            member = type.Name + "." + method.Name;
        }
        else if (method.Name == "WithSecret" && SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetBuilder))
        {
            member = "JwtBuilder.WithSecret";
        }
        // The generic definition: calls with a 'key' parameter are mostly dictionary methods, and walking the
        // interfaces of every constructed dictionary type allocated a substituted copy of each (the benchmark's
        // largest allocation); the interfaces' definitions, all this test compares, are the same.
        else if (IsJwtNetKeyType(type.OriginalDefinition) || SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt))
        {
            member = (SymbolEqualityComparer.Default.Equals(type, _symbols.JoseJwt) ? "JWT" : ReceiverName(invocation, type)) + "." + method.Name;
        }
        else
        {
            return;
        }

        KeyArguments(invocation, member, sinks);
    }

    /// <summary>Every argument bound to a key parameter; each element of an array of keys (<c>params string[]</c>, <c>byte[][]</c>).</summary>
    private static void KeyArguments(IInvocationOperation invocation, string member, List<(IOperation Value, string Member)> sinks)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null || !IsKeyParameterName(argument.Parameter.Name))
            {
                continue;
            }

            if (argument.Value.WalkDownConversion() is IArrayCreationOperation { Initializer: { } initializer } array
                && array.Type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol or { SpecialType: SpecialType.System_String } })
            {
                foreach (var element in initializer.ElementValues)
                {
                    sinks.Add((element, member));
                }

                continue;
            }

            sinks.Add((argument.Value, member));
        }
    }

    private static bool HasKeyParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsKeyParameterName(parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyParameterName(string name) => name is "key" or "keys" or "secret" or "secrets";

    private bool IsJwtNetKeyType(INamedTypeSymbol type) =>
        type.ImplementsOrEquals(_symbols.JwtNetIEncoder) || type.ImplementsOrEquals(_symbols.JwtNetIDecoder)
        || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetEncoderExtensions)
        || SymbolEqualityComparer.Default.Equals(type, _symbols.JwtNetDecoderExtensions);

    private static string ReceiverName(IInvocationOperation invocation, INamedTypeSymbol type) =>
        invocation.GetReceiver()?.Type is INamedTypeSymbol receiver && receiver.TypeKind != TypeKind.Error ? receiver.Name : type.Name;
}
