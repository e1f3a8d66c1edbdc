using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;

namespace SafeAuth.Analyzers.Rules.Tokens;

// AUTH201 for payloads: dictionaries, JwtPayload and anonymous objects handed to an encoder, and whether they carry an exp entry.
public sealed partial class TokenWithoutExpiryAnalyzer
{
    private sealed partial class Analysis
    {
        private void AnalyzePayloadArgument(OperationAnalysisContext context, IInvocationOperation invocation, IOperation root, string member)
        {
            var payload = invocation.GetArgument("payload");
            if (payload is null)
            {
                return;
            }

            if (payload.Type?.SpecialType == SpecialType.System_String)
            {
                if (ValueFlow.TryGetString(payload, out var json) && json.TrimStart().StartsWith("{", StringComparison.Ordinal) && !ExpMember.IsMatch(json))
                {
                    Report(context, payload.Syntax.GetLocation(), FixShape.None, member);
                }

                return;
            }

            var creation = ValueFlow.Resolve(payload);
            PayloadState state;
            FixShape shape;
            switch (creation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    state = AnonymousState(anonymous);
                    shape = FixShape.AnonymousMember;
                    break;
                case IObjectCreationOperation dictionary:
                    state = PayloadOfCreation(dictionary, root);
                    shape = FixShape.DictionaryEntry;
                    break;
                default:
                    return;
            }

            if (state == PayloadState.NoExp)
            {
                Report(context, creation.Syntax.GetLocation(), shape, member);
            }
        }

        private static PayloadState AnonymousState(IAnonymousObjectCreationOperation anonymous)
        {
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && property.Property.Name == "exp")
                {
                    return PayloadState.HasExp;
                }
            }

            return PayloadState.NoExp;
        }

        /// <summary>A dictionary (or <c>JwtPayload</c>) creation: its initializer, then what the member does to the local holding it.</summary>
        private PayloadState PayloadOfCreation(IObjectCreationOperation creation, IOperation root)
        {
            var state = DictionaryState(creation, root);
            if (state != PayloadState.NoExp)
            {
                return state;
            }

            var parent = creation.WalkUpConversion(out _);
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return LocalDictionaryState(declarator.Symbol, root);
            }

            if (parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned })
            {
                return LocalDictionaryState(assigned.Local, root);
            }

            return parent is IArgumentOperation or IObjectOrCollectionInitializerOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }
                ? PayloadState.NoExp
                : PayloadState.Unknown;
        }

        private static PayloadState DictionaryState(IObjectCreationOperation creation, IOperation root)
        {
            if (!IsStringKeyedDictionary(creation.Type))
            {
                return PayloadState.Unknown;
            }

            foreach (var argument in creation.Arguments)
            {
                // new Dictionary<string, object>(other) copies entries we cannot see; a capacity or comparer is fine.
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.Name is not ("capacity" or "comparer" or "expires" or "notBefore" or "issuedAt" or "issuer" or "audience" or "claims" or "claimsCollection"))
                {
                    return PayloadState.Unknown;
                }

                if (argument.Parameter?.Name == "claimsCollection" && argument.ArgumentKind != ArgumentKind.DefaultValue && !ValueFlow.IsConstantNull(argument.Value))
                {
                    return PayloadState.Unknown;
                }
            }

            if (creation.Initializer is null)
            {
                return PayloadState.NoExp;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                switch (initializer)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer }:
                        var key = KeyState(indexer.Arguments[0].Value);
                        if (key != PayloadState.NoExp)
                        {
                            return key;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length >= 1:
                        var addKey = KeyState(add.Arguments[0].Value);
                        if (addKey != PayloadState.NoExp)
                        {
                            return addKey;
                        }

                        break;
                    case ISimpleAssignmentOperation:
                        break;
                    default:
                        return PayloadState.Unknown;
                }
            }

            return PayloadState.NoExp;
        }

        /// <summary>After the local is created: <c>local["exp"] = …</c>, <c>local.Add("exp", …)</c>, or the local handed to a method.</summary>
        private static PayloadState LocalDictionaryState(ILocalSymbol local, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance, Arguments.Length: 1 } indexer
                        when SymbolEqualityComparer.Default.Equals(instance.Local, local) && indexer.Parent is ISimpleAssignmentOperation assignment && assignment.Target == indexer:
                        var key = KeyState(indexer.Arguments[0].Value);
                        if (key != PayloadState.NoExp)
                        {
                            return key;
                        }

                        break;
                    case IInvocationOperation { Instance: ILocalReferenceOperation receiver } call when SymbolEqualityComparer.Default.Equals(receiver.Local, local):
                        switch (call.TargetMethod.Name)
                        {
                            case "Add" or "TryAdd" when call.Arguments.Length == 2:
                                var addKey = KeyState(call.Arguments[0].Value);
                                if (addKey != PayloadState.NoExp)
                                {
                                    return addKey;
                                }

                                break;
                            case "AddClaim" or "AddClaims" or "Add" or "Union":
                                return PayloadState.Unknown;
                        }

                        break;
                    case IArgumentOperation { Value: var value } argument
                        when value.WalkDownConversion() is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        if (!IsEncodeSink(argument.Parent))
                        {
                            return PayloadState.Unknown;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation reassigned } reassignment
                        when SymbolEqualityComparer.Default.Equals(reassigned.Local, local) && reassignment.Parent is not IVariableInitializerOperation:
                        return PayloadState.Unknown;
                }
            }

            return PayloadState.NoExp;
        }

        private static bool IsEncodeSink(IOperation? operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name is "Encode" or "EncodeBytes",
            IObjectCreationOperation creation => creation.Type?.Name == "JwtSecurityToken",
            _ => false,
        };

        private static PayloadState KeyState(IOperation key) =>
            ValueFlow.TryGetString(key, out var text)
                ? (text == "exp" ? PayloadState.HasExp : PayloadState.NoExp)
                : PayloadState.Unknown;

        private static bool IsStringKeyedDictionary(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            var candidates = type is INamedTypeSymbol named ? type.AllInterfaces.Add(named) : type.AllInterfaces;
            foreach (var candidate in candidates)
            {
                if (candidate is { Name: "IDictionary", IsGenericType: true } dictionary
                    && dictionary.ContainingNamespace.ToDisplayString() == "System.Collections.Generic"
                    && dictionary.TypeArguments[0].SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Anywhere in the member: <c>new Claim("exp", …)</c> (also <c>JwtRegisteredClaimNames.Exp</c>).</summary>
        private static bool RootAddsExpClaim(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IObjectCreationOperation { Type.Name: "Claim" } claim && claim.Arguments.Length >= 2
                    && ValueFlow.TryGetString(claim.Arguments[0].Value, out var type) && type == "exp")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
