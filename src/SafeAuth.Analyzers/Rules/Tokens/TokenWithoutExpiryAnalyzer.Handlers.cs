using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeAuth.Analyzers.Common;

namespace SafeAuth.Analyzers.Rules.Tokens;

// AUTH201 for token handlers: CreateToken/CreateJwtSecurityToken/CreateEncodedJwt with a descriptor or a string payload, and whether the handler fills in default times.
public sealed partial class TokenWithoutExpiryAnalyzer
{
    private sealed partial class Analysis
    {
        private void AnalyzeHandlerCreate(OperationAnalysisContext context, IInvocationOperation invocation, IOperation root)
        {
            var member = (invocation.Instance?.Type?.Name ?? invocation.TargetMethod.ContainingType.Name) + "." + invocation.TargetMethod.Name;
            var payload = invocation.GetArgument("payload");
            if (payload is not null && payload.Type?.SpecialType == SpecialType.System_String)
            {
                // CreateToken(string payload, …) writes the payload as it is: no default times.
                if (ValueFlow.TryGetString(payload, out var json) && json.TrimStart().StartsWith("{", StringComparison.Ordinal) && !ExpMember.IsMatch(json))
                {
                    Report(context, payload.Syntax.GetLocation(), FixShape.None, member);
                }

                return;
            }

            IOperation? descriptor = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Type.InheritsFromOrEquals(_symbols.SecurityTokenDescriptor))
                {
                    descriptor = argument.Value;
                }
            }

            if (descriptor is null || invocation.Instance is null || HandlerSetsDefaultTimes(invocation.Instance, root))
            {
                return;
            }

            var creation = ValueFlow.Resolve(descriptor) as IObjectCreationOperation;
            if (creation is null || creation.Arguments.Length != 0)
            {
                return;
            }

            if (InitializerSets(creation, "Expires", root, out var claimsUnknown) || claimsUnknown)
            {
                return;
            }

            if (descriptor.WalkDownConversion() is ILocalReferenceOperation local && LocalPropertySet(local.Local, "Expires", root))
            {
                return;
            }

            Report(context, creation.Syntax.GetLocation(), FixShape.DescriptorExpires, member);
        }

        /// <summary>Whether the initializer sets <paramref name="property"/> to something not null; a Claims dictionary with "exp" counts.</summary>
        private static bool InitializerSets(IObjectCreationOperation creation, string property, IOperation root, out bool claimsUnknown)
        {
            claimsUnknown = false;
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    continue;
                }

                if (target.Property.Name == property && !ValueFlow.IsConstantNull(assignment.Value))
                {
                    return true;
                }

                if (target.Property.Name == "Claims")
                {
                    var claims = ValueFlow.Resolve(assignment.Value);
                    var state = claims is IObjectCreationOperation dictionary ? DictionaryState(dictionary, root) : PayloadState.Unknown;
                    if (state == PayloadState.HasExp)
                    {
                        return true;
                    }

                    claimsUnknown |= state == PayloadState.Unknown;
                }
            }

            return false;
        }

        /// <summary><c>local.Property = value</c> (not null) somewhere in the member, or the local handed elsewhere.</summary>
        private static bool LocalPropertySet(ILocalSymbol local, string property, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } target } assignment
                    && SymbolEqualityComparer.Default.Equals(instance.Local, local)
                    && (target.Property.Name == property || target.Property.Name == "Claims")
                    && !ValueFlow.IsConstantNull(assignment.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the handler fills in default times. Only a constant <c>SetDefaultTimesOnTokenCreation = false</c> on the
        /// handler, seen in its creation, on its local, or on its field anywhere in the field's type, turns them off.
        /// </summary>
        private bool HandlerSetsDefaultTimes(IOperation handler, IOperation root)
        {
            var value = handler.WalkDownConversion();
            switch (value)
            {
                case IObjectCreationOperation creation:
                    return !InitializerTurnsDefaultTimesOff(creation);
                case ILocalReferenceOperation local:
                    if (ValueFlow.Resolve(local) is IObjectCreationOperation localCreation && InitializerTurnsDefaultTimesOff(localCreation))
                    {
                        return false;
                    }

                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SetDefaultTimesOnTokenCreation", Instance: ILocalReferenceOperation instance } } assignment
                            && SymbolEqualityComparer.Default.Equals(instance.Local, local.Local)
                            && ValueFlow.IsConstantFalse(assignment.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case IFieldReferenceOperation field:
                    return !FieldTurnsDefaultTimesOff(field.Field);
                default:
                    return true;
            }
        }

        private static bool InitializerTurnsDefaultTimesOff(IObjectCreationOperation creation)
        {
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SetDefaultTimesOnTokenCreation" } } assignment
                    && ValueFlow.IsConstantFalse(assignment.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Syntax-level look at the field's type: its initializer and any <c>field.SetDefaultTimesOnTokenCreation = false</c>.</summary>
        private static bool FieldTurnsDefaultTimesOff(IFieldSymbol field)
        {
            foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var node in typeReference.GetSyntax().DescendantNodes())
                {
                    if (node is not AssignmentExpressionSyntax { Right: LiteralExpressionSyntax { Token.Value: false } } assignment)
                    {
                        continue;
                    }

                    var left = assignment.Left;
                    if (left is IdentifierNameSyntax { Identifier.ValueText: "SetDefaultTimesOnTokenCreation" }
                        && assignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } } }
                        && declarator.Identifier.ValueText == field.Name)
                    {
                        return true;
                    }

                    if (left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetDefaultTimesOnTokenCreation" } access
                        && (access.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == field.Name
                            || access.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: var thisName } && thisName == field.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
