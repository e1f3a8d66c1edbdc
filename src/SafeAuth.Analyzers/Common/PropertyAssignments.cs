using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafeAuth.Analyzers.Common;

/// <summary>Assignments to properties, in object initializers or on an instance expression.</summary>
internal static class PropertyAssignments
{
    /// <summary>The property an assignment sets, or <c>null</c>.</summary>
    public static IPropertySymbol? AssignedProperty(ISimpleAssignmentOperation assignment) =>
        assignment.Target is IPropertyReferenceOperation { Property: var property } ? property : null;

    /// <summary>
    /// The other assignments to the same object: the siblings in an object initializer, or assignments in the same
    /// member body whose instance is written the same way (<c>options.TokenValidationParameters.X = ...</c>).
    /// </summary>
    public static IEnumerable<ISimpleAssignmentOperation> Siblings(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var other in initializer.Initializers)
            {
                if (other is ISimpleAssignmentOperation sibling && sibling != assignment)
                {
                    yield return sibling;
                }
            }

            yield break;
        }

        if (assignment.Target is not IPropertyReferenceOperation { Instance: { } instance })
        {
            yield break;
        }

        var text = instance.Syntax.ToString();
        foreach (var operation in assignment.GetRoot().DescendantsAndSelf())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } otherInstance } } other
                && other != assignment
                && otherInstance.Syntax.ToString() == text)
            {
                yield return other;
            }
        }
    }
}
