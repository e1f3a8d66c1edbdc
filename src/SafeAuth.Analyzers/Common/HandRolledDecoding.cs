using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>
/// Recognises a JWT payload decoded by hand: <c>token.Split('.')[1]</c>, base64 or base64url decoded,
/// then parsed as JSON. Values are followed through locals, the usual padding and character fix-ups, and one level
/// into the project's own helpers (<c>ParseBase64WithoutPadding(payload)</c>, a helper that decodes a whole segment).
/// </summary>
internal static class HandRolledDecoding
{
    private const int MaxDepth = 16;

    public static bool IsJsonParse(IMethodSymbol method)
    {
        // Called for every invocation: rule out by name before building the type's display string.
        if (method.Name is not ("Deserialize" or "DeserializeAsync" or "Parse" or "DeserializeObject"))
        {
            return false;
        }

        var type = method.ContainingType?.ToDisplayString();
        return (type, method.Name) switch
        {
            ("System.Text.Json.JsonSerializer", "Deserialize" or "DeserializeAsync") => true,
            ("System.Text.Json.JsonDocument", "Parse") => true,
            ("System.Text.Json.Nodes.JsonNode", "Parse") => true,
            ("Newtonsoft.Json.JsonConvert", "DeserializeObject") => true,
            ("Newtonsoft.Json.Linq.JObject", "Parse") => true,
            ("Newtonsoft.Json.Linq.JToken", "Parse") => true,
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="json"/> is the decoded second segment of a dotted token.</summary>
    public static bool ComesFromJwtPayloadSegment(IOperation json) => TryFindPayloadSegment(json, out _, out _);

    /// <summary>Finds the <c>parts[1]</c> element read and the <c>Split('.')</c> call behind a parsed payload.</summary>
    public static bool TryFindPayloadSegment(IOperation json, out IArrayElementReferenceOperation element, out IInvocationOperation split)
    {
        var found = new Found();
        var result = Trace(json, decoded: false, depth: 0, found);
        element = found.Element!;
        split = found.Split!;
        return result && found.Element is not null && found.Split is not null;
    }

    private sealed class Found
    {
        public IArrayElementReferenceOperation? Element;
        public IInvocationOperation? Split;

        /// <summary>Set while a helper's body is traced: the trace may end at one of the helper's parameters.</summary>
        public bool InHelper;
        public IParameterSymbol? Parameter;
        public bool DecodedAtParameter;
    }

    private static bool Trace(IOperation operation, bool decoded, int depth, Found found)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        operation = operation.WalkDownConversion();
        switch (operation)
        {
            case IInvocationOperation invocation:
                return TraceInvocation(invocation, decoded, depth, found);

            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LambdaMethod) } } parameter }
                when found.InHelper:
                found.Parameter = parameter;
                found.DecodedAtParameter = decoded;
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return Trace(concatenation.LeftOperand, decoded, depth + 1, found);

            case IArrayElementReferenceOperation element when decoded:
                if (element.Indices.Length == 1
                    && element.Indices[0].ConstantValue is { HasValue: true, Value: 1 }
                    && IsDotSplit(element.ArrayReference, depth + 1, found))
                {
                    found.Element = element;
                    return true;
                }

                return false;

            case ILocalReferenceOperation local:
                foreach (var value in LocalValues(local))
                {
                    if (Trace(value, decoded, depth + 1, found))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool TraceInvocation(IInvocationOperation invocation, bool decoded, int depth, Found found)
    {
        var method = invocation.TargetMethod;
        if (IsBase64Decode(method))
        {
            return !decoded && invocation.Arguments.Length > 0 && Trace(invocation.Arguments[0].Value, decoded: true, depth + 1, found);
        }

        if (method.Name == "GetString" && method.ContainingType?.ToDisplayString() == "System.Text.Encoding"
            && invocation.Arguments.Length > 0)
        {
            return Trace(invocation.Arguments[0].Value, decoded, depth + 1, found);
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && invocation.Instance is not null
            && method.Name is "Replace" or "PadRight" or "PadLeft" or "Trim" or "TrimEnd" or "Substring" or "ToString")
        {
            return Trace(invocation.Instance, decoded, depth + 1, found);
        }

        return TraceThroughHelper(invocation, decoded, depth, found);
    }

    /// <summary>What a helper that takes part in a decode names: a base64 decode, the split, the padding or the character fix-ups.</summary>
    private static readonly ImmutableArray<string> HelperWords = ImmutableArray.Create("Base64", "Decode", "Split(", "Pad", "Replace(", "\"=");

    private static readonly ConditionalWeakTable<Compilation, ProjectMethods.SummaryTable<IOperation?>> Helpers = new();

    /// <summary>The bodies of the project's methods that may decode or pad a segment (the rest are never bound for this).</summary>
    private static ProjectMethods.SummaryTable<IOperation?> CreateHelpers(Compilation compilation) =>
        ProjectMethods.For(compilation).Summaries<IOperation?>(HelperWords, MayDecode, body => body, null);

    /// <summary>Whether an identifier names a base64 decode: <c>FromBase64String</c>, <c>Base64UrlEncoder.Decode</c>, a project's <c>ParseBase64WithoutPadding</c>.</summary>
    internal static bool NamesDecode(string identifier) =>
        identifier.IndexOf("Base64", System.StringComparison.Ordinal) >= 0 || identifier is "Decode" or "DecodeBytes";

    private static bool MayDecode(SyntaxNode syntax)
    {
        foreach (var token in syntax.DescendantTokens())
        {
            var text = token.ValueText;
            if ((token.IsKind(SyntaxKind.IdentifierToken)
                 && (NamesDecode(text) || text is "Split" or "PadRight" or "PadLeft" or "Replace"))
                || (token.IsKind(SyntaxKind.StringLiteralToken) && text is "=" or "==")
                || (token.IsKind(SyntaxKind.CharacterLiteralToken) && text is "="))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One level into a project method: what it returns is traced in its body; a trace that ends at one of its
    /// parameters goes on with the argument the call passes for it, one that finds the whole segment read there ends.
    /// </summary>
    private static bool TraceThroughHelper(IInvocationOperation invocation, bool decoded, int depth, Found found)
    {
        if (found.InHelper || invocation.SemanticModel?.Compilation is not { } compilation || invocation.TargetMethod.ReturnsVoid)
        {
            return false;
        }

        if (Helpers.GetValue(compilation, CreateHelpers).Get(invocation.TargetMethod) is not { } body)
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is not IReturnOperation { ReturnedValue: { } returned } || InNestedFunction(operation, body))
            {
                continue;
            }

            var inner = new Found { InHelper = true };
            if (!Trace(returned, decoded, depth + 1, inner))
            {
                continue;
            }

            if (inner.Parameter is null)
            {
                found.Element = inner.Element;
                found.Split = inner.Split;
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == inner.Parameter.Ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && Trace(argument.Value, inner.DecodedAtParameter, depth + 1, found))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool InNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDotSplit(IOperation array, int depth, Found found)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        array = array.WalkDownConversion();
        if (array is ILocalReferenceOperation local)
        {
            foreach (var value in LocalValues(local))
            {
                if (IsDotSplit(value, depth + 1, found))
                {
                    return true;
                }
            }

            return false;
        }

        if (array is IInvocationOperation { TargetMethod.Name: "Split" } split
            && split.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String)
        {
            foreach (var argument in split.Arguments)
            {
                var constant = argument.Value.WalkDownConversion().ConstantValue;
                if (constant.HasValue && constant.Value is '.' or ".")
                {
                    found.Split = split;
                    return true;
                }

                if (argument.Value.WalkDownConversion() is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (element.WalkDownConversion().ConstantValue is { HasValue: true, Value: '.' or "." })
                        {
                            found.Split = split;
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The values a local is given (<see cref="LocalWrites"/>, the value-flow layer's walk).</summary>
    private static System.Collections.Generic.IReadOnlyList<IOperation> LocalValues(ILocalReferenceOperation local) =>
        LocalWrites.Of(local.Local, local).Values;

    private static bool IsBase64Decode(IMethodSymbol method)
    {
        if (method.Name is not ("FromBase64String" or "Decode" or "DecodeBytes" or "Base64UrlDecode" or "DecodeFromChars" or "DecodeFromUtf8"))
        {
            return false;
        }

        var type = method.ContainingType?.ToDisplayString();
        return (type, method.Name) switch
        {
            ("System.Convert", "FromBase64String") => true,
            ("Microsoft.IdentityModel.Tokens.Base64UrlEncoder", "Decode" or "DecodeBytes") => true,
            ("Microsoft.AspNetCore.WebUtilities.WebEncoders", "Base64UrlDecode") => true,
            ("Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder", "Decode") => true,
            ("System.Buffers.Text.Base64Url", "DecodeFromChars" or "DecodeFromUtf8") => true,
            _ => false,
        };
    }
}
