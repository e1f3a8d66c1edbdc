namespace SafeAuth.Tests.Fixtures;

public static class ListExtensions
{
    /// <summary>Replaces the contents of a get-only options list.</summary>
    public static IList<T> Fill<T>(this IList<T> list, params T[] items)
    {
        list.Clear();
        foreach (T item in items)
            list.Add(item);
        return list;
    }
}
